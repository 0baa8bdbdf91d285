package dev.ivrflow.flow.nodes.condition;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One case of a condition: when the expression is true, take the exit. */
@JsonPropertyOrder({"exit", "when"})
public record ConditionCase(String exit, String when) {
}
