package dev.ivrflow.flow.calendar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies that keep null elements: bad input must reach the validator, not fail in a constructor. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copyOrNull(List<T> source) {
        return source == null ? null : Collections.unmodifiableList(new ArrayList<>(source));
    }

    static <T> List<T> orEmpty(List<T> source) {
        return source == null ? List.of() : source;
    }
}
