package dev.ivrflow.app.sim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.ivrflow.app.api.error.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated calls in memory, with Caffeine: a call nobody has touched for the idle timeout is evicted and hung
 * up; an ended call stays readable for the retention time after it was last looked at. The calls in progress are
 * counted (for everyone and per user), and one more than the limit is refused with 429 before any work is done.
 */
final class SimCallRegistry {
    private final Cache<String, InteractiveCall> calls;
    private final SimProperties properties;
    /** Ended calls kept, for each call that may be in progress. */
    static final int ENDED_PER_LIVE = 4;

    private final Map<String, Integer> perUser = new HashMap<>();
    private final ArrayDeque<String> endedOrder = new ArrayDeque<>();
    private int active;

    SimCallRegistry(SimProperties properties, Ticker ticker) {
        this.properties = properties;
        long idle = properties.idleTimeout().toNanos();
        long retention = properties.endedRetention().toNanos();
        this.calls = Caffeine.newBuilder()
                .ticker(ticker)
                .scheduler(Scheduler.systemScheduler())
                // A last guard on memory, never reached: live calls are limited by the slots, ended ones below.
                .maximumSize(properties.maxCalls() * (ENDED_PER_LIVE + 2L))
                .expireAfter(new Expiry<String, InteractiveCall>() {
                    @Override
                    public long expireAfterCreate(String id, InteractiveCall call, long now) {
                        return idle;
                    }

                    @Override
                    public long expireAfterUpdate(String id, InteractiveCall call, long now, long current) {
                        return call.ended() ? retention : idle;
                    }

                    @Override
                    public long expireAfterRead(String id, InteractiveCall call, long now, long current) {
                        return call.ended() ? retention : idle;
                    }
                })
                .removalListener((String id, InteractiveCall call, RemovalCause cause) -> {
                    if (call != null && cause.wasEvicted()) call.expire(reason(cause));
                })
                .build();
    }

    /** Takes a slot for a new call of this user, or refuses with 429. */
    synchronized void reserve(String user) {
        if (active >= properties.maxCalls()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "there are already "
                    + active + " simulated calls in progress, the most allowed; hang one up or try again later",
                    List.of());
        }
        int mine = perUser.getOrDefault(user, 0);
        if (mine >= properties.maxCallsPerUser()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "you already have " + mine
                    + " simulated calls in progress, the most allowed per user; hang one up first", List.of());
        }
        active++;
        perUser.put(user, mine + 1);
    }

    /** Gives back the slot of a call that ended or never started. */
    synchronized void release(String user) {
        active = Math.max(0, active - 1);
        perUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
    }

    synchronized int active() {
        return active;
    }

    void add(InteractiveCall call) {
        calls.put(call.id(), call);
    }

    /** The user's call (another user's calls do not exist for them): 404 when unknown, expired or not theirs. */
    InteractiveCall get(String id, String user) {
        InteractiveCall call = id == null ? null : calls.getIfPresent(id);
        if (call == null || !call.owner().equals(user)) {
            throw ApiException.notFound("there is no simulated call '" + abbreviate(id) + "' (calls are forgotten "
                    + minutes(properties.idleTimeout()) + " after their last activity)");
        }
        return call;
    }

    /**
     * Re-times a call that just ended to the retention time. Ended calls kept are bounded too, the oldest forgotten
     * first, so that calls ending quickly one after another never push out calls in progress.
     */
    void ended(String id) {
        calls.asMap().computeIfPresent(id, (k, c) -> c);
        List<String> forget = new ArrayList<>();
        synchronized (endedOrder) {
            endedOrder.add(id);
            while (endedOrder.size() > (long) properties.maxCalls() * ENDED_PER_LIVE) forget.add(endedOrder.poll());
        }
        calls.invalidateAll(forget);
    }

    /** Runs the pending evictions now (they otherwise run with the cache's own activity and its scheduler). */
    void cleanUp() {
        calls.cleanUp();
    }

    long size() {
        calls.cleanUp();
        return calls.estimatedSize();
    }

    private String reason(RemovalCause cause) {
        return cause == RemovalCause.EXPIRED
                ? "the simulated call expired after " + minutes(properties.idleTimeout()) + " without activity"
                : "the simulated call was dropped: too many simulated calls";
    }

    static String minutes(Duration d) {
        if (d.toSeconds() < 120) return d.toSeconds() + " seconds";
        return d.toMinutes() + " minutes";
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
