package dev.ivrflow.flow.json;

import tools.jackson.databind.JsonNode;

/** How a value found in a document is quoted in a message: short, and never the whole subtree. */
final class Found {
    private static final int MAX_STRING = 60;

    private Found() {
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) return "nothing";
        if (value.isObject()) return value.isEmpty() ? "an empty object" : "an object";
        if (value.isArray()) return value.isEmpty() ? "an empty list" : "a list";
        return literal(value);
    }

    /** A scalar as JSON, a long string cut short. */
    static String literal(JsonNode value) {
        if (!value.isString()) return value.toString();
        String s = value.asString();
        if (s.codePointCount(0, s.length()) > MAX_STRING) s = s.substring(0, s.offsetByCodePoints(0, MAX_STRING)) + "…";
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
