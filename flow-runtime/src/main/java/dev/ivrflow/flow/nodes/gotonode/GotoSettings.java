package dev.ivrflow.flow.nodes.gotonode;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code goto}: jump to {@code target}, a node of this flow. With {@code returnToParent}, a subflow returns to
 * the flow that called it (in a top-level flow the call ends normally).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"target", "returnToParent"})
public record GotoSettings(String target, Boolean returnToParent) implements NodeSettings {

    public boolean returns() {
        return Boolean.TRUE.equals(returnToParent);
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of();
    }
}
