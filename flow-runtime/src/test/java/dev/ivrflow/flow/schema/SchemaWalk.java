package dev.ivrflow.flow.schema;

import tools.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/**
 * Visits the schemas a form is built from: the root, every {@code $defs} entry, every property, list item and
 * map value. Not the conditions ({@code if}, {@code then}, {@code oneOf}...), which only add constraints.
 */
final class SchemaWalk {
    private SchemaWalk() {
    }

    static void forms(JsonNode schema, String pointer, BiConsumer<String, JsonNode> visit) {
        if (schema == null || !schema.isObject()) return;
        visit.accept(pointer, schema);
        for (var def : schema.path("$defs").properties()) forms(def.getValue(), pointer + "/$defs/" + def.getKey(), visit);
        for (var p : schema.path("properties").properties()) forms(p.getValue(), pointer + "/properties/" + p.getKey(), visit);
        forms(schema.get("items"), pointer + "/items", visit);
        forms(schema.get("additionalProperties"), pointer + "/additionalProperties", visit);
    }

    /** Every property schema (a member of some {@code properties}), with its pointer. */
    static void properties(JsonNode schema, BiConsumer<String, JsonNode> visit) {
        forms(schema, "", (pointer, s) -> {
            for (var p : s.path("properties").properties()) visit.accept(pointer + "/properties/" + p.getKey(), p.getValue());
        });
    }
}
