package dev.ivrflow.flow.runtime;

import dev.ivrflow.flow.model.Environment;
import dev.ivrflow.flow.model.Flow;

import java.util.Map;

/**
 * A validated flow, ready to run: nodes indexed by id, expressions compiled, bound to an environment. A call is
 * pinned to the compiled flow it started on, whatever is published while it runs.
 */
public record CompiledFlow(Flow flow, int version, Map<String, CompiledNode> nodes, FlowExpressions expressions,
                           Environment environment) {

    public CompiledFlow {
        nodes = Map.copyOf(nodes);
    }

    public String id() {
        return flow.id();
    }

    public CompiledNode node(String id) {
        return nodes.get(id);
    }
}
