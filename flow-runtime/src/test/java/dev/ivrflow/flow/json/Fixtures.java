package dev.ivrflow.flow.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents from {@code src/test/resources/dev/ivrflow/flow/json}. */
final class Fixtures {
    static final String ALL_NODE_TYPES = "all-node-types.json";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A small valid flow whose single node is given as JSON text. */
    static String flowWithNode(String nodeJson) {
        return """
                {"schema": "ivr-flow/1", "id": "test", "name": "Test", "defaultLanguage": "en-US", "start": "a",
                 "nodes": [%s]}
                """.formatted(nodeJson);
    }
}
