package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.expr.CompileResult;
import dev.ivrflow.flow.expr.ExpressionEngine;
import dev.ivrflow.flow.expr.ExpressionError;
import dev.ivrflow.flow.expr.ExpressionScope;
import dev.ivrflow.flow.model.ExpressionRef;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.VariableType;

import static dev.ivrflow.flow.validate.Severity.ERROR;

/**
 * Compiles every expression and template against the flow's declared variables, so a typo or a type mistake is
 * found in the designer, with its position, and never in a call.
 */
final class ExpressionRule implements FlowRule {
    private static final int SHOWN_SOURCE = 60;

    private final ExpressionEngine engine;

    ExpressionRule(ExpressionEngine engine) {
        this.engine = engine;
    }

    @Override
    public void check(FlowContext context, Issues issues) {
        ExpressionScope scope = context.scope();
        for (NodeFacts n : context.nodes) {
            if (!n.usable()) continue;
            for (ExpressionRef ref : n.expressions()) {
                if (ref.source() == null) continue;
                CompileResult<?> result;
                try {
                    result = compile(context, n, ref, scope, issues);
                } catch (RuntimeException e) {
                    // One expression the engine chokes on must not stop the others from being checked.
                    issues.node(ERROR, ValidationCodes.EXPRESSION_INVALID, n.node(), n.index(), null,
                            DocumentPointers.settings(n.index(), ref.pointer()), describe(ref) + " could not be"
                                    + " checked (" + e + "). Simplify it.");
                    continue;
                }
                for (ExpressionError e : result.errors()) {
                    issues.node(ERROR, ValidationCodes.EXPRESSION_INVALID, n.node(), n.index(), null,
                            DocumentPointers.settings(n.index(), ref.pointer()), describe(ref) + " has an error at line "
                                    + e.line() + ", column " + e.column() + " (offset " + e.offset() + "): "
                                    + e.message() + ". Correct it.");
                }
            }
        }
    }

    private CompileResult<?> compile(FlowContext context, NodeFacts n, ExpressionRef ref, ExpressionScope scope,
                                     Issues issues) {
        if (ref.kind() == ExpressionRef.Kind.TEMPLATE) return engine.compileTemplate(ref.source(), scope);
        VariableType expected = expectedType(context, n, ref, issues);
        return expected == null ? engine.compile(ref.source(), scope) : engine.compileValue(ref.source(), scope, expected);
    }

    private static VariableType expectedType(FlowContext context, NodeFacts n, ExpressionRef ref, Issues issues) {
        if (!context.validators.types().contains(n.node().type())) return null;
        NodeValidator<NodeSettings> validator = context.validators.get(n.node().type());
        return validator.expectedType(new NodeCheck<>(context, n, n.settings(), issues), ref);
    }

    private static String describe(ExpressionRef ref) {
        String source = ref.source().replaceAll("\\s+", " ");
        if (source.length() > SHOWN_SOURCE) source = source.substring(0, SHOWN_SOURCE - 3) + "...";
        return (ref.kind() == ExpressionRef.Kind.TEMPLATE ? "the text \"" : "the expression \"") + source + "\"";
    }
}
