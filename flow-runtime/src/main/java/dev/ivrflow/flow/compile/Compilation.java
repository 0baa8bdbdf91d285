package dev.ivrflow.flow.compile;

import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.validate.ValidationReport;

import java.util.Optional;

/** A compiled flow with the validator's warnings, or the validator's errors and no flow. */
public record Compilation(CompiledFlow flow, ValidationReport report) {

    public boolean succeeded() {
        return flow != null;
    }

    public Optional<CompiledFlow> compiled() {
        return Optional.ofNullable(flow);
    }

    public CompiledFlow orElseThrow() {
        if (flow == null) throw new FlowRejectedException(report);
        return flow;
    }
}
