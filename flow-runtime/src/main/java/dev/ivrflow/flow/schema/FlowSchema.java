package dev.ivrflow.flow.schema;

import com.networknt.schema.Schema;
import dev.ivrflow.flow.model.NodeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of a flow document: the base {@code flow.schema.json}, each node type's
 * settings at {@code $defs/<type>Settings} and the calendar at {@code $defs/calendar}. The designer builds its
 * forms from this same document (titles, descriptions, defaults and the {@code x-widget} annotations).
 * Assembled and compiled once, on first use.
 */
public final class FlowSchema {
    public static final String ID = "https://ivrflow.dev/schema/ivr-flow-1.json";
    static final String BASE_RESOURCE = "/dev/ivrflow/flow/schema/flow.schema.json";

    private static final class Loaded {
        static final ObjectNode DOCUMENT = SchemaAssembler.flow(BASE_RESOURCE);
        static final String JSON = SchemaResources.text(DOCUMENT);
        static final Schema COMPILED = SchemaCompiler.compile(DOCUMENT);
    }

    private FlowSchema() {
    }

    /** The assembled schema; a copy, so callers cannot change what validation uses. */
    public static JsonNode document() {
        return Loaded.DOCUMENT.deepCopy();
    }

    /** The assembled schema as JSON text, as served to the designer and to editors. */
    public static String json() {
        return Loaded.JSON;
    }

    /** The compiled schema; thread-safe, shared by every read. */
    public static Schema compiled() {
        return Loaded.COMPILED;
    }

    /** The name of a node type's settings under {@code $defs}, such as {@code menuSettings}. */
    public static String settingsDef(NodeType type) {
        return type.json() + "Settings";
    }
}
