package dev.ivrflow.flow.nodes.set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code set}: assign variables in order; a later assignment sees the earlier ones. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"assign"})
public record SetSettings(List<Assignment> assign) implements NodeSettings {

    public List<Assignment> assignOrEmpty() {
        return assign == null ? List.of() : assign;
    }

    @Override
    public List<ExitSpec> exits() {
        return List.of(ExitSpec.required("next", "after assigning"), ExitSpec.error());
    }

    @Override
    public List<ExpressionRef> expressions() {
        List<ExpressionRef> out = new ArrayList<>();
        List<Assignment> as = assignOrEmpty();
        for (int i = 0; i < as.size(); i++) {
            if (as.get(i).value() != null) out.add(ExpressionRef.expression("/assign/" + i + "/value", as.get(i).value()));
        }
        return out;
    }

    @Override
    public List<VariableRef> writes() {
        List<VariableRef> out = new ArrayList<>();
        List<Assignment> as = assignOrEmpty();
        for (int i = 0; i < as.size(); i++) {
            String v = as.get(i).variable();
            if (v != null && !Assignment.CALL_LANGUAGE.equals(v)) out.add(new VariableRef("/assign/" + i + "/variable", v));
        }
        return out;
    }
}
