package dev.ivrflow.flow.schema;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

/** Loads our own schema files from the classpath. A broken one is a build defect, so it throws. */
final class SchemaResources {
    static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private SchemaResources() {
    }

    static String text(JsonNode document) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }

    static ObjectNode load(String resource) {
        try (InputStream in = SchemaResources.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("schema resource missing: " + resource);
            JsonNode node = MAPPER.readTree(in);
            if (!(node instanceof ObjectNode object)) throw new IllegalStateException("schema resource is not an object: " + resource);
            return object;
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("schema resource unreadable: " + resource + ": " + e.getMessage(), e);
        }
    }
}
