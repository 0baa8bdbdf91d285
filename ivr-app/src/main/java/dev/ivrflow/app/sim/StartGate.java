package dev.ivrflow.app.sim;

import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.NodeHandlers;
import dev.ivrflow.flow.runtime.Step;

import java.util.concurrent.CompletableFuture;

/**
 * Holds a simulated call at the door of its first node until the stream is listening.
 *
 * <p>{@code Simulator.startInteractive} runs the flow at once, up to its first wait for the caller, before it
 * returns the run; the channel's listener and the journal can only be reached after that, so the first prompts and
 * nodes would be seen out of order. The first node's handler therefore waits on this gate (the interpreter parks on
 * it like on any asynchronous step, writing nothing), the call listens, then {@link #open()} lets the real handler
 * run. Every later node goes straight to its real handler. Remove this when the simulator accepts a listener and a
 * journal sink before it starts the call.
 */
final class StartGate {
    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    private boolean passed;

    /** The standard handlers, the first node entered waiting for the gate. One set per call. */
    NodeHandlers wrap(NodeHandlers real) {
        NodeHandlers.Builder builder = NodeHandlers.builder();
        for (NodeType type : real.types()) builder.register(type, gated(real.<NodeSettings>get(type)));
        return builder.build();
    }

    private <S extends NodeSettings> NodeHandler<S> gated(NodeHandler<S> real) {
        return ctx -> {
            if (passed) return real.enter(ctx);
            passed = true;
            return Step.await(gate, ignored -> real.enter(ctx));
        };
    }

    /** Lets the first node run, on the calling thread (the call's own). */
    void open() {
        gate.complete(null);
    }
}
