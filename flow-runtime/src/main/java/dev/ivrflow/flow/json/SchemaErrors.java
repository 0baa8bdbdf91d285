package dev.ivrflow.flow.json;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.ivrflow.flow.model.Pointers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns networknt's validation errors into {@link DocumentError}s a person can act on: the pointer of the
 * offending value (of the unknown or misnamed property itself, not of its object), and a message saying what
 * was found and what was expected. What is expected is read from the schema at the error's location, so the
 * wording follows the schema rather than a copy of it.
 */
final class SchemaErrors {
    private final JsonNode schemaRoot;

    SchemaErrors(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    List<DocumentError> translate(List<Error> errors) {
        // A failed oneOf/anyOf also reports why each branch failed; its own message says it better.
        List<String> alternatives = new ArrayList<>();
        for (Error e : errors) {
            if (e.getKeyword().equals("oneOf") || e.getKeyword().equals("anyOf")) alternatives.add(e.getEvaluationPath() + "/");
        }
        Set<DocumentError> out = new LinkedHashSet<>();
        for (Error e : errors) {
            String path = e.getEvaluationPath().toString();
            if (alternatives.stream().anyMatch(path::startsWith)) continue;
            out.add(translate(e));
        }
        return List.copyOf(out);
    }

    private DocumentError translate(Error e) {
        String pointer = pointer(e.getInstanceLocation());
        JsonNode keywordValue = schemaNode(e);
        JsonNode schema = parentSchema(e);
        JsonNode found = e.getInstanceNode() == null ? MissingNode.getInstance() : e.getInstanceNode();
        String expected = Expectations.describe(schema, schemaRoot);
        return switch (e.getKeyword()) {
            case "required" -> new DocumentError(pointer, "missing required property '" + e.getProperty() + "'",
                    "property '" + e.getProperty() + "'");
            case "additionalProperties" -> unknownProperty(pointer, e.getProperty(), schema);
            case "propertyNames" -> {
                String allowed = Expectations.describe(keywordValue, schemaRoot);
                yield new DocumentError(Pointers.join(pointer, e.getProperty()),
                        "invalid name '" + e.getProperty() + "': expected " + allowed, allowed);
            }
            case "dependentRequired" -> {
                String needed = Expectations.list(keywordValue.path(e.getProperty()));
                yield new DocumentError(Pointers.join(pointer, e.getProperty()),
                        "'" + e.getProperty() + "' is only allowed together with '" + needed + "', which is missing",
                        "'" + needed + "' alongside '" + e.getProperty() + "'");
            }
            case "oneOf", "anyOf" -> alternatives(pointer, e, schema, expected, found);
            case "not" -> {
                String excluded = keywordValue.has("enum") ? "a value other than " + Expectations.list(keywordValue.get("enum"))
                        : "not " + Expectations.describe(keywordValue, schemaRoot);
                yield new DocumentError(pointer, "expected " + excluded + ", found " + Found.describe(found), excluded);
            }
            case "uniqueItems" -> new DocumentError(pointer, "the list repeats an item; expected each item at most once",
                    "each item at most once");
            case "maxLength" -> new DocumentError(pointer, "expected " + expected + ", found "
                    + found.asString().codePointCount(0, found.asString().length()) + " characters", expected);
            case "minItems", "maxItems" -> new DocumentError(pointer, "expected " + expected + ", found "
                    + count(found.size(), "item"), expected);
            case "minProperties", "maxProperties" -> new DocumentError(pointer, "expected " + expected + ", found "
                    + count(found.size(), "property"), expected);
            default -> new DocumentError(pointer, "expected " + expected + ", found " + Found.describe(found), expected);
        };
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }

    private DocumentError unknownProperty(String objectPointer, String name, JsonNode schema) {
        String allowed = schema == null ? "" : String.join(", ", schema.path("properties").propertyNames());
        return new DocumentError(Pointers.join(objectPointer, name), "unknown property '" + name + "' (allowed: "
                + (allowed.isEmpty() ? "none" : allowed) + ")", allowed.isEmpty() ? "no properties" : "one of " + allowed);
    }

    // When every alternative is "has property X", the useful message names the ones present.
    private DocumentError alternatives(String pointer, Error e, JsonNode schema, String expected, JsonNode found) {
        List<String> names = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (JsonNode branch : schema == null ? MissingNode.getInstance() : schema.path(e.getKeyword())) {
            JsonNode required = branch.get("required");
            if (branch.size() != 1 || required == null || required.size() != 1) return new DocumentError(pointer,
                    "expected " + expected + ", found " + Found.describe(found) + " that fits none or several of them", expected);
            String name = required.get(0).asString();
            names.add(name);
            if (found.has(name)) present.add(name);
        }
        String what = present.isEmpty() ? "none of " + String.join(", ", names) : "both " + String.join(" and ", present);
        if (present.size() > 2) what = "all of " + String.join(", ", present);
        return new DocumentError(pointer, "expected " + expected + ", found " + what, expected);
    }

    private JsonNode schemaNode(Error e) {
        JsonNode node = schemaRoot.at(pointer(e.getSchemaLocation().getFragment()));
        return node.isMissingNode() ? e.getSchemaNode() : node;
    }

    /** The schema object holding the failed keyword, or null when it is not in our document. */
    private JsonNode parentSchema(Error e) {
        NodePath fragment = e.getSchemaLocation().getFragment();
        if (fragment == null || fragment.getNameCount() == 0) return schemaRoot;
        JsonNode node = schemaRoot.at(pointer(fragment.getParent()));
        return node.isMissingNode() ? null : node;
    }

    static String pointer(NodePath path) {
        if (path == null) return "";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/').append(Pointers.escape(String.valueOf(path.getElement(i))));
        }
        return out.toString();
    }
}
