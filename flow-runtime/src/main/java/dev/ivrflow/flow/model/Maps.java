package dev.ivrflow.flow.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Maps in the model are sorted by key, so writing them is deterministic. */
final class Maps {
    private Maps() {
    }

    static <V> Map<String, V> sortedCopy(Map<String, V> source) {
        return Collections.unmodifiableMap(new TreeMap<>(source));
    }
}
