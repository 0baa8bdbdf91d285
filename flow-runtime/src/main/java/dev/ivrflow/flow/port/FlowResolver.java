package dev.ivrflow.flow.port;

import dev.ivrflow.flow.runtime.CompiledFlow;

import java.util.Optional;

/** Finds a compiled, published flow version, for subflows. */
public interface FlowResolver {
    Optional<CompiledFlow> resolve(String flowId, int version);

    FlowResolver NONE = (id, v) -> Optional.empty();
}
