package dev.ivrflow.flow.nodes.callername;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code callerName}: set the caller name agents see (a template, e.g. "VIP {{customerName}}"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name"})
public record CallerNameSettings(String name) implements NodeSettings {

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after setting the name"), ExitSpec.error());
    }

    @Override
    public List<ExpressionRef> expressions() {
        return name == null ? List.of() : List.of(ExpressionRef.template("/name", name));
    }
}
