package dev.ivrflow.flow.json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Says in words what a schema accepts ("an integer from 1 to 10"), for error messages. A schema may say it
 * itself with {@code x-expected}, which the shared definitions do where a pattern would mean nothing to a
 * reader.
 */
final class Expectations {
    private Expectations() {
    }

    static String describe(JsonNode schema, JsonNode root) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) return "a valid value";
        if (schema.has("x-expected")) return schema.get("x-expected").asString();
        if (schema.has("$ref")) {
            JsonNode target = resolve(schema.get("$ref").asString(), root);
            if (target != null && target.isObject()) return describe(merged(target, schema), root);
        }
        if (schema.has("const")) return Found.literal(schema.get("const"));
        if (schema.has("enum")) return "one of " + list(schema.get("enum"));
        JsonNode type = schema.get("type");
        if (type == null) return "a JSON value";
        if (type.isArray()) {
            List<String> kinds = new ArrayList<>();
            for (JsonNode t : type) kinds.add(ofType(t.asString(), schema));
            return String.join(" or ", kinds);
        }
        return ofType(type.asString(), schema);
    }

    /** The schema a local reference ("#/$defs/nodeId") points to, or null. */
    static JsonNode resolve(String ref, JsonNode root) {
        if (!ref.startsWith("#")) return null;
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }

    // The referenced schema, narrowed by the referring one's own keywords ("$ref": template, "minLength": 1).
    private static JsonNode merged(JsonNode target, JsonNode referrer) {
        ObjectNode out = ((ObjectNode) target).deepCopy();
        for (var e : referrer.properties()) {
            if (!e.getKey().equals("$ref") && !e.getKey().equals("title") && !e.getKey().equals("description")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String ofType(String type, JsonNode s) {
        return switch (type) {
            case "integer" -> "an integer" + range(s);
            case "number" -> "a number" + range(s);
            case "string" -> string(s);
            case "boolean" -> "true or false";
            case "array" -> "a list" + count(s, "minItems", "maxItems", "item");
            case "object" -> "an object" + count(s, "minProperties", "maxProperties", "property");
            case "null" -> "null";
            default -> type;
        };
    }

    private static String range(JsonNode s) {
        JsonNode min = s.get("minimum");
        JsonNode max = s.get("maximum");
        JsonNode above = s.get("exclusiveMinimum");
        if (min != null && max != null) return " from " + min + " to " + max;
        if (above != null && max != null) return " greater than " + above + " and at most " + max;
        if (min != null) return " of at least " + min;
        if (above != null) return " greater than " + above;
        if (max != null) return " of at most " + max;
        return "";
    }

    private static String string(JsonNode s) {
        int min = s.path("minLength").asInt(0);
        JsonNode max = s.get("maxLength");
        String base = min > 0 ? "a non-empty string" : "a string";
        if (min > 1) base = "a string of at least " + min + " characters";
        if (s.has("pattern")) base += " matching " + s.get("pattern").asString();
        if (max != null) base += (s.has("pattern") ? " and" : " of") + " at most " + max + " characters";
        return base;
    }

    private static String count(JsonNode s, String minKey, String maxKey, String noun) {
        int min = s.path(minKey).asInt(0);
        JsonNode max = s.get(maxKey);
        if (min > 0 && max != null) return " of " + min + " to " + max + " " + plural(noun);
        if (min > 0) return " of at least " + min + " " + (min == 1 ? noun : plural(noun));
        if (max != null) return " of at most " + max + " " + (max.asInt() == 1 ? noun : plural(noun));
        return "";
    }

    private static String plural(String noun) {
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    static String list(JsonNode values) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : values) out.add(v.isString() ? v.asString() : v.toString());
        return String.join(", ", out);
    }
}
