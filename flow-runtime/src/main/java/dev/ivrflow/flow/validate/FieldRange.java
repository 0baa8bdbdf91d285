package dev.ivrflow.flow.validate;

import java.util.Objects;
import java.util.function.Function;

/**
 * The bounds of one numeric settings field, declared by its node type's validator ({@link NodeValidator#ranges})
 * and checked on every node of that type. The schema gives the same field the same bounds ({@code minimum} or
 * {@code exclusiveMinimum}, and {@code maximum}), and a test holds the two together, so the designer's form and
 * the validator never accept different values.
 *
 * @param pointer     the field, relative to the settings, such as {@code /maxTries}
 * @param value       reads the field from the settings; null when it is not set
 * @param min         the lowest value allowed, or with {@code minExcluded} the value it must be above
 * @param minExcluded true when {@code min} itself is not allowed: for durations that must be more than zero
 * @param max         the highest value allowed, or null for no upper bound
 * @param unit        what the value counts, for the message ("seconds"), or null
 */
public record FieldRange<S>(String pointer, Function<? super S, ? extends Number> value, double min,
                            boolean minExcluded, Double max, String unit) {

    public FieldRange {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(value, "value");
    }

    /** From {@code min} to {@code max}, both allowed. */
    public static <S> FieldRange<S> from(String pointer, Function<? super S, ? extends Number> value, double min,
                                         double max, String unit) {
        return new FieldRange<>(pointer, value, min, false, max, unit);
    }

    /** More than {@code min} and at most {@code max}. */
    public static <S> FieldRange<S> above(String pointer, Function<? super S, ? extends Number> value, double min,
                                          double max, String unit) {
        return new FieldRange<>(pointer, value, min, true, max, unit);
    }

    /** {@code min} or more, with no upper bound. */
    public static <S> FieldRange<S> atLeast(String pointer, Function<? super S, ? extends Number> value, double min,
                                            String unit) {
        return new FieldRange<>(pointer, value, min, false, null, unit);
    }

    public boolean contains(double v) {
        return (minExcluded ? v > min : v >= min) && (max == null || v <= max);
    }

    /** The range in words, as messages give it: "from 1 to 10 tries", "more than 0 and at most 60 seconds". */
    String describe() {
        String range;
        if (max == null) range = (minExcluded ? "more than " : "at least ") + number(min);
        else if (minExcluded) range = "more than " + number(min) + " and at most " + number(max);
        else range = "from " + number(min) + " to " + number(max);
        return unit == null || unit.isEmpty() ? range : range + " " + unit;
    }

    private static String number(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
