package dev.ivrflow.flow.nodes.echo;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;

/** Echoes the caller's audio back for at most the configured time. */
public final class EchoHandler implements NodeHandler<EchoSettings> {
    @Override
    public Step enter(NodeContext<EchoSettings> ctx) {
        return Step.await(ctx.ports().channel().echo(Duration.ofSeconds(ctx.settings().maxSecondsOrDefault())),
                done -> Step.take("next"));
    }
}
