package dev.ivrflow.flow.expr;

import dev.cel.runtime.CelRuntime;
import dev.ivrflow.flow.model.VariableType;

import java.util.Set;

/**
 * A type-checked expression ready to run. Immutable and thread-safe: one instance, compiled with its flow, is
 * evaluated by every call in that flow at the same time, each evaluation with its own bindings and cost meter.
 */
public final class CompiledExpression {
    private final String source;
    private final CelRuntime.Program program;
    private final ExpressionFacts facts;
    private final ExpressionScope scope;
    private final ExpressionLimits limits;
    // Where the expression sits, so run-time messages point into the text the admin wrote.
    private final SourcePositions positions;
    private final int start;
    private final int end;

    CompiledExpression(String source, CelRuntime.Program program, ExpressionFacts facts, ExpressionScope scope,
                       ExpressionLimits limits, SourcePositions positions, int start, int end) {
        this.source = source;
        this.program = program;
        this.facts = facts;
        this.scope = scope;
        this.limits = limits;
        this.positions = positions;
        this.start = start;
        this.end = end;
    }

    public String source() {
        return source;
    }

    /** Node ids the expression reads as {@code nodes.id} or {@code nodes["id"]}, for the flow validator. */
    public Set<String> referencedNodeIds() {
        return facts.referencedNodeIds();
    }

    /** Evaluates; never throws for a run-time problem, which comes back as {@link EvalResult.Error}. */
    public EvalResult evaluate(EvaluationContext context) {
        return evaluate(new Bindings(scope, context), new CostMeter(limits.maxCost()));
    }

    /** Evaluates a condition: anything but true or false is an error that says what it was instead. */
    public EvalResult evaluateBoolean(EvaluationContext context) {
        EvalResult result = evaluate(context);
        if (result instanceof EvalResult.Value(Object value) && !(value instanceof Boolean)) {
            return new EvalResult.Error("a condition must give true or false, but this one gave " + described(value));
        }
        return result;
    }

    /**
     * Evaluates a value for a variable of the given type. An int is widened for a double; null is allowed (it
     * leaves the variable empty); any other mismatch is an error.
     */
    public EvalResult evaluateAs(EvaluationContext context, VariableType type) {
        if (type == VariableType.BOOL) return evaluateBoolean(context);
        EvalResult result = evaluate(context);
        if (!(result instanceof EvalResult.Value(Object value)) || value == null) return result;
        if (type == VariableType.DOUBLE && value instanceof Long l) return new EvalResult.Value(l.doubleValue());
        boolean fits = switch (type) {
            case STRING -> value instanceof String;
            case INT -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case LIST -> value instanceof java.util.List<?>;
            case MAP -> value instanceof java.util.Map<?, ?>;
        };
        return fits ? result : new EvalResult.Error("expected " + article(type.json()) + " " + type.json()
                + ", but the expression gave " + described(value));
    }

    /** One evaluation inside a larger one (a template render), sharing its bindings and budget. */
    EvalResult evaluate(Bindings bindings, CostMeter meter) {
        try {
            Object raw = program.trace(bindings, meter.listenerFor(facts));
            if (meter.exceeded()) return new EvalResult.Error(RuntimeMessages.costExceeded(limits));
            return new EvalResult.Value(CelValues.toJava(raw));
        } catch (Exception e) {
            // CEL reports its own failures as CelEvaluationException; ours (cost, bad input) travel as
            // unchecked exceptions, sometimes wrapped by CEL. All of them become a value.
            return new EvalResult.Error(RuntimeMessages.describe(e, limits, positions, start, end));
        }
    }

    private static String described(Object value) {
        String type = CelValues.typeName(value);
        if (value == null) return "null";
        String text = String.valueOf(value);
        if (text.length() > 40) text = text.substring(0, 40) + "...";
        return article(type) + " " + type + " (" + (value instanceof String ? '"' + text + '"' : text) + ")";
    }

    static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    @Override
    public String toString() {
        return source;
    }
}
