package dev.ivrflow.flow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A declared flow variable. {@code type} is one of {@link VariableType}; {@code initial} is a JSON value of
 * that type (String, Long, Double, Boolean, List or Map once read).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "initial", "description"})
public record VariableDecl(VariableType type, Object initial, String description) {
}
