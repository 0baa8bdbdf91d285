package dev.ivrflow.flow.nodes.subflow;

import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.NodeContext;
import dev.ivrflow.flow.runtime.NodeFailure;
import dev.ivrflow.flow.runtime.NodeHandler;
import dev.ivrflow.flow.runtime.Step;

import java.util.HashMap;
import java.util.Map;

/** Runs the pinned version of another flow with the inputs, then copies its outputs back. */
public final class SubflowHandler implements NodeHandler<SubflowSettings> {
    @Override
    public Step enter(NodeContext<SubflowSettings> ctx) {
        SubflowSettings s = ctx.settings();
        CompiledFlow child = ctx.ports().flows().resolve(s.flow(), s.version()).orElseThrow(() ->
                new NodeFailure("subflow " + s.flow() + " version " + s.version() + " is not published"));
        Map<String, Object> inputs = new HashMap<>();
        s.inputsOrEmpty().forEach((name, expr) -> inputs.put(name, ctx.evaluate(expr)));
        return new Step.Call(child, inputs, childVars -> {
            s.outputsOrEmpty().forEach((parentVar, childVar) -> ctx.setVariable(parentVar, childVars.get(childVar)));
            ctx.putResult(Map.of("flow", s.flow(), "version", s.version()));
            return Step.take("next");
        });
    }
}
