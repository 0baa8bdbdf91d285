package dev.ivrflow.esl.outbound;

import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.NodeHandlers;
import dev.ivrflow.flow.runtime.RuntimeLimits;

import java.util.Objects;

/** What a routed call runs: the compiled flow version it is pinned to, the handlers, its ports and its limits. */
public record CallStart(CompiledFlow flow, NodeHandlers handlers, CallServices services, RuntimeLimits limits) {
    public CallStart {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(services, "services");
        limits = limits == null ? RuntimeLimits.DEFAULT : limits;
    }
}
