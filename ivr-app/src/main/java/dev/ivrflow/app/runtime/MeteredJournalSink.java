package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.runtime.JournalEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes every journal event on to the real sink, and times the nodes on the way: {@code ivr_node_latency} (a
 * timer, in seconds in Prometheus, tagged {@code type}) is the time from entering a node until the call enters its
 * next node or ends. It is the time a caller spends in the node, prompts and waiting for input included (a menu's
 * time is mostly the caller's), not the handler's own CPU time, which is microseconds; a {@code subflow} node's
 * time is only the step into the subflow, whose nodes are timed themselves. The times come from the journal's own
 * timestamps, so they cost no extra clock reads.
 *
 * <p>One entry per call in progress; it goes when the call ends.
 */
public final class MeteredJournalSink implements JournalSink {
    private static final Logger log = LoggerFactory.getLogger(MeteredJournalSink.class);
    private record Entered(String type, Instant at) {
    }

    private final JournalSink delegate;
    private final MeterRegistry registry;
    private final Map<String, Entered> current = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile boolean delegateFailed;

    public MeteredJournalSink(JournalSink delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public void write(JournalEvent event) {
        try {
            measure(event);
        } catch (RuntimeException e) {
            log.debug("timing a node failed", e);
        }
        try {
            delegate.write(event);
        } catch (RuntimeException e) {
            // The journal must never take a call down with it: the caller goes on, the loss is logged.
            if (!delegateFailed) log.error("the journal refused an event (further failures are logged at debug level)", e);
            else log.debug("the journal refused an event", e);
            delegateFailed = true;
        }
    }

    /** Calls with a node being timed. */
    public int callsTimed() {
        return current.size();
    }

    public JournalSink delegate() {
        return delegate;
    }

    private void measure(JournalEvent e) {
        if (e.callId() == null || e.at() == null) return;
        switch (e.kind()) {
            case NODE_ENTERED -> {
                Entered previous = current.put(e.callId(), new Entered(e.nodeType() == null ? "unknown" : e.nodeType(), e.at()));
                record(previous, e.at());
            }
            case CALL_ENDED -> record(current.remove(e.callId()), e.at());
            default -> {
            }
        }
    }

    private void record(Entered entered, Instant until) {
        if (entered == null) return;
        Duration d = Duration.between(entered.at(), until);
        if (d.isNegative()) return;
        timers.computeIfAbsent(entered.type(), type -> Timer.builder("ivr.node.latency")
                .description("time from entering a node until the call enters its next node or ends")
                .tag("type", type)
                .register(registry)).record(d);
    }
}
