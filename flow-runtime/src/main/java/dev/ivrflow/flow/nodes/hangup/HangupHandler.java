package dev.ivrflow.flow.nodes.hangup;

import dev.ivrflow.flow.port.HangupCause;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

/** Ends the call with the cause. */
public final class HangupHandler implements NodeHandler<HangupSettings> {
    @Override
    public Step enter(NodeContext<HangupSettings> ctx) {
        String cause = ctx.settings().causeOrDefault();
        ctx.ports().channel().hangup(HangupCause.fromFlow(cause));
        return Step.end("hung up by the flow (" + cause + ")");
    }
}
