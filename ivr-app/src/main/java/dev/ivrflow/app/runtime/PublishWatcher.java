package dev.ivrflow.app.runtime;

import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.flows.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * This instance's view of what is live: the latest published version of every flow. New calls are routed to it;
 * calls in progress keep the compiled version they started on.
 *
 * <p>Every instance that shares the database polls {@link FlowStore#publishedAfter} every {@code publishPoll}
 * (250 ms by default), so a publish on any instance is live on all of them within a second. A change stream would
 * push publishes instead, but it needs a replica set: neither the embedded server (mongo-java-server) nor a
 * standalone MongoDB has one, and polling one indexed query works the same on all three.
 *
 * <p>Each poll looks back {@code publishOverlap} behind the newest publish time seen, because a publish is stamped
 * by the clock of the instance that made it and becomes visible when its insert commits: a version stamped a little
 * earlier than one already seen (a slower clock elsewhere, a retried insert) is still found. Seeing a version again
 * changes nothing, since versions only go up. As a safety net, the whole map is rebuilt from the published flow ids
 * every {@code reconcileEvery}.
 */
public final class PublishWatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PublishWatcher.class);
    /** Starts before the ESL server (so the first call finds the map filled) and stops after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final FlowStore store;
    private final Duration poll;
    private final Duration overlap;
    private final Duration reconcileEvery;
    private final Duration queryTimeout;
    private final Clock clock;
    private final Map<String, Integer> latest = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Integer>> listeners = new CopyOnWriteArrayList<>();

    private volatile ScheduledExecutorService scheduler;
    private volatile Instant watermark;
    private volatile Instant lastReconcile;
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile boolean failing;

    public PublishWatcher(FlowStore store, Duration poll, Duration overlap, Duration reconcileEvery, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.poll = poll;
        this.overlap = overlap;
        this.reconcileEvery = reconcileEvery;
        this.queryTimeout = Duration.ofSeconds(5);
        this.clock = clock;
    }

    /** The latest published version of the flow, as this instance knows it; asks the database when unknown. */
    public OptionalInt latest(String flowId) {
        Integer v = latest.get(flowId);
        if (v != null) return OptionalInt.of(v);
        // Published a moment ago and not yet polled, or never published: one cheap query (version numbers only).
        List<Integer> numbers = store.versionNumbers(flowId).block(queryTimeout);
        if (numbers == null || numbers.isEmpty()) return OptionalInt.empty();
        advance(flowId, numbers.getFirst());
        return OptionalInt.of(latest.get(flowId));
    }

    /** The latest version this instance knows of, without asking the database. */
    public Optional<Integer> known(String flowId) {
        return Optional.ofNullable(latest.get(flowId));
    }

    /** What is live, flow id to version, as of the last poll. */
    public Map<String, Integer> snapshot() {
        return Map.copyOf(latest);
    }

    /** Told (on the watcher's thread) when a flow's latest version goes up: to compile it before the first call. */
    public void onNewVersion(BiConsumer<String, Integer> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** When a poll last succeeded; null before the first. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** Why the last poll failed, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    public Duration pollInterval() {
        return poll;
    }

    // ---- the lifecycle

    @Override
    public synchronized void start() {
        if (scheduler != null) return;
        watermark = clock.instant();
        try {
            reconcile();
            lastSuccess = clock.instant();
        } catch (RuntimeException e) {
            failed(e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ivr-publish-watch").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::pollSafely, poll.toNanos(), poll.toNanos(), TimeUnit.NANOSECONDS);
        log.info("watching for publishes every {} ({} flows live)", poll, latest.size());
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService s = scheduler;
        scheduler = null;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(queryTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    // ---- polling

    private void pollSafely() {
        try {
            pollOnce();
            lastSuccess = clock.instant();
            if (failing) log.info("publish polling works again");
            failing = false;
            lastError = null;
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!failing) {
            // once per outage, not four times a second
            log.warn("cannot read published versions (new publishes are not seen until this recovers): {}", lastError);
        }
        failing = true;
    }

    /** One poll (and, when due, a full rebuild). Public for tests that do not want to wait for the timer. */
    public void pollOnce() {
        Instant since = watermark.minus(overlap);
        List<Version> found = store.publishedAfter(since).collectList().block(queryTimeout);
        if (found != null) {
            for (Version v : found) {
                advance(v.flowId(), v.version());
                if (v.publishedAt().isAfter(watermark)) watermark = v.publishedAt();
            }
        }
        if (lastReconcile == null || Duration.between(lastReconcile, clock.instant()).compareTo(reconcileEvery) >= 0) {
            reconcile();
        }
    }

    private void reconcile() {
        List<String> ids = store.publishedFlowIds().collectList().block(queryTimeout);
        if (ids != null) {
            for (String id : ids) {
                List<Integer> numbers = store.versionNumbers(id).block(queryTimeout);
                if (numbers != null && !numbers.isEmpty()) advance(id, numbers.getFirst());
            }
        }
        lastReconcile = clock.instant();
    }

    private void advance(String flowId, int version) {
        Integer[] previous = new Integer[1];
        int after = latest.compute(flowId, (id, current) -> {
            previous[0] = current;
            return current == null || version > current ? version : current;
        });
        Integer before = previous[0];
        if (before != null && before >= after) return;
        if (before != null || scheduler != null) {
            log.info("flow '{}' version {} is live{}", flowId, after, before == null ? "" : " (was version " + before + ")");
        }
        for (BiConsumer<String, Integer> l : listeners) {
            try {
                l.accept(flowId, after);
            } catch (RuntimeException e) {
                log.warn("a listener of new versions failed for flow '{}' version {}", flowId, after, e);
            }
        }
    }
}
