package dev.ivrflow.flow.flowtest;

import dev.ivrflow.flow.sim.SimulationResult;

import java.util.List;

/** One scenario's outcome: what went wrong (empty when it passed) and what the call did. */
public record ScenarioResult(String name, List<String> failures, SimulationResult result) {
    public boolean passed() {
        return failures.isEmpty();
    }
}
