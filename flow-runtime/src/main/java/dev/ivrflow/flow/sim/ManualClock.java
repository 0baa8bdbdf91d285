package dev.ivrflow.flow.sim;

import dev.ivrflow.flow.port.RuntimeClock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to. Timers fire, in time order, as {@link #advance} passes them, so tests
 * reach timeouts without sleeping. Not thread-safe: a simulation runs on one thread.
 */
public final class ManualClock implements RuntimeClock {
    private Instant now;
    private long sequence;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timer t = new Timer(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves time forward, firing every timer that falls due on the way. */
    public void advance(Duration by) {
        Instant until = now.plus(by);
        while (true) {
            Timer next = timers.peek();
            if (next == null || next.at.isAfter(until)) break;
            timers.poll();
            if (next.cancelled) continue;
            now = next.at;
            next.task.run();
        }
        now = until;
    }

    /** The time of the next live timer, or null. */
    public Instant nextTimer() {
        while (!timers.isEmpty() && timers.peek().cancelled) timers.poll();
        return timers.isEmpty() ? null : timers.peek().at;
    }

    public void set(Instant instant) {
        if (instant.isBefore(now)) throw new IllegalArgumentException("a manual clock only moves forward");
        advance(Duration.between(now, instant));
    }

    private static final class Timer implements Comparable<Timer> {
        final Instant at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Timer(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
