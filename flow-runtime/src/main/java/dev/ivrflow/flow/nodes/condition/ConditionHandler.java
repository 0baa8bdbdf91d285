package dev.ivrflow.flow.nodes.condition;

import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.Map;

/** Takes the exit of the first case whose expression is true, else {@code else}. */
public final class ConditionHandler implements NodeHandler<ConditionSettings> {
    @Override
    public Step enter(NodeContext<ConditionSettings> ctx) {
        for (ConditionCase c : ctx.settings().casesOrEmpty()) {
            if (ctx.test(c.when())) {
                ctx.putResult(Map.of("case", c.exit()));
                return Step.take(c.exit());
            }
        }
        ctx.putResult(Map.of("case", "else"));
        return Step.take("else");
    }
}
