package dev.ivrflow.flow.nodes.wait;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;

/** Pauses on the injected clock. */
public final class WaitHandler implements NodeHandler<WaitSettings> {
    @Override
    public Step enter(NodeContext<WaitSettings> ctx) {
        Duration pause = Duration.ofMillis(Math.round(ctx.settings().seconds() * 1000));
        return Step.await(ctx.sleep(pause), done -> Step.take("next"));
    }
}
