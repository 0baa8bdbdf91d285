package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.VariableType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow values are plain JSON-like Java values: String, Long, Double, Boolean, List, Map (string keys) or null.
 * Everything stored in a session goes through {@link #normalize}, so expressions always see the same types.
 */
public final class Values {
    private Values() {
    }

    public static Object normalize(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case BigDecimal b -> b.doubleValue();
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
                yield out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(normalize(x)));
                yield out;
            }
            case CharSequence cs -> cs.toString();
            default -> v.toString();
        };
    }

    /** A declared variable's starting value: its initial value, else the zero value of its type. */
    public static Object initial(VariableType type, Object initial) {
        if (initial != null) return normalize(initial);
        if (type == null) return null;
        return switch (type) {
            case STRING -> "";
            case INT -> 0L;
            case DOUBLE -> 0.0;
            case BOOL -> false;
            case LIST -> new ArrayList<>();
            case MAP -> new LinkedHashMap<String, Object>();
        };
    }

    /** How a value reads when spoken or put in a URL: integral doubles without ".0", null as empty. */
    public static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return v.toString();
    }
}
