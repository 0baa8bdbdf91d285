package dev.ivrflow.esl.inbound;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on another executor's threads: events reach listeners in the
 * order FreeSWITCH sent them, and never on a Netty event loop. A task that throws is logged and the next one runs.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor backing;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;
    private volatile Thread runner;

    SerialExecutor(Executor backing) {
        this.backing = Objects.requireNonNull(backing, "backing");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            backing.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                tasks.clear();
                draining = false;
            }
            throw e;
        }
    }

    /** True on the thread that is running this executor's tasks right now (a listener calling back into us). */
    boolean isRunningOnCurrentThread() {
        return runner == Thread.currentThread();
    }

    /** True when nothing is queued or running. */
    boolean isIdle() {
        synchronized (tasks) {
            return !draining;
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        try {
            while (true) {
                Runnable task;
                synchronized (tasks) {
                    task = tasks.poll();
                    if (task == null) {
                        draining = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.log(System.Logger.Level.WARNING, "an ESL listener threw; the next event is delivered anyway", t);
                }
            }
        } finally {
            runner = null;
        }
    }
}
