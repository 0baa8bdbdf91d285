package dev.ivrflow.benchmarks.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The switch side of the load harness: many {@link LoadCall}s against one runtime on loopback, one virtual thread
 * each. A round {@link #open opens} N calls (at most {@code concurrency} of them between connect and the menu at
 * any time, as a switch ramps up) and waits until every one sits in the menu; then {@link #press} makes the callers
 * press their key (even calls 1: the queue, odd calls 2: hang up) at a fixed rate and waits until every call ended.
 * Everything is bounded by a timeout; nothing keeps running after {@link #close}.
 */
final class LoadSwitch implements AutoCloseable {
    /** The upper half of every call's uuid: this tag and the round; the lower half is the call's index. */
    static final long UUID_TAG = 0x10AD_0000_0000_0000L;

    private final InetSocketAddress runtime;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("loadcall-", 0).factory());
    private final GcPauses gc = new GcPauses();
    private LoadCall[] calls = new LoadCall[0];
    private volatile Semaphore setupSlots;
    private volatile CountDownLatch settled;
    private volatile CountDownLatch closed;

    /** How a round's calls reached the menu. */
    public record SetupResult(int calls, int started, int waiting, int failed, double elapsedMs, Latencies setup,
                              String firstFailure) {
        double callsPerSecond() {
            return elapsedMs <= 0 ? 0 : waiting / (elapsedMs / 1000.0);
        }
    }

    /** How the key presses went: the latency to the runtime's next command, and how the calls ended. */
    public record PressResult(int pressed, double pacingMs, Latencies latency, Map<String, Integer> nextCommands,
                              int ended, int failed, int stillOpen, String firstFailure, GcPauses.Summary switchGc) {
        double pressesPerSecond() {
            return pacingMs <= 0 ? 0 : pressed / (pacingMs / 1000.0);
        }
    }

    LoadSwitch(InetSocketAddress runtime) {
        this.runtime = runtime;
    }

    static UUID uuid(int round, int index) {
        return new UUID(UUID_TAG | round, index);
    }

    SetupResult open(int n, int round, int concurrency, Duration timeout) throws InterruptedException {
        calls = new LoadCall[n];
        setupSlots = new Semaphore(concurrency);
        settled = new CountDownLatch(n);
        closed = new CountDownLatch(n);
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        int started = 0;
        for (int i = 0; i < n; i++) {
            if (!setupSlots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            LoadCall call = new LoadCall(i, uuid(round, i), i % 2 == 0 ? "1" : "2", runtime, this);
            calls[i] = call;
            threads.execute(call::run);
            started++;
        }
        settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        long lastWaiting = t0;
        List<Long> setup = new ArrayList<>(n);
        int waiting = 0;
        int failed = 0;
        String firstFailure = null;
        for (LoadCall call : calls) {
            if (call == null) {
                continue;
            }
            if (call.state() == LoadCall.State.WAITING) {
                waiting++;
                setup.add(call.waitingNanos - call.startNanos);
                lastWaiting = Math.max(lastWaiting, call.waitingNanos);
            } else {
                failed++;
                if (firstFailure == null) {
                    firstFailure = call.toString();
                }
            }
        }
        return new SetupResult(n, started, waiting, failed, (lastWaiting - t0) / 1e6,
                Latencies.of(setup.stream().mapToLong(Long::longValue).toArray()), firstFailure);
    }

    /** Presses every waiting call's key, {@code rate} per second (0: as fast as one thread can), then awaits the end. */
    PressResult press(double rate, Duration timeout) throws InterruptedException {
        gc.take();
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        long interval = rate <= 0 ? 0 : (long) (1e9 / rate);
        int pressed = 0;
        for (LoadCall call : calls) {
            if (call == null || call.state() != LoadCall.State.WAITING) {
                continue;
            }
            long due = t0 + pressed * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            if (call.press()) {
                pressed++;
            }
        }
        long pacing = System.nanoTime() - t0;
        closed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        GcPauses.Summary pauses = gc.take(); // while keys were pressed (where latencies are taken) and calls ended
        List<Long> latencies = new ArrayList<>(pressed);
        Map<String, Integer> next = new TreeMap<>();
        int ended = 0;
        int failed = 0;
        int open = 0;
        String firstFailure = null;
        for (LoadCall call : calls) {
            if (call == null) {
                continue;
            }
            if (call.pressNanos != 0 && call.nextCommandNanos != 0) {
                latencies.add(call.nextCommandNanos - call.pressNanos);
                next.merge(call.nextCommand, 1, Integer::sum);
            }
            switch (call.state()) {
                case ENDED -> ended++;
                case FAILED -> {
                    failed++;
                    if (firstFailure == null) {
                        firstFailure = call.toString();
                    }
                }
                default -> open++;
            }
        }
        return new PressResult(pressed, pacing / 1e6, Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray()),
                next, ended, failed, open, firstFailure, pauses);
    }

    /** Called by a call that reached the menu. */
    void waiting(LoadCall call) {
        setupSlots.release();
        settled.countDown();
    }

    /** Called once by every call when its socket is closed (after the end, or on a failure). */
    void closed(LoadCall call) {
        if (call.waitingNanos == 0) {
            setupSlots.release();
            settled.countDown();
        }
        closed.countDown();
    }

    @Override
    public void close() {
        for (LoadCall call : calls) {
            if (call != null) {
                call.close();
            }
        }
        threads.shutdownNow();
        gc.close();
    }
}
