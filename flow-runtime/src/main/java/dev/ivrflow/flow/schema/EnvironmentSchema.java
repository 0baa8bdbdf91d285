package dev.ivrflow.flow.schema;

import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of an environment's bindings document: symbolic names to FreeSWITCH targets, and shared
 * calendars (the calendar fragment is inserted at {@code $defs/calendar}, as in the flow schema).
 */
public final class EnvironmentSchema {
    public static final String ID = "https://ivrflow.dev/schema/ivr-environment-1.json";
    static final String BASE_RESOURCE = "/dev/ivrflow/flow/schema/environment.schema.json";

    private static final class Loaded {
        static final ObjectNode DOCUMENT = SchemaAssembler.withCalendar(BASE_RESOURCE);
        static final String JSON = SchemaResources.text(DOCUMENT);
        static final Schema COMPILED = SchemaCompiler.compile(DOCUMENT);
    }

    private EnvironmentSchema() {
    }

    public static JsonNode document() {
        return Loaded.DOCUMENT.deepCopy();
    }

    public static String json() {
        return Loaded.JSON;
    }

    public static Schema compiled() {
        return Loaded.COMPILED;
    }
}
