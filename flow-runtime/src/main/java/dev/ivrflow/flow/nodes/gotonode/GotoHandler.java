package dev.ivrflow.flow.nodes.gotonode;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

/** Jumps to the target node, or returns from a subflow. */
public final class GotoHandler implements NodeHandler<GotoSettings> {
    @Override
    public Step enter(NodeContext<GotoSettings> ctx) {
        GotoSettings s = ctx.settings();
        return s.returns() ? new Step.Return() : new Step.Jump(s.target());
    }
}
