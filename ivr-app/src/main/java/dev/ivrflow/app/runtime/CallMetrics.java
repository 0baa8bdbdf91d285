package dev.ivrflow.app.runtime;

import dev.ivrflow.esl.outbound.OutboundConnection;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.runtime.CallSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Call metrics, from the outbound server's events: {@code ivr_calls_active} (a gauge: calls whose flow is running),
 * {@code ivr_calls_total{flow}} (a counter: calls routed to each flow) and {@code ivr_calls_unrouted_total} (calls no
 * flow served, handed back to the dialplan or hung up).
 */
public final class CallMetrics implements OutboundListener {
    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, Counter> perFlow = new ConcurrentHashMap<>();
    private final Counter unrouted;

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("ivr.calls.active", active, AtomicInteger::get)
                .description("calls whose flow is running").register(registry);
        this.unrouted = Counter.builder("ivr.calls.unrouted")
                .description("calls no flow served (handed back to the dialplan, or hung up)").register(registry);
    }

    @Override
    public void callStarted(CallSession session, OutboundConnection connection) {
        active.incrementAndGet();
        perFlow.computeIfAbsent(session.flow().id(), flow -> Counter.builder("ivr.calls")
                .description("calls routed to a flow").tag("flow", flow).register(registry)).increment();
    }

    @Override
    public void callEnded(CallSession session, OutboundConnection connection) {
        active.decrementAndGet();
    }

    @Override
    public void callNotRouted(CallInfo call, String reason) {
        unrouted.increment();
    }

    public int active() {
        return active.get();
    }
}
