package dev.ivrflow.flow.calendar;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation run, and builds the JSON Pointers they are reported at. */
final class Problems {

    private final List<CalendarProblem> found = new ArrayList<>();

    void add(String pointer, String code, String message) {
        found.add(new CalendarProblem(pointer, code, message));
    }

    List<CalendarProblem> toList() {
        return List.copyOf(found);
    }

    /** {@code base} followed by each token, escaped as RFC 6901 requires ("~" and "/" may appear in bad keys). */
    static String at(String base, Object... tokens) {
        StringBuilder pointer = new StringBuilder(base);
        for (Object token : tokens) {
            pointer.append('/').append(String.valueOf(token).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** A found value for a message: quoted text, or the word null. */
    static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
