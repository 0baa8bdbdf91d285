package dev.ivrflow.app.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialExecutorTest {
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void shouldRunTasksOneAtATimeInTheOrderTheyCame() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        AtomicInteger running = new AtomicInteger();
        List<Integer> order = new ArrayList<>();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            int n = i;
            futures.add(serial.submit(() -> {
                assertThat(running.incrementAndGet()).isEqualTo(1);
                order.add(n);
                running.decrementAndGet();
                return n;
            }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(order).hasSize(2_000).isSorted();
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
    }

    @Test
    void shouldKeepGoingAfterATaskFails() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);

        CompletableFuture<Object> failed = serial.submit(() -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<String> next = serial.submit(() -> "still running");

        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("still running");
        assertThatThrownBy(failed::join).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNeverRunATaskOnTheThreadThatSubmitsIt() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        Thread caller = Thread.currentThread();

        Thread ran = serial.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);

        assertThat(ran).isNotSameAs(caller);
    }
}
