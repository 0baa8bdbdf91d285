package dev.ivrflow.flow.nodes.condition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ivrflow.flow.model.*;

import java.util.*;

/** {@code condition}: the first case whose expression is true wins; none true takes {@code else}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"cases"})
public record ConditionSettings(List<ConditionCase> cases) implements NodeSettings {

    public List<ConditionCase> casesOrEmpty() {
        return cases == null ? List.of() : cases;
    }

    @Override
    public List<ExitSpec> exits() {
        List<ExitSpec> out = new ArrayList<>();
        for (ConditionCase c : casesOrEmpty()) {
            if (c.exit() != null) out.add(ExitSpec.required(c.exit(), "when " + c.when()));
        }
        out.add(ExitSpec.required("else", "no case was true"));
        out.add(ExitSpec.error());
        return out;
    }

    @Override
    public List<ExpressionRef> expressions() {
        List<ExpressionRef> out = new ArrayList<>();
        List<ConditionCase> cs = casesOrEmpty();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).when() != null) out.add(ExpressionRef.expression("/cases/" + i + "/when", cs.get(i).when()));
        }
        return out;
    }
}
