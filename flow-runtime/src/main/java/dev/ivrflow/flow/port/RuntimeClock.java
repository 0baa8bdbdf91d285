package dev.ivrflow.flow.port;

import java.time.Duration;
import java.time.Instant;

/** Time, injected: nothing in the core reads the system clock or sleeps. Tests use a manual clock. */
public interface RuntimeClock {
    Instant now();

    /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    interface Cancellable {
        void cancel();
    }
}
