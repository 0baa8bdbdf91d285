package dev.ivrflow.flow.nodes.maxduration;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.time.Duration;
import java.util.Map;

/**
 * Caps the call's length twice over: the switch schedules the hang-up (so it happens even if this runtime is
 * gone), and the session keeps its own timer (so the journal says why the call ended).
 */
public final class MaxDurationHandler implements NodeHandler<MaxDurationSettings> {
    @Override
    public Step enter(NodeContext<MaxDurationSettings> ctx) {
        Duration limit = Duration.ofSeconds(ctx.settings().seconds());
        ctx.limitCallTo(limit);
        return Step.await(ctx.ports().channel().scheduleHangup(limit), done -> {
            ctx.putResult(Map.of("seconds", ctx.settings().seconds()));
            return Step.take("next");
        });
    }
}
