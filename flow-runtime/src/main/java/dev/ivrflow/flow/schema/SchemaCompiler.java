package dev.ivrflow.flow.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Compiles our JSON Schemas with networknt under draft 2020-12. The {@code x-} keywords are designer
 * annotations and validate nothing; any other keyword the dialect does not know is a typo in one of our schema
 * files, so it fails loudly when the schema is compiled instead of being silently ignored.
 */
public final class SchemaCompiler {
    public static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .unknownKeywordFactory(SchemaCompiler::unknownKeyword)
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT, registry -> registry
            .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

    private SchemaCompiler() {
    }

    /** The compiled schema, with every {@code $ref} resolved now rather than on the first validation. */
    public static Schema compile(JsonNode document) {
        Schema schema = REGISTRY.getSchema(document);
        schema.initializeValidators();
        return schema;
    }

    /** What is wrong with a schema document as a draft 2020-12 schema; empty when it is a valid one. */
    public static List<Error> checkAgainstMetaSchema(JsonNode document) {
        return REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(document);
    }

    private static Keyword unknownKeyword(String name, SchemaContext context) {
        if (name.startsWith("x-")) return new NonValidationKeyword(name);
        return DisallowUnknownKeywordFactory.getInstance().getKeyword(name, context);
    }
}
