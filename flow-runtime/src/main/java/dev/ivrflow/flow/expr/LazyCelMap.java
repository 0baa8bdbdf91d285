package dev.ivrflow.flow.expr;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a map whose entries are converted to CEL values the first time they are read, so an
 * expression reading one node's result does not pay for converting every result the call holds. Iterating
 * (size, equality, macros over the map) converts everything once. Not thread-safe: one per evaluation.
 */
final class LazyCelMap extends AbstractMap<String, Object> {
    private final String name;
    private final Map<String, ?> source;
    private final Map<String, Object> converted = new HashMap<>();
    private Set<Entry<String, Object>> entries;

    /** @param name the name the expression reads this map by, for messages */
    LazyCelMap(String name, Map<String, ?> source) {
        this.name = name;
        this.source = source;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k) || !source.containsKey(k)) return null;
        return converted.computeIfAbsent(k, x -> {
            try {
                return CelValues.toCel(source.get(x));
            } catch (CelValues.Unsupported e) {
                throw new Bindings.BadValue("'" + name + "' holds a value expressions cannot read: " + e.getMessage());
            }
        });
    }

    @Override
    public boolean containsKey(Object key) {
        return source.containsKey(key);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (entries == null) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (String k : source.keySet()) all.put(k, get(k));
            entries = Collections.unmodifiableMap(all).entrySet();
        }
        return entries;
    }
}
