package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MeteredJournalSinkTest {
    private static final Instant T0 = Instant.parse("2026-03-04T15:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<JournalEvent> written = new ArrayList<>();
    private final MeteredJournalSink sink = new MeteredJournalSink(written::add, registry);

    private static JournalEvent event(String call, long millis, Kind kind, String node, String type) {
        return new JournalEvent(call, T0.plusMillis(millis), kind, "f", 1, node, type, null, Map.of());
    }

    private Timer timer(String type) {
        return registry.find("ivr.node.latency").tag("type", type).timer();
    }

    @Test
    void shouldTimeEachNodeFromItsEntryToTheNextNodeOrTheEndOfTheCall() {
        sink.write(event("c1", 0, Kind.CALL_STARTED, null, null));
        sink.write(event("c1", 0, Kind.NODE_ENTERED, "hours", "calendar"));
        sink.write(event("c1", 2, Kind.EXIT_TAKEN, "hours", "calendar"));
        sink.write(event("c1", 2, Kind.NODE_ENTERED, "menu", "menu"));
        sink.write(event("c2", 5, Kind.NODE_ENTERED, "menu", "menu"));
        sink.write(event("c1", 4_002, Kind.INPUT, "menu", "menu"));
        sink.write(event("c1", 4_002, Kind.NODE_ENTERED, "bye", "hangup"));
        sink.write(event("c1", 4_052, Kind.CALL_ENDED, "bye", "hangup"));

        assertThat(timer("calendar").count()).isEqualTo(1);
        assertThat(timer("calendar").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0);
        assertThat(timer("menu").count()).as("c2's menu is still running").isEqualTo(1);
        assertThat(timer("menu").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4_000.0);
        assertThat(timer("hangup").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50.0);
        assertThat(sink.callsTimed()).as("only c2 is left").isEqualTo(1);
        assertThat(written).as("every event passed on").hasSize(8);
    }

    @Test
    void shouldNeverLetAFailingJournalReachTheCall() {
        MeteredJournalSink failing = new MeteredJournalSink(e -> {
            throw new IllegalStateException("journal full");
        }, registry);

        failing.write(event("c3", 0, Kind.NODE_ENTERED, "menu", "menu"));
        failing.write(event("c3", 10, Kind.CALL_ENDED, "menu", "menu"));

        assertThat(timer("menu").count()).as("still timed").isEqualTo(1);
    }
}
