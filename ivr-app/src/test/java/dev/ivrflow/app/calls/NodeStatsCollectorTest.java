package dev.ivrflow.app.calls;

import dev.ivrflow.app.journal.JournalEntry;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeStatsCollectorTest {
    private static final Instant T0 = Instant.parse("2026-03-04T15:00:00Z");

    /** Events of one call in one flow, with sequence numbers given (gaps are where the call was in another flow). */
    private static JournalEntry event(String call, long seq, long atSeconds, Kind kind, String node, String exit,
                                      Map<String, Object> detail) {
        return new JournalEntry(call, seq, T0.plusSeconds(atSeconds), kind, "f", 1, node, node == null ? null : "say",
                exit, detail);
    }

    private static FlowStats collect(List<JournalEntry> events) {
        NodeStatsCollector c = new NodeStatsCollector(100);
        events.forEach(c::accept);
        return c.result("f", 1, null, null);
    }

    @Test
    void shouldMeasureAVisitFromItsEntryToTheNextNodeOrTheEnd() {
        FlowStats s = collect(List.of(
                event("a", 0, 0, Kind.CALL_STARTED, null, null, Map.of()),
                event("a", 1, 0, Kind.NODE_ENTERED, "menu", null, Map.of()),
                event("a", 2, 5, Kind.INPUT, "menu", null, Map.of("timeout", true, "try", 1)),
                event("a", 3, 9, Kind.INPUT, "menu", null, Map.of("invalid", "7", "try", 2)),
                event("a", 4, 12, Kind.EXIT_TAKEN, "menu", "timeout", Map.of("target", "op", "via", "failure")),
                event("a", 5, 12, Kind.NODE_ENTERED, "op", null, Map.of()),
                event("a", 6, 40, Kind.INPUT, "op", null, Map.of("hangup", "NORMAL_CLEARING")),
                event("a", 7, 40, Kind.CALL_ENDED, "op", null, Map.of("reason", "caller hung up"))));

        assertThat(s.calls()).isEqualTo(1);
        assertThat(s.started()).isEqualTo(1);
        FlowStats.Node menu = s.nodes().get("menu");
        assertThat(menu.entries()).isEqualTo(1);
        assertThat(menu.timeouts()).isEqualTo(1);
        assertThat(menu.invalid()).isEqualTo(1);
        assertThat(menu.exits()).containsExactly(Map.entry("timeout", 1L));
        assertThat(menu.edges()).containsExactly(Map.entry("failure", 1L));
        assertThat(menu.dwell()).isEqualTo(new FlowStats.Dwell(1, 12_000L, 12_000L, 12_000L, true));
        FlowStats.Node op = s.nodes().get("op");
        assertThat(op.hangups()).isEqualTo(1);
        assertThat(op.ended()).isEqualTo(1);
        assertThat(op.dwell().medianMs()).isEqualTo(28_000L);
    }

    @Test
    void shouldIncludeTheSubflowsTimeInTheNodeThatRanIt() {
        // The parent's subflow node at seq 1; seqs 2-9 are the subflow's; the node takes its exit at seq 10.
        FlowStats s = collect(List.of(
                event("a", 1, 0, Kind.NODE_ENTERED, "sub", null, Map.of()),
                event("a", 10, 30, Kind.EXIT_TAKEN, "sub", "next", Map.of("target", "bye", "via", "next")),
                event("a", 11, 30, Kind.NODE_ENTERED, "bye", null, Map.of()),
                event("a", 12, 32, Kind.CALL_ENDED, "bye", null, Map.of())));

        assertThat(s.nodes().get("sub").dwell().medianMs()).isEqualTo(30_000L);
        assertThat(s.nodes().get("bye").dwell().medianMs()).isEqualTo(2_000L);
    }

    @Test
    void shouldNotMeasureASubflowsLastNodeWhoseEndIsInItsParent() {
        // This flow is the subflow: entered at seq 3, its last node (a goto back) at seq 5; the parent goes on from 6.
        // Called a second time at seq 20: the first visit of 'back' must not run until then.
        FlowStats s = collect(List.of(
                event("a", 3, 0, Kind.NODE_ENTERED, "ask", null, Map.of()),
                event("a", 4, 4, Kind.EXIT_TAKEN, "ask", "next", Map.of("target", "back", "via", "next")),
                event("a", 5, 4, Kind.NODE_ENTERED, "back", null, Map.of()),
                event("a", 20, 100, Kind.NODE_ENTERED, "ask", null, Map.of()),
                event("a", 21, 103, Kind.EXIT_TAKEN, "ask", "next", Map.of("target", "back", "via", "next")),
                event("a", 22, 103, Kind.NODE_ENTERED, "back", null, Map.of())));

        assertThat(s.nodes().get("ask").dwell().visits()).isEqualTo(2);
        assertThat(s.nodes().get("ask").dwell().medianMs()).isEqualTo(3_500L);
        assertThat(s.nodes().get("back").entries()).isEqualTo(2);
        assertThat(s.nodes().get("back").dwell().visits()).isZero();
        assertThat(s.nodes().get("back").dwell().medianMs()).isNull();
    }

    @Test
    void shouldKeepStateOnlyForCallsInProgress() {
        NodeStatsCollector c = new NodeStatsCollector(100);
        for (int i = 0; i < 50_000; i++) {
            String call = "c" + i;
            c.accept(event(call, 0, i, Kind.NODE_ENTERED, "menu", null, Map.of()));
            c.accept(event(call, 1, i + 1, Kind.CALL_ENDED, "menu", null, Map.of()));
        }
        // Calls that never end here (they went back to a parent flow) are forgotten a day after their last event.
        for (int i = 0; i < 50_000; i++) {
            c.accept(event("sub" + i, 3, i * 10L, Kind.NODE_ENTERED, "back", null, Map.of()));
        }
        c.accept(event("late", 0, 86_400L * 3, Kind.NODE_ENTERED, "menu", null, Map.of()));
        for (int i = 0; i < 10_000; i++) c.accept(event("late" + i, 0, 86_400L * 3, Kind.NODE_ENTERED, "menu", null, Map.of()));

        assertThat(c.callsHeld()).isLessThanOrEqualTo(10_001 + 10_000);
        FlowStats s = c.result("f", 1, null, null);
        assertThat(s.nodes().get("menu").dwell().visits()).isEqualTo(50_000);
        assertThat(s.nodes().get("menu").dwell().exact()).isFalse();
        assertThat(s.nodes().get("menu").dwell().medianMs()).isEqualTo(1_000L);
        assertThat(s.calls()).isEqualTo(110_001);
    }

    @Test
    void shouldSampleUniformlyBeyondTheCap() {
        DwellSample sample = new DwellSample(1_000, new java.util.Random(1));
        List<Long> all = new ArrayList<>();
        for (long v = 1; v <= 100_000; v++) {
            sample.add(v);
            all.add(v);
        }
        FlowStats.Dwell d = sample.result();
        assertThat(d.visits()).isEqualTo(100_000);
        assertThat(d.exact()).isFalse();
        assertThat(d.meanMs()).isEqualTo(50_001L);
        assertThat(d.medianMs()).isBetween(45_000L, 55_000L);
        assertThat(d.p90Ms()).isBetween(87_000L, 93_000L);
    }

    @Test
    void shouldGiveTheExactMedianUpToTheCap() {
        DwellSample sample = new DwellSample(10, new java.util.Random(1));
        for (long v : new long[]{5, 1, 9, 3}) sample.add(v);
        assertThat(sample.result()).isEqualTo(new FlowStats.Dwell(4, 4L, 9L, 5L, true));
    }
}
