package dev.ivrflow.flow.expr;

import java.util.Map;

/**
 * The values an evaluation reads. They are plain Java values (String, Integer or Long, Float or Double,
 * Boolean, List, Map with string keys, null); the engine converts them to CEL values on every evaluation and
 * never modifies them.
 */
public interface EvaluationContext {

    /** Flow variables by name. A declared variable absent from this map makes an expression using it fail. */
    Map<String, Object> variables();

    /** Call data, the value of {@code call}. */
    Map<String, Object> call();

    /** Node results by node id, the value of {@code nodes}. */
    Map<String, Object> nodes();

    /** The most recent node result, the value of {@code last}. */
    Map<String, Object> last();

    static EvaluationContext of(Map<String, Object> variables, Map<String, Object> call,
                                Map<String, Object> nodes, Map<String, Object> last) {
        return new Simple(variables, call, nodes, last);
    }

    static EvaluationContext ofVariables(Map<String, Object> variables) {
        return new Simple(variables, Map.of(), Map.of(), Map.of());
    }

    /** Null maps read as empty: a call with no node results yet has no {@code last}. */
    record Simple(Map<String, Object> variables, Map<String, Object> call, Map<String, Object> nodes,
                  Map<String, Object> last) implements EvaluationContext {
        public Simple {
            variables = variables == null ? Map.of() : variables;
            call = call == null ? Map.of() : call;
            nodes = nodes == null ? Map.of() : nodes;
            last = last == null ? Map.of() : last;
        }
    }
}
