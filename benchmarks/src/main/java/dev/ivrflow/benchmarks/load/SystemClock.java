package dev.ivrflow.benchmarks.load;

import dev.ivrflow.flow.port.RuntimeClock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time for the runtime, shared by every call as a production wiring would share it: one timer thread, and a
 * cancelled timer leaves the queue at once (a queue node's maximum wait is cancelled when the caller is answered).
 */
final class SystemClock implements RuntimeClock, AutoCloseable {
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("runtime-clock").factory());

    SystemClock() {
        timers.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timers.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** Timers waiting to fire (diagnostics: a waiting call should hold none). */
    int pending() {
        return timers.getQueue().size();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
