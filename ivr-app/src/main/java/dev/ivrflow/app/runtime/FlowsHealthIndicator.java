package dev.ivrflow.app.runtime;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code flows} in {@code /actuator/health}: whether this instance still sees new publishes. DOWN when its publish
 * poll has not succeeded for {@value #STALE_SECONDS} seconds (a publish elsewhere would not be live here). Details
 * (for ADMIN): how many flows are live, when the last poll succeeded, and its last error.
 */
public final class FlowsHealthIndicator implements HealthIndicator {
    static final int STALE_SECONDS = 30;

    private final PublishWatcher watcher;
    private final Clock clock;

    public FlowsHealthIndicator(PublishWatcher watcher, Clock clock) {
        this.watcher = watcher;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant last = watcher.lastSuccess();
        boolean fresh = last != null && Duration.between(last, clock.instant()).getSeconds() < STALE_SECONDS;
        Health.Builder b = fresh ? Health.up() : Health.down();
        b.withDetail("liveFlows", watcher.snapshot().size()).withDetail("pollInterval", watcher.pollInterval().toString());
        if (last != null) b.withDetail("lastPoll", last.toString());
        if (watcher.lastError() != null) b.withDetail("lastError", watcher.lastError());
        return b.build();
    }
}
