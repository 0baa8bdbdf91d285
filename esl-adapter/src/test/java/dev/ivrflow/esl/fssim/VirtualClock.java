package dev.ivrflow.esl.fssim;

import dev.ivrflow.flow.port.RuntimeClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock one simulated call shares between the FreeSWITCH simulator and the runtime's session: time moves only
 * when someone moves it (the simulator, when a caller stays silent or a recording lasts; a test harness, when the
 * call waits for nothing but a timer). Thread-safe, unlike flow-runtime's ManualClock, because the two sides run on
 * different threads over a socket. Due timers run on the thread that moved the clock, outside the lock, in time
 * order.
 */
public final class VirtualClock implements RuntimeClock {
    private Instant now;
    private long sequence;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Timer t = new Timer(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        timers.add(t);
        return () -> {
            synchronized (VirtualClock.this) {
                t.cancelled = true;
            }
        };
    }

    /** Moves time forward by {@code by}, running every timer that falls due on the way. */
    public void advance(Duration by) {
        Instant until;
        synchronized (this) {
            until = now.plus(by);
        }
        advanceTo(until);
    }

    /** Moves time to {@code until} (never backwards), running the timers due by then. */
    public void advanceTo(Instant until) {
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.at.isAfter(until)) {
                    if (until.isAfter(now)) {
                        now = until;
                    }
                    return;
                }
                timers.poll();
                if (next.cancelled) {
                    continue;
                }
                if (next.at.isAfter(now)) {
                    now = next.at;
                }
            }
            next.task.run();
        }
    }

    /** Jumps to the next live timer and runs it (and any due at the same instant); false when there is none. */
    public boolean advanceToNextTimer() {
        Instant next = nextTimer();
        if (next == null) {
            return false;
        }
        advanceTo(next);
        return true;
    }

    /** The time of the next live timer, or null. */
    public synchronized Instant nextTimer() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        return timers.isEmpty() ? null : timers.peek().at;
    }

    /** The live timers' due times, for diagnostics. */
    public synchronized List<Instant> pending() {
        List<Instant> out = new ArrayList<>();
        timers.stream().filter(t -> !t.cancelled).sorted().forEach(t -> out.add(t.at));
        return out;
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
