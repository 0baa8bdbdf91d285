package dev.ivrflow.flow.flowtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A flow's test file ({@code <id>.test.json} beside {@code <id>.flow.json}): the flow under test (by default the
 * flow file of the same name), an optional environment file, and the scenarios.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"flow", "environment", "scenarios"})
public record FlowTestFile(String flow, String environment, List<Scenario> scenarios) {
    public List<Scenario> scenariosOrEmpty() {
        return scenarios == null ? List.of() : scenarios;
    }
}
