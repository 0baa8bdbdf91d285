package dev.ivrflow.flow.expr;

import dev.cel.runtime.CelEvaluationListener;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run-time cost budget, which CEL for Java does not have. CEL's iteration limit alone does not bound the work:
 * in a dozen iterations, chained {@code [x].map(a, [a, a, a])} steps build a value that is exponentially large
 * once copied out or printed, and a loop of string concatenations allocates iterations times the input size.
 * So every evaluated step is charged one unit, every string produced or read its length, and every list or map
 * built its full (tree) size. Shared sub-values are sized once per evaluation, so sizing stays linear in what was
 * actually built.
 *
 * <p>Lists and maps that are only read (a variable, {@code nodes.crm.body}, an index, a ternary) are not charged,
 * so looking into a large HTTP answer stays cheap. What remains unmetered is comparing such an input with
 * {@code ==} or {@code in} inside a loop: that costs at most the iteration limit times the input size.
 *
 * <p>CEL calls the listener after each step; throwing stops the evaluation. One meter serves one evaluation or
 * one template render, on one thread.
 */
final class CostMeter {

    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("cost limit exceeded", null, false, false);
        }
    }

    private final long limit;
    private final Map<Object, Long> sizes = new IdentityHashMap<>();
    private long spent;

    CostMeter(long limit) {
        this.limit = limit;
    }

    CelEvaluationListener listenerFor(ExpressionFacts facts) {
        return (expr, value) -> {
            long units = 1;
            if (value instanceof String s) {
                units += s.length();
            } else if ((value instanceof List<?> || value instanceof Map<?, ?>)
                    && !facts.passThroughIds().contains(expr.id())) {
                units += size(value);
            }
            charge(units);
        };
    }

    void charge(long units) {
        spent = add(spent, units);
        if (spent > limit) throw new Exceeded();
    }

    /** True once the budget is spent, even if CEL absorbed the exception (as {@code error || true} does). */
    boolean exceeded() {
        return spent > limit;
    }

    private long size(Object value) {
        if (value instanceof String s) return 1L + s.length();
        if (!(value instanceof List<?>) && !(value instanceof Map<?, ?>)) return 1;
        Long known = sizes.get(value);
        if (known != null) return known;
        long total = 1;
        if (value instanceof List<?> list) {
            for (Object element : list) total = add(total, size(element));
        } else {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                total = add(total, add(size(entry.getKey()), size(entry.getValue())));
            }
        }
        sizes.put(value, total);
        return total;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
