package dev.ivrflow.flow.expr;

/**
 * What an evaluation gave. Run-time problems (a missing key, a division by zero, a wrong type, a cost limit)
 * are an {@link Error} value rather than an exception, so the interpreter decides what they mean for the call.
 */
public sealed interface EvalResult {

    /**
     * @param value a String, Long, Double, Boolean, {@code List<Object>}, {@code Map<String, Object>} (all
     *              unmodifiable, with values of these same types) or null
     */
    record Value(Object value) implements EvalResult {
    }

    record Error(String message) implements EvalResult {
    }
}
