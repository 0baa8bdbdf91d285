package dev.ivrflow.flow.runtime;

import java.util.Map;

/**
 * A flow's expressions and templates, compiled once when the flow is compiled and looked up by their source at
 * run time. Errors come back as {@link NodeFailure} with the expression engine's message.
 */
public interface FlowExpressions {

    Object evaluate(String source, Scope scope);

    /** Evaluates for a variable of this type: an int widens to a double, any other mismatch fails. */
    Object evaluateAs(String source, dev.ivrflow.flow.model.VariableType type, Scope scope);

    boolean test(String source, Scope scope);

    String render(String template, Scope scope);

    /** Renders with each placeholder's value escaped for where the text goes. */
    String render(String template, Scope scope, java.util.function.UnaryOperator<String> escape);

    /** What an expression can read: flow variables, call data, node results, and the last node's result. */
    record Scope(Map<String, Object> variables, Map<String, Object> call, Map<String, Object> nodes,
                 Map<String, Object> last) {
    }
}
