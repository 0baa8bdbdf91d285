package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.expr.ExpressionEngine;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.nodes.NodeValidators;

import java.util.List;

/**
 * Checks a flow before it is compiled and run, and returns every issue found as data, never stopping at the
 * first and never throwing on a malformed model. The graph rules use JGraphT; each node type's own checks live
 * in its validator ({@link NodeValidators}). Thread-safe: one instance serves the application.
 */
public final class FlowValidator {
    private final NodeValidators validators;
    private final List<FlowRule> rules;

    public FlowValidator(NodeValidators validators, ExpressionEngine expressions) {
        this.validators = validators;
        this.rules = List.of(
                new FlowSettingsRule(),
                new NodeShapeRule(),
                new VariableRule(),
                new ExitRule(),
                new ReachabilityRule(),
                new LoopRule(),
                new NodeTypeRule(),
                new ExpressionRule(expressions),
                new PromptRule(),
                new SymbolRule());
    }

    public FlowValidator() {
        this(NodeValidators.standard(), new ExpressionEngine());
    }

    public ValidationReport validate(Flow flow) {
        return validate(flow, ValidationOptions.DEFAULTS);
    }

    public ValidationReport validate(Flow flow, ValidationOptions options) {
        Issues issues = new Issues();
        if (flow == null) {
            issues.flow(Severity.ERROR, ValidationCodes.FLOW_MISSING, "", "There is no flow to check.");
            return new ValidationReport(issues.list());
        }
        FlowContext context;
        try {
            context = FlowContext.of(flow, options == null ? ValidationOptions.DEFAULTS : options, validators);
        } catch (RuntimeException e) {
            issues.flow(Severity.ERROR, ValidationCodes.VALIDATOR_FAILED, "", failed("reading the flow", e));
            return new ValidationReport(issues.list());
        }
        for (FlowRule rule : rules) {
            try {
                rule.check(context, issues);
            } catch (RuntimeException e) {
                // One broken check must not hide what the others find, nor let the flow pass as clean.
                issues.flow(Severity.ERROR, ValidationCodes.VALIDATOR_FAILED, "", failed(rule.getClass().getSimpleName(), e));
            }
        }
        return new ValidationReport(issues.list());
    }

    private static String failed(String what, RuntimeException e) {
        return "The flow could not be fully checked (" + what + ": " + e + "). Fix the other issues first; if this"
                + " one stays, report it.";
    }
}
