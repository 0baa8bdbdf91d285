package dev.ivrflow.flow.expr;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A template with its placeholders compiled. Immutable and thread-safe. A render shares one cost budget and one
 * set of converted inputs across all its placeholders.
 */
public final class CompiledTemplate {

    sealed interface Piece {
    }

    record Text(String text) implements Piece {
    }

    /** @param label the placeholder as written, e.g. "{{ name }}", for messages */
    record Placeholder(CompiledExpression expression, String label) implements Piece {
    }

    private final String text;
    private final List<Piece> pieces;
    private final ExpressionScope scope;
    private final ExpressionLimits limits;
    private final Set<String> referencedNodeIds;

    CompiledTemplate(String text, List<Piece> pieces, ExpressionScope scope, ExpressionLimits limits) {
        this.text = text;
        this.pieces = List.copyOf(pieces);
        this.scope = scope;
        this.limits = limits;
        Set<String> ids = new TreeSet<>();
        for (Piece piece : pieces) {
            if (piece instanceof Placeholder p) ids.addAll(p.expression().referencedNodeIds());
        }
        this.referencedNodeIds = Collections.unmodifiableSet(ids);
    }

    public String text() {
        return text;
    }

    /** True when there is nothing to evaluate, so callers may use {@link #text()} as it is. */
    public boolean isConstant() {
        return pieces.stream().noneMatch(p -> p instanceof Placeholder);
    }

    public Set<String> referencedNodeIds() {
        return referencedNodeIds;
    }

    /** The rendered text as a {@link EvalResult.Value} holding a String, or the first placeholder's error. */
    public EvalResult render(EvaluationContext context) {
        return render(context, UnaryOperator.identity());
    }

    /**
     * Renders with each placeholder's text passed through {@code escape} (URL-encoding in a URL, JSON escaping in
     * a JSON body), so a value can never change the structure of the text around it.
     */
    public EvalResult render(EvaluationContext context, UnaryOperator<String> escape) {
        Bindings bindings = new Bindings(scope, context);
        CostMeter meter = new CostMeter(limits.maxCost());
        StringBuilder out = new StringBuilder();
        try {
            for (Piece piece : pieces) {
                switch (piece) {
                    case Text t -> TextRenderer.append(out, t.text(), limits.maxRenderedLength());
                    case Placeholder p -> {
                        EvalResult result = p.expression().evaluate(bindings, meter);
                        if (result instanceof EvalResult.Error(String message)) {
                            return new EvalResult.Error("in " + p.label() + ": " + message);
                        }
                        StringBuilder value = new StringBuilder();
                        TextRenderer.append(value, ((EvalResult.Value) result).value(), limits.maxRenderedLength());
                        TextRenderer.append(out, escape.apply(value.toString()), limits.maxRenderedLength());
                    }
                }
            }
        } catch (TextRenderer.TooLong e) {
            return new EvalResult.Error("the rendered text is longer than " + limits.maxRenderedLength()
                    + " characters");
        }
        return new EvalResult.Value(out.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
