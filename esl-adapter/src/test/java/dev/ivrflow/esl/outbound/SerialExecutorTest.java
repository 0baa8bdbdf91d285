package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.concurrent.SerialExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void shouldRunTheTasksOfOneCallInTheOrderTheyWereSubmitted() throws Exception {
        // given
        SerialExecutor call = new SerialExecutor(pool, "call");
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        // when
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            call.execute(() -> ran.add(n));
        }
        call.execute(done::countDown);
        // then
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasSize(1_000).isSorted();
    }

    @Test
    void shouldNeverRunTwoTasksOfOneCallAtOnceEvenWhenSubmittedFromManyThreads() throws Exception {
        // given
        SerialExecutor call = new SerialExecutor(pool, "call");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        int submitters = 8;
        int perSubmitter = 500;
        CountDownLatch submitted = new CountDownLatch(submitters);
        List<List<Integer>> seenPerSubmitter = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            seenPerSubmitter.add(Collections.synchronizedList(new ArrayList<>()));
        }
        // when
        for (int s = 0; s < submitters; s++) {
            int submitter = s;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    int n = i;
                    call.execute(() -> {
                        if (running.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        seenPerSubmitter.get(submitter).add(n);
                        count.incrementAndGet();
                        running.decrementAndGet();
                    });
                }
                submitted.countDown();
            });
        }
        submitted.await(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.get() < submitters * perSubmitter && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        // then
        assertThat(count.get()).isEqualTo(submitters * perSubmitter);
        assertThat(overlaps.get()).isZero();
        seenPerSubmitter.forEach(seen -> assertThat(seen).isSorted());
    }

    @Test
    void shouldHoldNoThreadWhileTheCallWaits() throws Exception {
        // given
        AtomicInteger drains = new AtomicInteger();
        SerialExecutor call = new SerialExecutor(task -> {
            drains.incrementAndGet();
            pool.execute(task);
        }, "call");
        CountDownLatch done = new CountDownLatch(1);
        // when
        call.execute(done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(20);
        // then: one drain ran and finished; nothing is scheduled for an idle call
        assertThat(drains.get()).isEqualTo(1);
        assertThat(call.idle()).isTrue();
    }

    @Test
    void shouldNeverRunATaskOnTheThreadThatSubmittedIt() throws Exception {
        // given
        SerialExecutor call = new SerialExecutor(pool, "call");
        List<Thread> ranOn = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        // when
        call.execute(() -> {
            ranOn.add(Thread.currentThread());
            done.countDown();
        });
        // then
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn).doesNotContain(Thread.currentThread());
    }

    @Test
    void shouldKeepRunningLaterTasksWhenOneThrows() throws Exception {
        // given
        SerialExecutor call = new SerialExecutor(pool, "call");
        CountDownLatch after = new CountDownLatch(1);
        // when
        call.execute(() -> {
            throw new IllegalStateException("a broken handler");
        });
        call.execute(after::countDown);
        // then
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldLetOtherCallsRunWhileOneCallHasALongQueue() throws Exception {
        // given a single delegate thread shared by a busy call and a quiet one
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor busy = new SerialExecutor(single, "busy");
            SerialExecutor quiet = new SerialExecutor(single, "quiet");
            AtomicInteger busyRanBeforeQuiet = new AtomicInteger(-1);
            AtomicInteger busyCount = new AtomicInteger();
            CountDownLatch quietRan = new CountDownLatch(1);
            CountDownLatch gate = new CountDownLatch(1);
            busy.execute(() -> await(gate));
            for (int i = 0; i < 10 * SerialExecutor.BATCH; i++) {
                busy.execute(busyCount::incrementAndGet);
            }
            // when
            quiet.execute(() -> {
                busyRanBeforeQuiet.set(busyCount.get());
                quietRan.countDown();
            });
            gate.countDown();
            // then the quiet call did not wait for the whole busy queue
            assertThat(quietRan.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(busyRanBeforeQuiet.get()).isLessThan(10 * SerialExecutor.BATCH);
        } finally {
            single.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
