package dev.ivrflow.app.calls;

import dev.ivrflow.app.journal.JournalEntry;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The calls in progress on this instance, from the journal writer's event flow, and the live stream of them for
 * {@code GET /api/calls/live}: first a snapshot of the active calls, then every change as it happens. The snapshot
 * and the subscription to changes are taken under one lock, so a client sees no gap and no change twice.
 *
 * <p>Each client has its own bounded buffer (the snapshot plus {@code ivr.journal.live-buffer} events): a client
 * that falls further behind gets a last {@code lagging} event and is disconnected, and reconnects for a fresh
 * snapshot. The calls never wait for a client.
 */
public final class LiveCallFeed implements AutoCloseable {
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final long FORGET_SILENT_NANOS = TimeUnit.HOURS.toNanos(5);
    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * A call in progress as the live view shows it: where it is now ({@code currentFlowId} is a subflow's id while
     * the call runs one), and how many events it has written.
     */
    public record LiveCall(String callId, String flowId, int flowVersion, String caller, String called,
                           Instant startedAt, String currentFlowId, String nodeId, String nodeType, Instant lastEventAt,
                           long events) {
    }

    /** One change: {@code started}, {@code progress} or {@code ended}, the call after it, and the event. */
    public record Update(String type, LiveCall call, JournalEntry event) {
    }

    private final Object lock = new Object();
    private final Map<String, Tracked> active = new LinkedHashMap<>();
    private final Sinks.Many<Update> updates = Sinks.many().multicast().directBestEffort();
    private final int buffer;
    private final Disposable subscription;
    private long lastSweep = System.nanoTime();

    private record Tracked(LiveCall call, long touched) {
    }

    LiveCallFeed(Flux<JournalEntry> events, int buffer) {
        this.buffer = buffer;
        this.subscription = events.subscribe(this::accept, e -> { }, () -> { });
    }

    /** The calls in progress, oldest first. */
    public List<LiveCall> active() {
        synchronized (lock) {
            return active.values().stream().map(Tracked::call).toList();
        }
    }

    public Optional<LiveCall> find(String callId) {
        synchronized (lock) {
            return Optional.ofNullable(active.get(callId)).map(Tracked::call);
        }
    }

    /**
     * The event stream: {@code active} {call} per call in progress, {@code ready} {active: n}, then
     * {@code started} / {@code progress} / {@code ended} {type, call, event}; comments every 15 s keep it open.
     */
    public Flux<ServerSentEvent<Object>> stream() {
        Flux<ServerSentEvent<Object>> feed = Flux.defer(() -> {
            Sinks.Many<ServerSentEvent<Object>> mine;
            Disposable changes;
            synchronized (lock) {
                List<LiveCall> snapshot = active.values().stream().map(Tracked::call).toList();
                mine = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(snapshot.size() + buffer + 1));
                for (LiveCall c : snapshot) mine.tryEmitNext(sse("active", Map.of("call", c)));
                mine.tryEmitNext(sse("ready", Map.of("active", snapshot.size())));
                changes = updates.asFlux().subscribe(u -> {
                    if (mine.tryEmitNext(sse(u.type(), u)).isFailure()) {
                        mine.tryEmitError(new Lagging());
                    }
                }, e -> mine.tryEmitComplete(), mine::tryEmitComplete);
            }
            return mine.asFlux().doFinally(signal -> changes.dispose());
        }).onErrorResume(Lagging.class, e -> Flux.just(sse("lagging", Map.of("reason",
                "this client fell more than " + buffer + " events behind; reconnect for a fresh snapshot"))));
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(i -> ServerSentEvent.<Object>builder().comment("keep-alive").build());
        // Off the calls' threads (they only put events in the client's buffer); the stream ends when the feed does.
        return Flux.merge(feed.publishOn(Schedulers.parallel()).materialize(), keepAlive.map(Signal::next))
                .<ServerSentEvent<Object>>dematerialize();
    }

    @Override
    public void close() {
        subscription.dispose();
        synchronized (lock) {
            updates.tryEmitComplete();
        }
    }

    private void accept(JournalEntry e) {
        synchronized (lock) {
            long now = System.nanoTime();
            Tracked before = active.get(e.callId());
            LiveCall was = before == null ? null : before.call();
            String type;
            LiveCall call;
            if (e.kind() == Kind.CALL_STARTED) {
                type = "started";
                call = new LiveCall(e.callId(), e.flowId(), e.flowVersion(), text(e.detail().get("callerNumber")),
                        text(e.detail().get("calledNumber")), e.at(), e.flowId(), null, null, e.at(), 1);
            } else {
                type = e.kind() == Kind.CALL_ENDED ? "ended" : "progress";
                call = was == null
                        // Started before this feed existed: what its events tell.
                        ? new LiveCall(e.callId(), e.flowId(), e.flowVersion(), null, null, null, e.flowId(),
                        e.nodeId(), e.nodeType(), e.at(), 1)
                        : new LiveCall(was.callId(), was.flowId(), was.flowVersion(), was.caller(), was.called(),
                        was.startedAt(), e.flowId(), e.nodeId() != null ? e.nodeId() : was.nodeId(),
                        e.nodeId() != null ? e.nodeType() : was.nodeType(), e.at(), was.events() + 1);
            }
            if (e.kind() == Kind.CALL_ENDED) {
                active.remove(e.callId());
            } else {
                active.put(e.callId(), new Tracked(call, now));
            }
            updates.tryEmitNext(new Update(type, call, e));
            if (now - lastSweep > SWEEP_EVERY_NANOS) {
                lastSweep = now;
                // A call whose end was never journaled (it cannot outlast the maximum call length) is forgotten.
                List<String> silent = new ArrayList<>();
                active.forEach((id, t) -> {
                    if (now - t.touched() > FORGET_SILENT_NANOS) silent.add(id);
                });
                silent.forEach(active::remove);
            }
        }
    }

    private static ServerSentEvent<Object> sse(String name, Object data) {
        return ServerSentEvent.<Object>builder().event(name).data(data).build();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** A client too far behind. */
    private static final class Lagging extends RuntimeException {
        Lagging() {
            super(null, null, false, false);
        }
    }
}
