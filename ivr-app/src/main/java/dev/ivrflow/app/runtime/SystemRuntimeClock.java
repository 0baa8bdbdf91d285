package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.port.RuntimeClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link RuntimeClock}: the time from a {@link Clock}, timers on one scheduler thread.
 *
 * <p>The scheduler thread never runs a task itself: it hands each one to the hand-off executor (virtual threads by
 * default), so a slow task cannot delay the other timers of every call. The tasks the runtime schedules are small
 * anyway: {@code CallSession} posts its call-length and maxDuration timers to the call's own serial executor and
 * completes a {@code wait} node's future, whose continuation it also posts there; {@code EslCallChannel} sends one
 * {@code uuid_break} over the call's socket. Flow code therefore always runs on the call's executor, never here.
 *
 * <p>Cancelled timers are removed from the queue at once ({@code setRemoveOnCancelPolicy}): every call arms a
 * four-hour timer, and without removal each ended call would stay in memory, held by its cancelled timer, for four
 * hours.
 */
public final class SystemRuntimeClock implements RuntimeClock, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SystemRuntimeClock.class);

    private final Clock clock;
    private final Executor handoff;
    private final ExecutorService ownedHandoff;
    private final ScheduledThreadPoolExecutor timers;

    /** Tasks are handed to virtual threads. */
    public SystemRuntimeClock(Clock clock) {
        this(clock, null);
    }

    /** Tasks are handed to {@code handoff}; null for virtual threads owned (and shut down) by this clock. */
    public SystemRuntimeClock(Clock clock, Executor handoff) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (handoff == null) {
            this.ownedHandoff = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ivr-timer-task-", 0).factory());
            this.handoff = ownedHandoff;
        } else {
            this.ownedHandoff = null;
            this.handoff = handoff;
        }
        this.timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("ivr-timers").daemon(true).factory());
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long nanos = nanos(delay);
        ScheduledFuture<?> future;
        try {
            future = timers.schedule(() -> handOff(task), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // shutting down: the call is being torn down anyway
            log.debug("timer not armed: the clock is closed");
            return () -> { };
        }
        return () -> future.cancel(false);
    }

    private void handOff(Runnable task) {
        try {
            handoff.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("a timer task failed", e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            log.debug("timer task dropped: its executor is shut down");
        }
    }

    /** Timers armed and not yet due nor cancelled (cancelled ones leave the queue at once). */
    public int pendingTimers() {
        return timers.getQueue().size();
    }

    /** Stops the timers; pending ones never fire. */
    @Override
    public void close() {
        timers.shutdownNow();
        if (ownedHandoff != null) {
            ownedHandoff.shutdownNow();
        }
    }

    private static long nanos(Duration delay) {
        if (delay == null || delay.isNegative()) return 0;
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
