package dev.ivrflow.esl.inbound;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff between connection attempts: initial, twice that, and so on up to the maximum. Jitter takes up
 * to that fraction off each delay (never adds), so instances restarted together spread out without ever waiting
 * longer than the configured maximum. Not thread-safe: used from the client's event loop only.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;
    private int attempt;

    Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The delay before the next attempt; each call doubles the base until it reaches the maximum. */
    Duration next() {
        long base = initial.toNanos();
        for (int i = 0; i < attempt && base < max.toNanos(); i++) {
            base *= 2;
        }
        if (attempt < 62) {
            attempt++;
        }
        return jittered(Math.min(base, max.toNanos()));
    }

    /** The delay after a refused password or address: the maximum, jittered the same way. */
    Duration atMax() {
        return jittered(max.toNanos());
    }

    /** Back to the initial delay, after a connection has come all the way up. */
    void reset() {
        attempt = 0;
    }

    private Duration jittered(long nanos) {
        double cut = jitter * Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return Duration.ofNanos(Math.round(nanos * (1.0 - cut)));
    }
}
