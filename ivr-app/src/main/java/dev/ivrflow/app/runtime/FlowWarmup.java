package dev.ivrflow.app.runtime;

import dev.ivrflow.flow.compile.CompiledFlowCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Compiles each version the {@link PublishWatcher} sees go live, in the background and one at a time, so the first
 * call to it does not wait for the compiler, and a version that does not compile is reported when it is published
 * rather than when someone calls.
 */
public final class FlowWarmup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FlowWarmup.class);

    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ivr-flow-warmup").daemon(true).factory());

    public FlowWarmup(PublishWatcher watcher, CompiledFlowCache cache) {
        watcher.onNewVersion((flowId, version) -> {
            try {
                thread.execute(() -> {
                    try {
                        cache.resolve(flowId, version);
                    } catch (RuntimeException e) {
                        log.debug("compiling flow '{}' version {} ahead of its calls failed: {}", flowId, version, e.toString());
                    }
                });
            } catch (RejectedExecutionException closed) {
                // shutting down
            }
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
