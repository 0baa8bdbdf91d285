package dev.ivrflow.flow.nodes.loop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/**
 * {@code loop}: each time the call enters this node it takes {@code body}, until it has done so {@code times}
 * times; then it takes {@code done} and resets, so the loop can run again later. The iteration number (1-based)
 * is written to {@code counter} when given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"times", "counter"})
public record LoopSettings(Integer times, String counter) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("body", "one more iteration"), ExitSpec.required("done", "after the last iteration"));
    }

    @Override
    public List<VariableRef> writes() {
        return counter == null ? List.of() : List.of(new VariableRef("/counter", counter));
    }

}
