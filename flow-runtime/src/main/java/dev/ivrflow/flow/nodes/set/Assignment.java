package dev.ivrflow.flow.nodes.set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One assignment: a declared variable (or {@code call.language}, to switch the call's language) gets the
 * value of an expression.
 */
@JsonPropertyOrder({"variable", "value"})
public record Assignment(String variable, String value) {
    public static final String CALL_LANGUAGE = "call.language";
}
