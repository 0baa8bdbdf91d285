package dev.ivrflow.flow.expr;

/**
 * Bounds on what one expression may cost, so a flow written by a business admin can never stall a call or
 * exhaust memory. Compile-time limits reject an expression while the flow is validated; run-time limits turn a
 * runaway evaluation into an {@link EvalResult.Error}.
 *
 * @param maxSourceLength     characters (code points) in one expression or one {@code {{...}}} placeholder.
 *                            Real conditions are a line or two; 2,000 leaves room without inviting programs.
 * @param maxNestingDepth     how deeply the parser may recurse. Each bracket, call or operand of a chained
 *                            {@code +} costs about one level, so 50 admits a 40-part string concatenation while
 *                            keeping parser, checker and interpreter stacks shallow.
 * @param maxIterations       loop iterations (all {@code map}, {@code filter}, {@code all}, {@code exists}...
 *                            together) in one evaluation. CEL counts them per evaluation, not per loop.
 * @param maxCost             work units in one evaluation (a whole template render counts as one). A unit is
 *                            one evaluated step, one character of a string produced or read, or one element of
 *                            a list or map built. Conditions cost tens; a million is a few milliseconds.
 * @param maxRegexProgramSize size of a compiled {@code matches()} pattern (RE2, so linear time anyway).
 * @param maxTemplateLength   characters in a whole template text.
 * @param maxRenderedLength   characters a template may render to.
 */
public record ExpressionLimits(
        int maxSourceLength,
        int maxNestingDepth,
        int maxIterations,
        long maxCost,
        int maxRegexProgramSize,
        int maxTemplateLength,
        int maxRenderedLength) {

    public static final ExpressionLimits DEFAULTS =
            new ExpressionLimits(2_000, 50, 10_000, 1_000_000, 1_000, 20_000, 100_000);

    public ExpressionLimits {
        positive("maxSourceLength", maxSourceLength);
        positive("maxNestingDepth", maxNestingDepth);
        positive("maxIterations", maxIterations);
        positive("maxCost", maxCost);
        positive("maxRegexProgramSize", maxRegexProgramSize);
        positive("maxTemplateLength", maxTemplateLength);
        positive("maxRenderedLength", maxRenderedLength);
    }

    private static void positive(String name, long value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
}
