package dev.ivrflow.flow.runtime;

import java.time.Duration;

/**
 * Safety limits of every call: node steps (catches loops that never wait for the caller)
 * and the length of the call.
 */
public record RuntimeLimits(int maxSteps, Duration maxCallLength) {
    public static final RuntimeLimits DEFAULT = new RuntimeLimits(2_000, Duration.ofHours(4));
}
