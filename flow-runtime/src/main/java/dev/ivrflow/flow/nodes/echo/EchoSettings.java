package dev.ivrflow.flow.nodes.echo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code echo}: the caller hears themself, a line test, for at most {@code maxSeconds} (default 60). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"maxSeconds"})
public record EchoSettings(Integer maxSeconds) implements NodeSettings {

    public int maxSecondsOrDefault() {
        return maxSeconds == null ? 60 : maxSeconds;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after the echo test"), ExitSpec.error());
    }

    @Override
    public boolean takesTime() {
        return true;
    }
}
