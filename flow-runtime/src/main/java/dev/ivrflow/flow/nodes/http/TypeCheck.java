package dev.ivrflow.flow.nodes.http;

import dev.ivrflow.flow.model.VariableType;

import java.util.List;
import java.util.Map;

/**
 * Whether a JSON value from an HTTP answer fits a declared variable, so a bad answer takes the error exit at the
 * http node instead of failing later in an unrelated one. Scalars read into a string variable as their text; an
 * integral number fits an int; any number fits a double.
 */
final class TypeCheck {
    private TypeCheck() {
    }

    /** What is wrong with the value for this type, or null when it fits. */
    static String problem(Object value, VariableType type) {
        if (type == null) return null;
        if (value == null) return "is null";
        boolean fits = switch (type) {
            case STRING -> value instanceof String || value instanceof Number || value instanceof Boolean;
            case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && Math.abs(n.doubleValue()) < 9.2e18;
            case DOUBLE -> value instanceof Number;
            case BOOL -> value instanceof Boolean;
            case LIST -> value instanceof List<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
        return fits ? null : "is " + describe(value) + ", not " + article(type);
    }

    static Object convert(Object value, VariableType type) {
        if (type == null) return value;
        return switch (type) {
            case STRING -> value instanceof String ? value : String.valueOf(value);
            case INT -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    private static String describe(Object v) {
        return switch (v) {
            case String s -> "the text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            case Boolean b -> "the boolean " + b;
            case Number n -> "the number " + n;
            case List<?> l -> "a list";
            case Map<?, ?> m -> "an object";
            default -> v.getClass().getSimpleName();
        };
    }

    private static String article(VariableType t) {
        return switch (t) {
            case INT -> "an integer";
            case DOUBLE -> "a number";
            case BOOL -> "a boolean";
            case LIST -> "a list";
            case MAP -> "an object";
            case STRING -> "a text";
        };
    }
}
