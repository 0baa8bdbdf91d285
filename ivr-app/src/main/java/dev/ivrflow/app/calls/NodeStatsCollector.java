package dev.ivrflow.app.calls;

import dev.ivrflow.app.journal.JournalEntry;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * Computes {@link FlowStats} in one pass over a flow version's events in time order, in bounded memory: per node a
 * few counters and a {@link DwellSample}, and per call in progress in the stream its last sequence number and the
 * node it is in. A call's state goes at its {@code CALL_ENDED}, or once the stream has moved a day past its last
 * event (no call lasts that long), so the memory follows the calls running at one time, not the calls in the range.
 *
 * <p>Why not an aggregation pipeline: dwell time needs each event's successor within its call
 * ({@code $setWindowFields}), which the embedded server does not implement; one streaming pass works on both.
 *
 * <p>The events are those of this flow version only. A call that runs a subflow leaves this version's events for a
 * while: its sequence numbers jump. When the call comes back to the node it left (the subflow node taking its
 * exit), the visit goes on; otherwise (this flow is the subflow, and its caller took over) the visit's end is not
 * seen here and the visit is not measured.
 */
final class NodeStatsCollector {
    private static final Duration CALL_HORIZON = Duration.ofHours(24);
    private static final int SWEEP_EVERY = 10_000;

    private final int sampleSize;
    private final Random random = new Random(0x1f0e);
    private final Map<String, Tally> nodes = new TreeMap<>();
    private final Map<String, CallState> calls = new HashMap<>();
    private long events;
    private long callsSeen;
    private long started;
    private Instant latest;
    private int sinceSweep;

    NodeStatsCollector(int sampleSize) {
        this.sampleSize = sampleSize;
    }

    void accept(JournalEntry e) {
        if (e.kind() == null || e.at() == null) return;
        events++;
        if (latest == null || e.at().isAfter(latest)) latest = e.at();
        CallState call = calls.get(e.callId());
        if (call == null) {
            call = new CallState();
            calls.put(e.callId(), call);
            callsSeen++;
        } else if (e.seq() > call.lastSeq + 1 && call.openNode != null) {
            boolean backToSameNode = e.kind() != Kind.NODE_ENTERED && Objects.equals(e.nodeId(), call.openNode);
            if (!backToSameNode) call.openNode = null;
        }
        switch (e.kind()) {
            case CALL_STARTED -> started++;
            case NODE_ENTERED -> {
                close(call, e.at());
                Tally t = tally(e);
                if (t != null) {
                    t.entries++;
                    call.openNode = e.nodeId();
                    call.openedAt = e.at();
                }
            }
            case EXIT_TAKEN -> {
                Tally t = tally(e);
                if (t != null && e.exit() != null) {
                    t.exits.merge(e.exit(), 1L, Long::sum);
                    if (e.detail().get("via") instanceof String via) t.edges.merge(via, 1L, Long::sum);
                }
            }
            case INPUT -> {
                Tally t = tally(e);
                if (t != null) {
                    Map<String, Object> d = e.detail();
                    if (Boolean.TRUE.equals(d.get("timeout")) || "NO_INPUT".equals(d.get("status"))) t.timeouts++;
                    if (d.containsKey("invalid") || "NO_MATCH".equals(d.get("status"))) t.invalid++;
                    if (d.containsKey("hangup")) t.hangups++;
                }
            }
            case NODE_FAILED -> {
                Tally t = tally(e);
                if (t != null) t.failures++;
            }
            case FALLBACK -> {
                Tally t = tally(e);
                if (t != null) t.fallbacks++;
            }
            case CALL_ENDED -> {
                close(call, e.at());
                Tally t = tally(e);
                if (t != null) t.ended++;
                calls.remove(e.callId());
            }
            default -> {
                // DECISION and LIMIT_REACHED are in the journey, not in these counts.
            }
        }
        call.lastSeq = Math.max(call.lastSeq, e.seq());
        call.lastAt = e.at();
        if (++sinceSweep >= SWEEP_EVERY) sweep();
    }

    FlowStats result(String flowId, int version, Instant from, Instant to) {
        Map<String, FlowStats.Node> out = new TreeMap<>();
        nodes.forEach((id, t) -> out.put(id, new FlowStats.Node(t.type, t.entries, new TreeMap<>(t.exits),
                new TreeMap<>(t.edges), t.timeouts, t.invalid, t.hangups, t.ended, t.failures, t.fallbacks,
                t.dwell.result())));
        return new FlowStats(flowId, version, from, to, callsSeen, started, events, out);
    }

    /** The calls whose state is held now (for tests of the memory bound). */
    int callsHeld() {
        return calls.size();
    }

    private void close(CallState call, Instant at) {
        if (call.openNode == null) return;
        long ms = Duration.between(call.openedAt, at).toMillis();
        Tally t = nodes.get(call.openNode);
        if (t != null && ms >= 0) t.dwell.add(ms);
        call.openNode = null;
    }

    private Tally tally(JournalEntry e) {
        if (e.nodeId() == null) return null;
        Tally t = nodes.computeIfAbsent(e.nodeId(), id -> new Tally(new DwellSample(sampleSize, random)));
        if (t.type == null) t.type = e.nodeType();
        return t;
    }

    private void sweep() {
        sinceSweep = 0;
        Instant horizon = latest.minus(CALL_HORIZON);
        for (Iterator<CallState> it = calls.values().iterator(); it.hasNext(); ) {
            if (it.next().lastAt.isBefore(horizon)) it.remove();
        }
    }

    private static final class CallState {
        long lastSeq = -1;
        Instant lastAt;
        String openNode;
        Instant openedAt;
    }

    private static final class Tally {
        final DwellSample dwell;
        final Map<String, Long> exits = new HashMap<>();
        final Map<String, Long> edges = new HashMap<>();
        String type;
        long entries;
        long timeouts;
        long invalid;
        long hangups;
        long ended;
        long failures;
        long fallbacks;

        Tally(DwellSample dwell) {
            this.dwell = dwell;
        }
    }
}
