package dev.ivrflow.flow.schema;

import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.nodes.NodeKinds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the one flow schema document from the base and the fragments. The node routing (the {@code type}
 * enum and one {@code if/then} per type) is generated from {@link NodeType}, so a new type cannot be forgotten
 * in a hand-kept list. {@code if/then} rather than {@code oneOf}: a oneOf over 23 settings shapes reports every
 * branch's failures, while if/then reports only the failures of the settings the type asks for.
 */
final class SchemaAssembler {
    static final String CALENDAR_RESOURCE = "/dev/ivrflow/flow/calendar/calendar.schema.json";

    private SchemaAssembler() {
    }

    static ObjectNode flow(String baseResource) {
        ObjectNode root = SchemaResources.load(baseResource);
        ObjectNode defs = (ObjectNode) root.required("$defs");
        defs.set("calendar", fragment(CALENDAR_RESOURCE));
        for (NodeType type : NodeType.values()) defs.set(FlowSchema.settingsDef(type), fragment(NodeKinds.schemaResource(type)));
        routeNodesByType((ObjectNode) defs.required("node"));
        return root;
    }

    static ObjectNode withCalendar(String baseResource) {
        ObjectNode root = SchemaResources.load(baseResource);
        ((ObjectNode) root.required("$defs")).set("calendar", fragment(CALENDAR_RESOURCE));
        return root;
    }

    private static void routeNodesByType(ObjectNode node) {
        ObjectNode type = (ObjectNode) node.required("properties").required("type");
        type.put("type", "string");
        ArrayNode names = type.putArray("enum");
        for (NodeType t : NodeType.values()) names.add(t.json());

        ArrayNode routes = node.putArray("allOf");
        for (NodeType t : NodeType.values()) {
            ObjectNode route = routes.addObject();
            ObjectNode when = route.putObject("if");
            when.putObject("properties").putObject("type").put("const", t.json());
            when.putArray("required").add("type");
            route.putObject("then").putObject("properties").putObject("settings")
                    .put("$ref", "#/$defs/" + FlowSchema.settingsDef(t));
        }
    }

    // Fragments are inserted under $defs, where "#/..." means the assembled document: their own ids or defs
    // would silently resolve somewhere else, so they are refused.
    private static ObjectNode fragment(String resource) {
        ObjectNode fragment = SchemaResources.load(resource);
        for (String forbidden : new String[]{"$schema", "$id", "$defs"}) {
            if (fragment.has(forbidden)) {
                throw new IllegalStateException("schema fragment " + resource + " must not declare " + forbidden);
            }
        }
        return fragment;
    }
}
