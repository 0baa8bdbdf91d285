package dev.ivrflow.flow.json;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps every document goes through: strict parsing, schema validation, then binding to records. Binding
 * only runs on a document the schema accepts, so its own errors are rare and never repeat a schema error.
 * Every step returns errors as data; nothing the input contains makes this throw.
 */
final class DocumentPipeline<T> {

    /** Builds the value from a schema-valid tree, adding an error for anything it cannot bind. */
    interface Binder<T> {
        T bind(JsonNode tree, List<DocumentError> errors);
    }

    private final Schema schema;
    private final SchemaErrors schemaErrors;
    private final Binder<T> binder;
    private final DocumentLimits limits;

    DocumentPipeline(Schema schema, Binder<T> binder, DocumentLimits limits) {
        this.schema = schema;
        this.schemaErrors = new SchemaErrors(schema.getSchemaNode());
        this.binder = binder;
        this.limits = limits;
    }

    ReadResult<T> read(byte[] json) {
        ParsedDocument parsed = StrictJsonParser.parse(json, limits);
        JsonNode tree = parsed.tree();
        if (tree == null) return new ReadResult.Invalid<>(parsed.errors());
        List<DocumentError> errors = new ArrayList<>(parsed.errors());
        try {
            errors.addAll(schemaErrors.translate(schema.validate(tree)));
        } catch (RuntimeException e) {
            errors.add(new DocumentError("", "the document could not be checked against the schema: " + e.getMessage(),
                    "a document the schema can check"));
        }
        if (errors.isEmpty()) {
            try {
                T value = binder.bind(tree, errors);
                if (errors.isEmpty()) return new ReadResult.Valid<>(value);
            } catch (RuntimeException e) {
                errors.add(new DocumentError("", "the document could not be read: " + e.getMessage(), "a valid document"));
            }
        }
        return new ReadResult.Invalid<>(DocumentOrder.sort(errors, tree));
    }

    ReadResult<T> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    ReadResult<T> read(Path file) {
        try {
            long size = Files.size(file);
            // Checked before reading, so a huge file is refused without loading it.
            if (size > limits.maxBytes()) {
                return new ReadResult.Invalid<>(List.of(StrictJsonParser.tooLarge(size, limits)));
            }
            return read(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return new ReadResult.Invalid<>(List.of(new DocumentError("", "cannot read " + file + ": " + e, "a readable file")));
        }
    }
}
