package dev.ivrflow.flow.json;

import dev.ivrflow.flow.model.Pointers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shared steps of the binders: records through Jackson with errors as data, and untyped JSON values. */
final class Binding {
    private Binding() {
    }

    /** The record bound from {@code node} (at {@code pointer}), or null with an error added. */
    static <T> T record(JsonNode node, String pointer, Class<T> type, List<DocumentError> errors) {
        try {
            return RecordMapper.MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            errors.add(error(e, pointer, node));
            return null;
        } catch (RuntimeException e) {
            errors.add(new DocumentError(pointer, "cannot read this value: " + e.getMessage(), "a valid value"));
            return null;
        }
    }

    private static DocumentError error(JacksonException e, String base, JsonNode root) {
        StringBuilder pointer = new StringBuilder(base);
        StringBuilder relative = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            String token = ref.getPropertyName() != null ? Pointers.escape(ref.getPropertyName()) : String.valueOf(ref.getIndex());
            pointer.append('/').append(token);
            relative.append('/').append(token);
        }
        JsonNode found = root.at(relative.toString());
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = javaType(m.getTargetType());
            return new DocumentError(pointer.toString(), "expected " + expected + ", found " + Found.describe(found), expected);
        }
        return new DocumentError(pointer.toString(), "cannot read this value: " + e.getOriginalMessage(), "a valid value");
    }

    private static String javaType(Class<?> type) {
        if (type == Integer.class || type == int.class) return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        if (type == Long.class || type == long.class) return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        if (type == Double.class || type == double.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type)) return "a list";
        return "an object";
    }

    /**
     * A JSON value as plain Java: Long for integers, Double for decimals, String, Boolean, List, and Map
     * (sorted by key, so writing it back is deterministic). Null when it does not fit, with an error added.
     */
    static Object plain(JsonNode node, String pointer, List<DocumentError> errors) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) return node.longValue();
            errors.add(new DocumentError(pointer, "expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + ", found " + node, "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE));
            return null;
        }
        if (node.isNumber()) return node.doubleValue();
        if (node.isString()) return node.asString();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) out.add(plain(node.get(i), pointer + "/" + i, errors));
            return Collections.unmodifiableList(out);
        }
        if (node.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            for (var e : node.properties()) out.put(e.getKey(), plain(e.getValue(), Pointers.join(pointer, e.getKey()), errors));
            return Collections.unmodifiableMap(out);
        }
        return null;
    }

    static String text(JsonNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }
}
