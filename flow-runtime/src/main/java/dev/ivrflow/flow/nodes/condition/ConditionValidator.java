package dev.ivrflow.flow.nodes.condition;

import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.validate.ExitNameCheck;
import dev.ivrflow.flow.validate.ExitNameCheck.NamedExit;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.ArrayList;
import java.util.List;

/** Each case needs a condition and its own exit; the conditions must give true or false. */
public final class ConditionValidator implements NodeValidator<ConditionSettings> {

    @Override
    public void validate(NodeCheck<ConditionSettings> check) {
        List<ConditionCase> cases = check.settings().casesOrEmpty();
        if (cases.isEmpty()) {
            check.error(ValidationCodes.CONDITION_CASES_EMPTY, "/cases", "there are no cases, so every call takes"
                    + " \"else\". Add a case with its condition, or replace the node with a connection.");
            return;
        }
        List<NamedExit> named = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ConditionCase c = cases.get(i);
            named.add(new NamedExit(c == null ? null : c.exit(), "/cases/" + i + "/exit", "case " + (i + 1)));
            if (c != null) {
                FieldChecks.required(check, "/cases/" + i + "/when", c.when(), "Write when case " + (i + 1)
                        + " applies, such as tier == \"gold\".");
            }
        }
        ExitNameCheck.check(check, named, check.exits().specs());
    }

    @Override
    public VariableType expectedType(NodeCheck<ConditionSettings> check, ExpressionRef expression) {
        return VariableType.BOOL;
    }
}
