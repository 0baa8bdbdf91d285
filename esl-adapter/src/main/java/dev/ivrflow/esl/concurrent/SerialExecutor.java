package dev.ivrflow.esl.concurrent;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one call one at a time, in the order they were submitted, on a delegate executor shared by
 * every call. No thread belongs to a call: while its queue is empty a call holds nothing but this small object,
 * so tens of thousands of calls can wait for a caller at once.
 *
 * <p>At most one drain runs at a time. It runs up to {@link #BATCH} tasks and then hands the rest back to the
 * delegate as a new drain, so one busy call cannot keep a delegate thread from the others. Submitting never runs
 * the task on the caller's thread (a Netty event loop must not run flow code), and a task that throws is logged
 * and does not stop the tasks behind it.
 *
 * <p>Memory effects: each task sees everything the tasks before it did (the hand-over between drains goes through
 * the queue and an atomic counter), so state touched only from this executor needs no locks.
 */
public final class SerialExecutor implements Executor {
    /** Tasks one drain runs before it yields the delegate thread. */
    public static final int BATCH = 64;

    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor delegate;
    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Tasks queued or running; the drain is scheduled while this is above zero. */
    private final AtomicInteger outstanding = new AtomicInteger();

    public SerialExecutor(Executor delegate, String name) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        tasks.add(task);
        if (outstanding.getAndIncrement() == 0) {
            schedule();
        }
    }

    /** True when nothing is queued or running: the call is waiting for something outside. */
    public boolean idle() {
        return outstanding.get() == 0;
    }

    public String name() {
        return name;
    }

    private void schedule() {
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the delegate is shutting down: the tasks cannot run anywhere, so drop them rather than keep the
            // counter above zero forever (which would make every later submit queue without running)
            int dropped = tasks.size();
            tasks.clear();
            outstanding.set(0);
            LOG.log(System.Logger.Level.WARNING, "{0}: the executor refused work, {1} task(s) dropped", name, dropped);
        }
    }

    private void drain() {
        for (int ran = 0; ran < BATCH; ran++) {
            Runnable task = tasks.poll();
            if (task == null) {
                // cannot happen while outstanding > 0 (the task is added before the counter moves), but never spin
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, name + ": a task failed", t);
            }
            if (outstanding.decrementAndGet() == 0) {
                return;
            }
        }
        schedule();
    }

    @Override
    public String toString() {
        return "SerialExecutor[" + name + ", " + outstanding.get() + " outstanding]";
    }
}
