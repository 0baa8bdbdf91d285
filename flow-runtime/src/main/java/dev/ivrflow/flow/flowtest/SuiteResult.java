package dev.ivrflow.flow.flowtest;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one test file: errors that kept it from running (an unreadable test file or flow, a flow with
 * validation errors), each scenario's result, and the exit coverage.
 */
public record SuiteResult(Path file, String flowId, List<String> errors, List<ScenarioResult> scenarios,
                          ExitCoverage coverage) {

    public boolean passed() {
        return errors.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
    }
}
