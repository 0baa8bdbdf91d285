package dev.ivrflow.flow.expr;

import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelUnknownSet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the plain Java values flows hold and the values CEL computes with. CEL knows only 64-bit
 * integers and doubles, its own null, and immutable lists and maps, so inputs are widened and copied; results are
 * narrowed back to String, Long, Double, Boolean, List, Map or null.
 */
final class CelValues {
    private CelValues() {
    }

    /** Thrown for a value that has no CEL counterpart; the message says which. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    static Object toCel(Object v) {
        return switch (v) {
            case null -> NullValue.NULL_VALUE;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b when b.bitLength() < Long.SIZE -> b.longValue();
            case BigInteger b -> b.doubleValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case BigDecimal b -> b.doubleValue();
            case CharSequence cs -> cs.toString();
            case Instant i -> i;
            case Duration d -> d;
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, val) -> out.put(String.valueOf(k), toCel(val)));
                yield Collections.unmodifiableMap(out);
            }
            case Collection<?> c -> {
                List<Object> out = new ArrayList<>(c.size());
                c.forEach(x -> out.add(toCel(x)));
                yield Collections.unmodifiableList(out);
            }
            default -> throw new Unsupported("a " + v.getClass().getSimpleName() + " cannot be used in expressions");
        };
    }

    static Object toJava(Object v) {
        return switch (v) {
            case null -> null;
            case NullValue n -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Double d -> d;
            case UnsignedLong u when u.compareTo(UnsignedLong.valueOf(Long.MAX_VALUE)) <= 0 -> u.longValue();
            case UnsignedLong u -> u.doubleValue();
            // Same text as CEL's own string(timestamp) and string(duration).
            case Instant i -> i.toString();
            case Duration d -> durationText(d);
            case CelType t -> t.name();
            case CelUnknownSet u -> throw new Unsupported("the expression read a value that has not been set");
            case CelByteString b -> throw new Unsupported("the result is bytes; convert it with string(...)");
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, val) -> out.put(String.valueOf(toJava(k)), toJava(val)));
                yield Collections.unmodifiableMap(out);
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(toJava(x)));
                yield Collections.unmodifiableList(out);
            }
            default -> throw new Unsupported("the result is a " + v.getClass().getSimpleName()
                    + ", which flows cannot store");
        };
    }

    /** The CEL type name of a plain or CEL value, for messages. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "null";
            case NullValue n -> "null";
            case String s -> "string";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Integer i -> "int";
            case Double d -> "double";
            case Float f -> "double";
            case List<?> l -> "list";
            case Map<?, ?> m -> "map";
            default -> v.getClass().getSimpleName();
        };
    }

    private static String durationText(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }
}
