package dev.ivrflow.app.sim;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.intent.LocalIntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.sim.CallerStep;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simulator over HTTP: starts simulated calls of a draft or a published version, feeds them the caller's
 * steps, hangs them up and streams what happens. Each call runs on its own serial executor over a shared pool of
 * virtual threads; nothing here blocks the caller's thread.
 */
public final class SimCalls {
    private final SimFlowLoader loader;
    private final SimCallRegistry registry;
    private final FlowToolkit toolkit;
    private final IntentClassifier classifier = new LocalIntentClassifier();
    private final Executor pool;
    private final SimProperties properties;
    private final Clock clock;

    SimCalls(SimFlowLoader loader, SimCallRegistry registry, FlowToolkit toolkit, Executor pool,
             SimProperties properties, Clock clock) {
        this.loader = loader;
        this.registry = registry;
        this.toolkit = toolkit;
        this.pool = pool;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a call from a request body; the answer is the call once it first waits for the caller, or ended. */
    Mono<CallView> start(String body, String user) {
        return Mono.defer(() -> {
            SimRequests.Start request = SimRequests.start(body, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
            registry.reserve(user);
            AtomicBoolean handedOver = new AtomicBoolean();
            return loader.load(request.flowId(), request.version())
                    .flatMap(loaded -> {
                        String id = UUID.randomUUID().toString();
                        InteractiveCall call = new InteractiveCall(id, user, loaded, request.call(), request.offset(),
                                toolkit.handlers(), classifier, new SerialExecutor(pool), properties.replayEvents(),
                                () -> {
                                    registry.release(user);
                                    registry.ended(id);
                                });
                        handedOver.set(true);
                        registry.add(call);
                        return Mono.fromFuture(call.start(), true);
                    })
                    .doFinally(signal -> {
                        if (!handedOver.get()) registry.release(user);
                    });
        });
    }

    Mono<CallView> input(String id, String body, String user) {
        return Mono.defer(() -> {
            CallerStep step = SimRequests.input(body);
            return Mono.fromFuture(registry.get(id, user).input(step), true);
        });
    }

    Mono<CallView> hangup(String id, String user) {
        return Mono.defer(() -> Mono.fromFuture(registry.get(id, user).hangup(), true));
    }

    Mono<CallView> state(String id, String user) {
        return Mono.defer(() -> Mono.fromFuture(registry.get(id, user).state(), true));
    }

    /** The call, for its event stream (404 when unknown). */
    InteractiveCall call(String id, String user) {
        return registry.get(id, user);
    }

    /** For tests and operators: how many calls are in progress. */
    int active() {
        return registry.active();
    }

    void expireIdleCalls() {
        registry.cleanUp();
    }
}
