package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.NodeSettings;

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

    /**
     * Reports {@code SETTING_OUT_OF_RANGE} when the field is set and outside its range. Only the node type rule
     * calls this, for the ranges each validator declares: a range checked anywhere else would escape the test
     * that keeps validator and schema in step.
     */
    static <S extends NodeSettings> void inRange(NodeCheck<S> check, FieldRange<S> range) {
        Number value = range.value().apply(check.settings());
        if (value == null || range.contains(value.doubleValue())) return;
        check.error(ValidationCodes.SETTING_OUT_OF_RANGE, range.pointer(), "\"" + field(range.pointer()) + "\" is "
                + value + "; it must be " + range.describe() + ".");
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
}
