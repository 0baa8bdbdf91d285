package dev.ivrflow.app.api;

import dev.ivrflow.app.api.error.ApiException;
import dev.ivrflow.app.api.error.FieldError;
import dev.ivrflow.flow.model.Pointers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small JSON request body (a publish or rollback request, a calendar preview) checked by hand, so that every problem is reported at
 * once with its pointer and what was expected: not JSON, not an object, unknown fields, wrong types, missing or too
 * long values. No coercion: {@code "version": "3"} is a string, not a number.
 */
final class JsonBody {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode object;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode object, Set<String> allowed) {
        this.object = object;
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(Pointers.join("", name), "unknown property '" + name + "' (allowed: "
                        + String.join(", ", allowed) + ")", "one of " + String.join(", ", allowed)));
            }
        }
    }

    /** Parses a JSON object with only the given properties; anything else is a 400 naming the place. */
    static JsonBody parse(byte[] bytes, String... allowed) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at == TokenStreamLocation.NA ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String detail = e.getOriginalMessage() == null ? "" : firstLine(e.getOriginalMessage());
            throw ApiException.badRequest("", "the request body is not valid JSON" + where + ": " + detail, "a JSON object");
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest("", "expected a JSON object, found " + kind(tree), "a JSON object");
        }
        return new JsonBody(tree, new LinkedHashSet<>(List.of(allowed)));
    }

    /** A string property; null when absent (and reported when required), blank counting as absent. */
    String string(String name, boolean required, int maxLength) {
        JsonNode v = object.get(name);
        String pointer = Pointers.join("", name);
        if (v == null || v.isNull()) {
            if (required) errors.add(new FieldError(pointer, "missing required property '" + name + "'", "a string"));
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError(pointer, "expected a string, found " + kind(v), "a string"));
            return null;
        }
        String s = v.asString();
        if (s.isBlank()) {
            if (required) errors.add(new FieldError(pointer, "'" + name + "' is blank", "a non-blank string"));
            return null;
        }
        if (s.codePointCount(0, s.length()) > maxLength) {
            errors.add(new FieldError(pointer, "expected at most " + maxLength + " characters, found "
                    + s.codePointCount(0, s.length()), "at most " + maxLength + " characters"));
            return null;
        }
        return s;
    }

    /** A positive integer property; null when absent (and reported when required). */
    Integer positiveInt(String name, boolean required) {
        JsonNode v = object.get(name);
        String pointer = Pointers.join("", name);
        String expected = "an integer from 1 to " + Integer.MAX_VALUE;
        if (v == null || v.isNull()) {
            if (required) errors.add(new FieldError(pointer, "missing required property '" + name + "'", expected));
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            errors.add(new FieldError(pointer, "expected " + expected + ", found " + kind(v), expected));
            return null;
        }
        return v.intValue();
    }

    /** An object property; null when absent (and reported when required) or not an object. */
    JsonNode object(String name, boolean required, String expected) {
        JsonNode v = object.get(name);
        String pointer = Pointers.join("", name);
        if (v == null || v.isNull()) {
            if (required) errors.add(new FieldError(pointer, "missing required property '" + name + "'", expected));
            return null;
        }
        if (!v.isObject()) {
            errors.add(new FieldError(pointer, "expected an object, found " + kind(v), expected));
            return null;
        }
        return v;
    }

    /** A date-time with an offset ({@code 2026-03-02T10:00:00+01:00}); null when absent (and reported when required). */
    OffsetDateTime dateTime(String name, boolean required) {
        String expected = "a date-time with an offset (ISO 8601), such as 2026-03-02T10:00:00+01:00";
        JsonNode v = object.get(name);
        String pointer = Pointers.join("", name);
        if (v == null || v.isNull()) {
            if (required) errors.add(new FieldError(pointer, "missing required property '" + name + "'", expected));
            return null;
        }
        if (!v.isString()) {
            errors.add(new FieldError(pointer, "expected a string, found " + kind(v), expected));
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asString());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "expected " + expected + ", found " + kind(v), expected));
            return null;
        }
    }

    /** Adds a problem found elsewhere (such as in a nested document), to be thrown with the others. */
    void add(FieldError error) {
        errors.add(error);
    }

    /** Throws the 400 with every problem found, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("the request body is not valid: " + errors.size() + " problem"
                    + (errors.size() == 1 ? "" : "s"), errors);
        }
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isString()) return "the string " + abbreviate(v.toString());
        if (v.isNumber() || v.isBoolean() || v.isNull()) return v.toString();
        return v.isArray() ? "an array" : "an object";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
