package dev.ivrflow.esl.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered header block. Names keep the spelling FreeSWITCH sent and are looked up without regard to
 * case, because FreeSWITCH itself is inconsistent ({@code Content-Length} outside, {@code content-length} in a
 * sendmsg). Any name is accepted: an unknown header is data, never an error. A repeated name keeps its first
 * position and its last value, the way {@code switch_event_add_header} overwrites.
 */
public final class EslHeaders implements Iterable<EslHeaders.Header> {
    private static final EslHeaders EMPTY = new EslHeaders(List.of(), Map.of());

    /** One header as it appeared on the wire (name spelling preserved, value already decoded). */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Header> headers;
    private final Map<String, Integer> positionByKey;

    private EslHeaders(List<Header> headers, Map<String, Integer> positionByKey) {
        this.headers = headers;
        this.positionByKey = positionByKey;
    }

    public static EslHeaders empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Pairs of name and value, for tests and hand-built commands: {@code of("Event-UUID", "x", "event-lock", "true")}. */
    public static EslHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got " + namesAndValues.length + " strings");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public Optional<String> get(String name) {
        Integer position = positionByKey.get(key(name));
        return position == null ? Optional.empty() : Optional.of(headers.get(position).value());
    }

    public String getOrDefault(String name, String fallback) {
        Integer position = positionByKey.get(key(name));
        return position == null ? fallback : headers.get(position).value();
    }

    public boolean contains(String name) {
        return positionByKey.containsKey(key(name));
    }

    public int size() {
        return headers.size();
    }

    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** The names in wire order, with their original spelling. */
    public List<String> names() {
        return headers.stream().map(Header::name).toList();
    }

    public List<Header> asList() {
        return headers;
    }

    /** A copy in wire order; its keys are case-sensitive, unlike {@link #get}. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(h -> map.put(h.name(), h.value()));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Iterator<Header> iterator() {
        return headers.iterator();
    }

    /** Equal when the same headers come in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof EslHeaders that && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return headers.toString();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects headers in order; not thread-safe, build once. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();
        private final Map<String, Integer> positionByKey = new HashMap<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            Header header = new Header(name, value);
            Integer position = positionByKey.putIfAbsent(key(name), headers.size());
            if (position == null) {
                headers.add(header);
            } else {
                headers.set(position, new Header(headers.get(position).name(), value));
            }
            return this;
        }

        public Builder addAll(EslHeaders other) {
            other.forEach(h -> add(h.name(), h.value()));
            return this;
        }

        public Optional<String> get(String name) {
            Integer position = positionByKey.get(key(name));
            return position == null ? Optional.empty() : Optional.of(headers.get(position).value());
        }

        public int size() {
            return headers.size();
        }

        public EslHeaders build() {
            return headers.isEmpty() ? EMPTY : new EslHeaders(List.copyOf(headers), Map.copyOf(positionByKey));
        }
    }
}
