package dev.ivrflow.app.sim;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits of the HTTP simulator ({@code ivr.sim.*}).
 *
 * @param maxCalls        simulated calls in progress at once, for everyone; one more is refused with 429
 * @param maxCallsPerUser simulated calls in progress at once for one user, so one user cannot take them all
 * @param idleTimeout     a call nobody touched (input, state, events) for this long is hung up and forgotten
 * @param endedRetention  how long an ended call's state and events stay readable after the last look at them
 * @param replayEvents    the events kept per call for late subscribers (older ones are dropped from the replay)
 */
@ConfigurationProperties("ivr.sim")
public record SimProperties(Integer maxCalls, Integer maxCallsPerUser, Duration idleTimeout, Duration endedRetention,
                            Integer replayEvents) {

    public SimProperties {
        maxCalls = positive(maxCalls, 200, "ivr.sim.max-calls");
        maxCallsPerUser = positive(maxCallsPerUser, 20, "ivr.sim.max-calls-per-user");
        idleTimeout = positive(idleTimeout, Duration.ofMinutes(10), "ivr.sim.idle-timeout");
        endedRetention = positive(endedRetention, Duration.ofMinutes(5), "ivr.sim.ended-retention");
        replayEvents = positive(replayEvents, 1000, "ivr.sim.replay-events");
    }

    private static Integer positive(Integer value, int otherwise, String name) {
        if (value == null) return otherwise;
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        return value;
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) return otherwise;
        if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive, not " + value);
        return value;
    }
}
