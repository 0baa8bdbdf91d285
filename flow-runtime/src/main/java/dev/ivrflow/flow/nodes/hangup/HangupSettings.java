package dev.ivrflow.flow.nodes.hangup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code hangup}: end the call with a cause: {@code normal} (the default), {@code busy} or {@code unavailable}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cause"})
public record HangupSettings(String cause) implements NodeSettings {

    public String causeOrDefault() {
        return cause == null ? "normal" : cause;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of();
    }
}
