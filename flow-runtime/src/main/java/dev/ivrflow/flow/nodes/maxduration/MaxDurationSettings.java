package dev.ivrflow.flow.nodes.maxduration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code maxDuration}: the call is hung up {@code seconds} after this node, wherever it is by then. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"seconds"})
public record MaxDurationSettings(Integer seconds) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "the limit is set"), ExitSpec.error());
    }
}
