package dev.ivrflow.esl.codec;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered header block. Names keep the spelling FreeSWITCH sent and are looked up without regard to
 * case, because FreeSWITCH itself is inconsistent ({@code Content-Length} outside, {@code content-length} in a
 * sendmsg). Any name is accepted: an unknown header is data, never an error. A repeated name keeps its first
 * position and its last value, the way {@code switch_event_add_header} overwrites.
 *
 * <p>An event carries about 130 headers and the runtime reads a handful, so the block is built cheaply: the headers
 * in an array and a small open-addressing table of their positions, hashed without regard to case. No lower-cased
 * key, map entry or copy is made per header (they were most of the garbage decoding made, and of the GC pauses
 * behind the latency tail under load).
 */
public final class EslHeaders implements Iterable<EslHeaders.Header> {
    private static final EslHeaders EMPTY = new EslHeaders(new Header[0], 0, new int[1]);

    /** One header as it appeared on the wire (name spelling preserved, value already decoded). */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final Header[] headers;
    private final int size;
    /** Slot → position + 1, 0 for an empty slot; its length is a power of two, at least twice the size. */
    private final int[] index;

    private EslHeaders(Header[] headers, int size, int[] index) {
        this.headers = headers;
        this.size = size;
        this.index = index;
    }

    public static EslHeaders empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

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
        int position = find(headers, index, name);
        return position < 0 ? Optional.empty() : Optional.of(headers[position].value());
    }

    public String getOrDefault(String name, String fallback) {
        int position = find(headers, index, name);
        return position < 0 ? fallback : headers[position].value();
    }

    public boolean contains(String name) {
        return find(headers, index, name) >= 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public List<String> names() {
        return asList().stream().map(Header::name).toList();
    }

    public List<Header> asList() {
        return Collections.unmodifiableList(Arrays.asList(headers).subList(0, size));
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) map.put(headers[i].name(), headers[i].value());
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Iterator<Header> iterator() {
        return asList().iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EslHeaders that && asList().equals(that.asList());
    }

    @Override
    public int hashCode() {
        return asList().hashCode();
    }

    @Override
    public String toString() {
        return asList().toString();
    }

    /** A hash equal for any two names {@link String#equalsIgnoreCase} finds equal. */
    private static int hash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c >= 0x80) {
                c = Character.toLowerCase(Character.toUpperCase(c));
            }
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }

    /** The position of the header with this name, or -1. */
    private static int find(Header[] headers, int[] index, String name) {
        int mask = index.length - 1;
        for (int slot = hash(name) & mask; ; slot = (slot + 1) & mask) {
            int entry = index[slot];
            if (entry == 0) return -1;
            if (headers[entry - 1].name().equalsIgnoreCase(name)) return entry - 1;
        }
    }

    public static final class Builder {
        private Header[] headers = new Header[16];
        private int size;
        private int[] index = new int[32];

        private Builder() {
        }

        public Builder add(String name, String value) {
            Header header = new Header(name, value);
            int position = find(headers, index, name);
            if (position >= 0) {
                headers[position] = new Header(headers[position].name(), value);
                return this;
            }
            if (size == headers.length) headers = Arrays.copyOf(headers, size * 2);
            headers[size] = header;
            size++;
            if (size * 2 > index.length) {
                index = new int[index.length * 2];
                for (int i = 0; i < size; i++) insert(index, headers[i].name(), i);
            } else {
                insert(index, name, size - 1);
            }
            return this;
        }

        private static void insert(int[] index, String name, int position) {
            int mask = index.length - 1;
            int slot = hash(name) & mask;
            while (index[slot] != 0) slot = (slot + 1) & mask;
            index[slot] = position + 1;
        }

        public Builder addAll(EslHeaders other) {
            other.forEach(h -> add(h.name(), h.value()));
            return this;
        }

        public Optional<String> get(String name) {
            int position = find(headers, index, name);
            return position < 0 ? Optional.empty() : Optional.of(headers[position].value());
        }

        public int size() {
            return size;
        }

        /** The block; the builder hands its arrays over and starts afresh, so one built block never changes. */
        public EslHeaders build() {
            if (size == 0) return EMPTY;
            EslHeaders built = new EslHeaders(headers, size, index);
            headers = new Header[16];
            index = new int[32];
            size = 0;
            return built;
        }
    }
}
