package dev.ivrflow.flow.sim;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * A same-thread executor that queues tasks and runs them one at a time, so a simulated call runs in order and
 * deterministically with no threads, and deep chains of completions never grow the stack.
 */
public final class TrampolineExecutor implements Executor {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (running) return;
        running = true;
        try {
            Runnable next;
            while ((next = queue.poll()) != null) next.run();
        } finally {
            running = false;
        }
    }
}
