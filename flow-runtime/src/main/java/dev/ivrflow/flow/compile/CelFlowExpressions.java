package dev.ivrflow.flow.compile;

import dev.ivrflow.flow.expr.CompiledExpression;
import dev.ivrflow.flow.expr.CompiledTemplate;
import dev.ivrflow.flow.expr.EvalResult;
import dev.ivrflow.flow.expr.EvaluationContext;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.runtime.FlowExpressions;
import dev.ivrflow.flow.runtime.NodeFailure;
import dev.ivrflow.flow.runtime.Values;

import java.util.Map;
import java.util.function.UnaryOperator;

/** A flow's CEL expressions and templates, compiled when the flow was, looked up by source text. */
final class CelFlowExpressions implements FlowExpressions {
    private final Map<String, CompiledExpression> expressions;
    private final Map<String, CompiledTemplate> templates;

    CelFlowExpressions(Map<String, CompiledExpression> expressions, Map<String, CompiledTemplate> templates) {
        this.expressions = Map.copyOf(expressions);
        this.templates = Map.copyOf(templates);
    }

    @Override
    public Object evaluate(String source, Scope scope) {
        return value(expression(source).evaluate(context(scope)), source);
    }

    @Override
    public Object evaluateAs(String source, VariableType type, Scope scope) {
        if (type == null) return evaluate(source, scope);
        return value(expression(source).evaluateAs(context(scope), type), source);
    }

    @Override
    public boolean test(String source, Scope scope) {
        return (Boolean) value(expression(source).evaluateBoolean(context(scope)), source);
    }

    @Override
    public String render(String template, Scope scope) {
        return render(template, scope, UnaryOperator.identity());
    }

    @Override
    public String render(String template, Scope scope, UnaryOperator<String> escape) {
        if (template == null) return "";
        CompiledTemplate t = templates.get(template);
        if (t == null) throw new NodeFailure("template was not compiled with the flow: " + template);
        return Values.text(value(t.render(context(scope), escape), template));
    }

    private CompiledExpression expression(String source) {
        CompiledExpression e = expressions.get(source);
        if (e == null) throw new NodeFailure("expression was not compiled with the flow: " + source);
        return e;
    }

    private static Object value(EvalResult r, String source) {
        return switch (r) {
            case EvalResult.Value v -> v.value();
            case EvalResult.Error e -> throw new NodeFailure(e.message() + " (in `" + source + "`)");
        };
    }

    private static EvaluationContext context(Scope s) {
        return EvaluationContext.of(s.variables(), s.call(), s.nodes(), s.last());
    }
}
