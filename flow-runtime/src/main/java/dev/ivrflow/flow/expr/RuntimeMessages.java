package dev.ivrflow.flow.expr;

import dev.cel.common.CelErrorCode;
import dev.cel.runtime.CelEvaluationException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what went wrong during an evaluation into one sentence for the journal and the simulator. */
final class RuntimeMessages {
    private RuntimeMessages() {
    }

    // CEL prefixes the message with the code point offset of the failing step.
    private static final Pattern LOCATED = Pattern.compile("evaluation error at [^:]*:(\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern UNPLACED = Pattern.compile("evaluation error: (.*)", Pattern.DOTALL);
    private static final Pattern NO_OVERLOAD = Pattern.compile("No matching overload for function '([^']*)'");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("For input string: \"(.*)\"");
    private static final Pattern NO_VALUE = Pattern.compile("No value with name '(.*)' found");

    /**
     * @param positions the text the expression sits in (the template, for a placeholder)
     * @param start     where the expression starts in that text
     * @param end       where it ends
     */
    static String describe(Throwable failure, ExpressionLimits limits, SourcePositions positions, int start,
                           int end) {
        Throwable cause = failure.getCause();
        if (failure instanceof CostMeter.Exceeded || cause instanceof CostMeter.Exceeded) return costExceeded(limits);
        if (failure instanceof Bindings.BadValue || failure instanceof CelValues.Unsupported) {
            return failure.getMessage();
        }
        if (cause instanceof Bindings.BadValue) return cause.getMessage();
        if (!(failure instanceof CelEvaluationException e)) {
            return "the expression failed unexpectedly: " + failure;
        }
        String message = String.valueOf(e.getMessage());
        String where = "";
        Matcher located = LOCATED.matcher(message);
        if (located.matches()) {
            int codePoint = Integer.parseInt(located.group(1));
            where = " (at " + positions.describe(positions.offsetOfCodePoint(start, end, codePoint)) + ")";
            message = located.group(2);
        } else {
            Matcher unplaced = UNPLACED.matcher(message);
            if (unplaced.matches()) message = unplaced.group(1);
        }
        return reword(e.getErrorCode(), message, limits) + where;
    }

    static String costExceeded(ExpressionLimits limits) {
        return "the expression does too much work (cost limit " + limits.maxCost() + " exceeded): it handles"
                + " too much data, for example a loop over a long list inside another loop";
    }

    private static String reword(CelErrorCode code, String message, ExpressionLimits limits) {
        if (message.endsWith(".")) message = message.substring(0, message.length() - 1);
        Matcher noValue = NO_VALUE.matcher(message);
        if (noValue.matches()) return "'" + noValue.group(1) + "' has no value";
        return switch (code) {
            case ITERATION_BUDGET_EXCEEDED -> "too many loop iterations: one evaluation may run at most "
                    + limits.maxIterations() + " (all map, filter, all and exists loops together)";
            case DIVIDE_BY_ZERO -> "division by zero";
            case NUMERIC_OVERFLOW -> "number out of range (" + message + ")";
            case ATTRIBUTE_NOT_FOUND -> message.contains(" ") ? message
                    : "key '" + message + "' is not present in map";
            case INDEX_OUT_OF_BOUNDS -> "list index out of range (" + message + ")";
            case OVERLOAD_NOT_FOUND -> {
                Matcher function = NO_OVERLOAD.matcher(message);
                yield function.lookingAt()
                        ? Operators.written("'" + function.group(1) + "'") + " cannot be applied to these values"
                        : Operators.written(message);
            }
            case BAD_FORMAT -> {
                Matcher number = NOT_A_NUMBER.matcher(message);
                yield number.matches() ? "cannot convert \"" + number.group(1) + "\" to a number" : message;
            }
            default -> Operators.written(message);
        };
    }
}
