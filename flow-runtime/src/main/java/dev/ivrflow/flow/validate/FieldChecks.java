package dev.ivrflow.flow.validate;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The plain field checks every node type needs: present, within bounds, one of a fixed set. Each reports at the
 * field's pointer and names the field as the document does, since that is what the designer's form highlights.
 */
public final class FieldChecks {
    private FieldChecks() {
    }

    /**
     * Reports {@code SETTING_MISSING} unless the value is there (not null, not blank, not empty).
     *
     * @param todo what the admin should do, e.g. "Choose the queue callers wait in."
     * @return true when the value is there
     */
    public static boolean required(NodeCheck<?> check, String pointer, Object value, String todo) {
        if (present(value)) return true;
        check.error(ValidationCodes.SETTING_MISSING, pointer, "\"" + field(pointer) + "\" is not set. " + todo);
        return false;
    }

    /** Reports {@code SETTING_OUT_OF_RANGE} when a value is set and outside {@code [min, max]}. */
    public static void inRange(NodeCheck<?> check, String pointer, Number value, double min, double max, String unit) {
        if (value == null) return;
        double v = value.doubleValue();
        if (v >= min && v <= max) return;
        check.error(ValidationCodes.SETTING_OUT_OF_RANGE, pointer, "\"" + field(pointer) + "\" is " + value
                + "; it must be from " + number(min) + " to " + number(max) + unitSuffix(unit) + ".");
    }

    /** Like {@link #inRange} with {@code min} itself excluded: for durations that must be more than zero. */
    public static void aboveUpTo(NodeCheck<?> check, String pointer, Number value, double min, double max, String unit) {
        if (value == null) return;
        double v = value.doubleValue();
        if (v > min && v <= max) return;
        check.error(ValidationCodes.SETTING_OUT_OF_RANGE, pointer, "\"" + field(pointer) + "\" is " + value
                + "; it must be more than " + number(min) + " and at most " + number(max) + unitSuffix(unit) + ".");
    }

    /** Reports {@code SETTING_INVALID} when a value is set and not one of {@code allowed}. */
    public static void oneOf(NodeCheck<?> check, String pointer, String value, List<String> allowed) {
        if (value == null || allowed.contains(value)) return;
        check.error(ValidationCodes.SETTING_INVALID, pointer, "\"" + field(pointer) + "\" is \"" + value
                + "\"; choose one of " + String.join(", ", allowed) + ".");
    }

    public static boolean present(Object value) {
        return switch (value) {
            case null -> false;
            case String s -> !s.isBlank();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** The last token of a pointer: the field's name as the document spells it. */
    static String field(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return last.replace("~1", "/").replace("~0", "~");
    }

    private static String number(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isEmpty() ? "" : " " + unit;
    }
}
