package dev.ivrflow.app.journal;

import dev.ivrflow.flow.runtime.JournalEvent;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How journal events are stored: one document per event in {@code journal}, keyed by {@code callId/seq} so that a
 * batch written twice (a retry after a timeout, a spool replayed after a crash) cannot store an event twice; and
 * one line of MongoDB Extended JSON per event in the disk spool, which keeps every BSON type across the round trip.
 *
 * <p>Detail values are made storable whatever a handler put there: numbers, strings, booleans, dates, lists and
 * maps stay as they are, anything else becomes its string; strings are cut at {@value #MAX_STRING} characters and
 * field names lose dots and leading dollars. A document the database could refuse for its shape would otherwise
 * be retried forever.
 */
public final class JournalDocuments {
    public static final String JOURNAL = "journal";
    public static final String CALLS = "calls";

    static final int MAX_STRING = 8_192;
    private static final int MAX_DEPTH = 8;
    private static final JsonWriterSettings SPOOL_JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private JournalDocuments() {
    }

    /** The database id of a call's event: sorts in sequence order within the call. */
    public static String id(String callId, long seq) {
        String n = Long.toString(seq);
        return callId + "/" + "0".repeat(Math.max(0, 8 - n.length())) + n;
    }

    /**
     * The stored form of an event. A {@code CALL_ENDED} also carries {@code pathLength}, the nodes the call
     * entered, so that the call's summary can be built from the journal documents alone (even from the spool).
     */
    static Document toDocument(JournalEvent e, String callId, long seq, Integer pathLength) {
        Document d = new Document("_id", id(callId, seq))
                .append("callId", callId)
                .append("seq", seq)
                .append("at", Date.from(e.at() == null ? Instant.now() : e.at()))
                .append("kind", e.kind().name())
                .append("flowId", e.flowId())
                .append("flowVersion", e.flowVersion());
        if (e.nodeId() != null) d.append("nodeId", e.nodeId());
        if (e.nodeType() != null) d.append("nodeType", e.nodeType());
        if (e.exit() != null) d.append("exit", e.exit());
        d.append("detail", storable(e.detail(), 0));
        if (pathLength != null) d.append("pathLength", pathLength);
        return d;
    }

    static JournalEntry toEntry(JournalEvent e, String callId, long seq) {
        return new JournalEntry(callId, seq, e.at() == null ? Instant.now() : e.at(), e.kind(), e.flowId(),
                e.flowVersion(), e.nodeId(), e.nodeType(), e.exit(), e.detail());
    }

    /** An event as read back from the database (or the spool). */
    public static JournalEntry toEntry(Document d) {
        Object detail = d.get("detail");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = detail instanceof Map<?, ?> m ? (Map<String, Object>) readable(m) : Map.of();
        return new JournalEntry(d.getString("callId"), number(d.get("seq")), instant(d.get("at")),
                kind(d.getString("kind")), d.getString("flowId"), (int) number(d.get("flowVersion")),
                d.getString("nodeId"), d.getString("nodeType"), d.getString("exit"), details);
    }

    static String toSpoolLine(Document d) {
        return d.toJson(SPOOL_JSON);
    }

    static Document fromSpoolLine(String line) {
        return Document.parse(line);
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    static Instant instant(Object o) {
        return o instanceof Date date ? date.toInstant() : null;
    }

    private static JournalEvent.Kind kind(String name) {
        try {
            return name == null ? null : JournalEvent.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Object storable(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof Date) {
            return v instanceof String s && s.length() > MAX_STRING ? s.substring(0, MAX_STRING) + "…" : v;
        }
        if (v instanceof Float || v instanceof Short || v instanceof Byte) {
            return v instanceof Float f ? (Object) f.doubleValue() : (Object) ((Number) v).intValue();
        }
        if (v instanceof Instant i) return Date.from(i);
        if (v instanceof BigDecimal || v instanceof BigInteger || depth >= MAX_DEPTH) return storable(v.toString(), depth);
        if (v instanceof Map<?, ?> m) {
            Document out = new Document();
            m.forEach((k, x) -> out.append(fieldName(String.valueOf(k)), storable(x, depth + 1)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object x : c) out.add(storable(x, depth + 1));
            return out;
        }
        return storable(v.toString(), depth);
    }

    private static String fieldName(String k) {
        String s = k.replace('.', '_');
        return s.startsWith("$") ? "_" + s.substring(1) : s;
    }

    private static Object readable(Object v) {
        if (v instanceof Date d) return d.toInstant();
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), readable(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object x : c) out.add(readable(x));
            return out;
        }
        return v;
    }
}
