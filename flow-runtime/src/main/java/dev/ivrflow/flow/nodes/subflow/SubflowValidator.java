package dev.ivrflow.flow.nodes.subflow;

import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Pointers;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.validate.FieldChecks;
import dev.ivrflow.flow.validate.FieldRange;
import dev.ivrflow.flow.validate.FlowCatalog;
import dev.ivrflow.flow.validate.NodeCheck;
import dev.ivrflow.flow.validate.NodeValidator;
import dev.ivrflow.flow.validate.ValidationCodes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subflow runs a pinned, published version of another flow, so publishing that flow never changes this one. The
 * catalog says whether the version exists and, when it holds the flow, which variables inputs and outputs may use.
 */
public final class SubflowValidator implements NodeValidator<SubflowSettings> {
    static final FieldRange<SubflowSettings> VERSION =
            FieldRange.atLeast("/version", SubflowSettings::version, 1, null);

    @Override
    public void validate(NodeCheck<SubflowSettings> check) {
        SubflowSettings s = check.settings();
        boolean hasFlow = FieldChecks.required(check, "/flow", s.flow(), "Choose the flow to run.");
        FieldChecks.required(check, "/version", s.version(), "Choose the published version to run.");
        if (!hasFlow) return;
        if (s.flow().equals(check.flow().id())) {
            check.error(ValidationCodes.SUBFLOW_SELF, "/flow", "it runs this same flow, so every call would go deeper"
                    + " until it is cut off. Use a goto to go back to an earlier node instead.");
            return;
        }
        FlowCatalog catalog = check.catalog();
        if (catalog.checks() && !catalog.exists(s.flow(), s.version())) {
            boolean anyVersion = catalog.exists(s.flow(), null);
            check.error(ValidationCodes.SUBFLOW_UNKNOWN, anyVersion ? "/version" : "/flow", anyVersion
                    ? "version " + s.version() + " of the flow \"" + s.flow() + "\" is not published. Choose a"
                    + " published version."
                    : "the flow \"" + s.flow() + "\" does not exist or was never published. Choose a published flow.");
            return;
        }
        child(check).ifPresent(child -> checkVariables(check, s, child));
    }

    @Override
    public List<FieldRange<SubflowSettings>> ranges() {
        return List.of(VERSION);
    }

    private static void checkVariables(NodeCheck<SubflowSettings> check, SubflowSettings s, Flow child) {
        Map<String, VariableDecl> declared = child.variablesOrEmpty();
        for (String input : s.inputsOrEmpty().keySet()) {
            if (declared.containsKey(input)) continue;
            check.error(ValidationCodes.SUBFLOW_INPUT_UNKNOWN, Pointers.join("/inputs", input), "it passes \"" + input
                    + "\" to the flow \"" + s.flow() + "\", which has no such variable. Pass one of its variables: "
                    + String.join(", ", declared.keySet()) + ".");
        }
        s.outputsOrEmpty().forEach((parentVariable, childVariable) -> {
            String pointer = Pointers.join("/outputs", parentVariable);
            if (!FieldChecks.required(check, pointer, childVariable, "Choose the variable of \"" + s.flow()
                    + "\" to copy into " + parentVariable + ".")) {
                return;
            }
            if (declared.containsKey(childVariable)) return;
            check.error(ValidationCodes.SUBFLOW_OUTPUT_UNKNOWN, pointer, "it copies \"" + childVariable
                    + "\" back from the flow \"" + s.flow() + "\", which has no such variable. Copy one of its"
                    + " variables: " + String.join(", ", declared.keySet()) + ".");
        });
    }

    /** An input must fit the child's variable, since the child's expressions were checked against its type. */
    @Override
    public VariableType expectedType(NodeCheck<SubflowSettings> check, ExpressionRef expression) {
        Optional<Flow> child = child(check);
        if (child.isEmpty()) return null;
        for (String input : check.settings().inputsOrEmpty().keySet()) {
            if (!Pointers.join("/inputs", input).equals(expression.pointer())) continue;
            VariableDecl decl = child.get().variablesOrEmpty().get(input);
            return decl == null ? null : decl.type();
        }
        return null;
    }

    private static Optional<Flow> child(NodeCheck<SubflowSettings> check) {
        SubflowSettings s = check.settings();
        if (s.flow() == null || s.version() == null || !check.catalog().checks()) return Optional.empty();
        return check.catalog().find(s.flow(), s.version());
    }
}
