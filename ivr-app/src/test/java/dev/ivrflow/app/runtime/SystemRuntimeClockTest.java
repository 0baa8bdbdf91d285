package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.port.RuntimeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SystemRuntimeClockTest {
    private final ExecutorService handoff = Executors.newSingleThreadExecutor(r -> new Thread(r, "handoff"));
    private SystemRuntimeClock clock;

    @AfterEach
    void close() {
        if (clock != null) clock.close();
        handoff.shutdownNow();
    }

    @Test
    void shouldTellTheTimeOfItsClock() {
        Instant at = Instant.parse("2026-03-04T15:00:00Z");
        clock = new SystemRuntimeClock(Clock.fixed(at, ZoneOffset.UTC));

        assertThat(clock.now()).isEqualTo(at);
    }

    @Test
    void shouldRunADueTaskOnTheHandOffExecutorNeverOnTheTimerThread() throws Exception {
        clock = new SystemRuntimeClock(Clock.systemUTC(), handoff);
        CompletableFuture<String> ranOn = new CompletableFuture<>();

        clock.schedule(Duration.ofMillis(20), () -> ranOn.complete(Thread.currentThread().getName()));

        assertThat(ranOn.get(5, TimeUnit.SECONDS)).isEqualTo("handoff");
    }

    @Test
    void shouldRunTasksOnVirtualThreadsByDefault() throws Exception {
        clock = new SystemRuntimeClock(Clock.systemUTC());
        CompletableFuture<Boolean> virtual = new CompletableFuture<>();

        clock.schedule(Duration.ZERO, () -> virtual.complete(Thread.currentThread().isVirtual()));

        assertThat(virtual.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldKeepFiringTimersWhileATaskIsSlow() throws Exception {
        clock = new SystemRuntimeClock(Clock.systemUTC());
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> second = new CompletableFuture<>();

        clock.schedule(Duration.ZERO, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        clock.schedule(Duration.ofMillis(30), () -> second.complete(null));

        second.get(5, TimeUnit.SECONDS);
        release.countDown();
    }

    @Test
    void shouldNotRunACancelledTask() throws Exception {
        clock = new SystemRuntimeClock(Clock.systemUTC(), handoff);
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Void> later = new CompletableFuture<>();

        clock.schedule(Duration.ofMillis(50), () -> ran.set(true)).cancel();
        clock.schedule(Duration.ofMillis(150), () -> later.complete(null));

        later.get(5, TimeUnit.SECONDS);
        assertThat(ran).isFalse();
    }

    @Test
    void shouldForgetACancelledFourHourTimerSoTheEndedCallCanBeCollected() throws Exception {
        clock = new SystemRuntimeClock(Clock.systemUTC(), handoff);
        Object call = new byte[1024 * 1024];
        WeakReference<Object> ref = new WeakReference<>(call);
        AtomicReference<Object> sink = new AtomicReference<>();
        RuntimeClock.Cancellable timer = arm(call, sink);
        call = null;
        assertThat(clock.pendingTimers()).isEqualTo(1);

        timer.cancel();

        assertThat(clock.pendingTimers()).as("the cancelled timer left the queue at once").isZero();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(ref.get()).as("nothing holds the ended call any more").isNull();
    }

    private RuntimeClock.Cancellable arm(Object call, AtomicReference<Object> sink) {
        return clock.schedule(Duration.ofHours(4), () -> sink.set(call));
    }

    @Test
    void shouldTreatANegativeDelayAsNowAndAHugeOneAsNever() throws Exception {
        clock = new SystemRuntimeClock(Clock.systemUTC(), handoff);
        CompletableFuture<Void> now = new CompletableFuture<>();

        clock.schedule(Duration.ofSeconds(-5), () -> now.complete(null));
        RuntimeClock.Cancellable never = clock.schedule(Duration.ofDays(365L * 1000), () -> { });

        now.get(5, TimeUnit.SECONDS);
        assertThat(clock.pendingTimers()).isEqualTo(1);
        never.cancel();
    }

    @Test
    void shouldIgnoreTimersArmedAfterItIsClosed() {
        clock = new SystemRuntimeClock(Clock.systemUTC(), handoff);
        clock.close();

        RuntimeClock.Cancellable timer = clock.schedule(Duration.ofMillis(1), () -> { });

        timer.cancel();
        assertThat(clock.pendingTimers()).isZero();
    }
}
