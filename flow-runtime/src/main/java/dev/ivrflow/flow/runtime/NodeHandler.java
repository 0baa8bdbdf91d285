package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.NodeSettings;

/**
 * Runs one node type. A handler is stateless and shared by every call; per-call state lives in the
 * {@link NodeContext}. Collaborators come through the constructor. Cancellation (hang-up, barge-in, time limits)
 * is the interpreter's: it drops the pending continuation and stops the channel.
 */
public interface NodeHandler<S extends NodeSettings> {
    Step enter(NodeContext<S> ctx);
}
