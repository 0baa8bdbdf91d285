package dev.ivrflow.flow.nodes.wait;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code wait}: pause for a number of seconds (the caller hears silence or the channel's hold audio). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"seconds"})
public record WaitSettings(Double seconds) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after the pause"));
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
