package dev.ivrflow.app.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs one simulated call's tasks one at a time, in the order they were submitted, on a shared executor: a
 * simulator run is single-threaded, and this keeps it so without a lock and without holding a thread while the
 * call waits for the caller. Tasks never run on the thread that submits them (never a Netty event loop).
 */
final class SerialExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor backing;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    SerialExecutor(Executor backing) {
        this.backing = backing;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (draining) return;
            draining = true;
        }
        try {
            backing.execute(this::drain);
        } catch (RuntimeException e) {
            // The backing executor is shut down (the application stops): nothing more will run for this call.
            synchronized (this) {
                tasks.clear();
                draining = false;
            }
            throw e;
        }
    }

    /** Runs the task after every task submitted before it; its result or failure completes the future. */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (Throwable t) {
                log.error("a simulated call's task failed", t);
            }
        }
    }
}
