/**
 * Expressions in flows: {@code condition} cases, {@code set} values, and "{{ expression }}" placeholders in
 * templates (TTS text, HTTP URLs, bodies and headers, conference names...).
 *
 * <p>The language is CEL (see {@link dev.ivrflow.flow.expr.ExpressionEngine} for why). An expression sees the
 * flow's variables as top-level names, plus {@code call}, {@code nodes} and {@code last}. It is compiled and
 * type-checked once, with the flow; compile errors carry line, column and offset for the designer. Evaluation
 * never throws: it returns an {@link dev.ivrflow.flow.expr.EvalResult}, and its cost is bounded by
 * {@link dev.ivrflow.flow.expr.ExpressionLimits}.
 *
 * <p>Public types: {@code ExpressionEngine}, {@code ExpressionScope}, {@code ExpressionLimits},
 * {@code CompileResult}, {@code ExpressionError}, {@code CompiledExpression}, {@code CompiledTemplate},
 * {@code EvaluationContext}, {@code EvalResult}. Everything else is package-private detail.
 */
package dev.ivrflow.flow.expr;
