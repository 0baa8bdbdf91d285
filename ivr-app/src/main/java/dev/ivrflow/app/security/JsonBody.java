package dev.ivrflow.app.security;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a JSON object body field by field and collects every problem with its JSON Pointer, so one 400 answer
 * names them all. Unknown fields are refused (a typo such as {@code "role"} for {@code "roles"} must not be
 * silently ignored). A field that is {@code null} counts as absent.
 */
final class JsonBody {
    private final JsonNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The body, which must be an object with no field outside {@code allowed}. */
    static JsonBody object(JsonNode node, Set<String> allowed) {
        JsonBody body = new JsonBody(node);
        if (node == null || !node.isObject()) {
            body.error("", "the body must be a JSON object", "an object with " + String.join(", ", new TreeSet<>(allowed)));
            return body;
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                body.error(pointer(name), "unknown field '" + name + "'", "one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return body;
    }

    /** A string of {@code min} to {@code max} characters; {@code null} when absent (an error if required) or wrong. */
    String string(String field, boolean required, int min, int max) {
        JsonNode v = present(field);
        if (v == null) {
            if (required) error(pointer(field), "'" + field + "' is required", "a string");
            return null;
        }
        if (!v.isString()) {
            error(pointer(field), "'" + field + "' must be a string", "a string");
            return null;
        }
        String s = v.stringValue();
        if (s.length() < min || s.length() > max) {
            error(pointer(field), "'" + field + "' must have " + (min == max ? min : min + " to " + max) + " characters",
                    "a string of " + min + " to " + max + " characters");
            return null;
        }
        return s;
    }

    /** A string matching {@code pattern} (described by {@code expected}). */
    String matching(String field, boolean required, Pattern pattern, String expected) {
        JsonNode v = present(field);
        if (v == null) {
            if (required) error(pointer(field), "'" + field + "' is required", expected);
            return null;
        }
        if (!v.isString() || !pattern.matcher(v.stringValue()).matches()) {
            error(pointer(field), "'" + field + "' is not valid", expected);
            return null;
        }
        return v.stringValue();
    }

    /** A boolean, or {@code null} when absent or wrong. */
    Boolean bool(String field) {
        JsonNode v = present(field);
        if (v == null) return null;
        if (!v.isBoolean()) {
            error(pointer(field), "'" + field + "' must be true or false", "a boolean");
            return null;
        }
        return v.booleanValue();
    }

    /** One role name; {@code null} when absent (an error if required) or unknown. */
    Role role(String field, boolean required) {
        JsonNode v = present(field);
        if (v == null) {
            if (required) error(pointer(field), "'" + field + "' is required", roleNames());
            return null;
        }
        Optional<Role> r = v.isString() ? Role.parse(v.stringValue()) : Optional.empty();
        if (r.isEmpty()) error(pointer(field), "'" + field + "' is not a role", roleNames());
        return r.orElse(null);
    }

    /** A non-empty array of role names; {@code null} when absent (an error if required) or wrong. */
    Set<Role> roles(String field, boolean required) {
        JsonNode v = present(field);
        if (v == null) {
            if (required) error(pointer(field), "'" + field + "' is required", "an array of " + roleNames());
            return null;
        }
        if (!v.isArray() || v.isEmpty()) {
            error(pointer(field), "'" + field + "' must be a non-empty array of roles", "an array of " + roleNames());
            return null;
        }
        Set<Role> roles = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            Optional<Role> r = item.isString() ? Role.parse(item.stringValue()) : Optional.empty();
            if (r.isEmpty()) {
                error(pointer(field) + "/" + i, "not a role", roleNames());
                ok = false;
            } else {
                roles.add(r.get());
            }
        }
        return ok ? roles : null;
    }

    void error(String pointer, String message, String expected) {
        errors.add(new FieldError(pointer, message, expected));
    }

    boolean has(String field) {
        return present(field) != null;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** Throws a 400 naming every problem found, if any. */
    void check() {
        if (!errors.isEmpty()) throw ApiException.badRequest("the request body is not valid", errors);
    }

    private JsonNode present(String field) {
        if (node == null || !node.isObject()) return null;
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private static String roleNames() {
        return "one of viewer, editor, publisher, admin";
    }
}
