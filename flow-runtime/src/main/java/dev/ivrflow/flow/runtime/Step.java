package dev.ivrflow.flow.runtime;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a node handler asks the interpreter to do next. Failures are values: a handler returns {@link Fail}
 * and the interpreter decides what that means (the node's error exit, the flow's fallback, a journal line).
 */
public sealed interface Step {

    /** Leave the node by a named exit. */
    record Take(String exit) implements Step {
    }

    /** Go to another node of the same flow (goto). */
    record Jump(String nodeId) implements Step {
    }

    /** Wait for something asynchronous (a channel action, a timer, an HTTP answer), then continue with it. */
    record Await<T>(CompletionStage<T> pending, Function<? super T, Step> then) implements Step {
    }

    /** Run a subflow; when it returns, continue with its final variables. */
    record Call(CompiledFlow child, Map<String, Object> inputs, Function<Map<String, Object>, Step> onReturn)
            implements Step {
    }

    /** Return from a subflow to its parent (in a top-level flow: end the call normally). */
    record Return() implements Step {
    }

    /** The call has left the flow (hung up, blind transferred). */
    record End(String reason) implements Step {
    }

    /** The node failed. */
    record Fail(String reason) implements Step {
    }

    static Step take(String exit) {
        return new Take(exit);
    }

    static <T> Step await(CompletionStage<T> pending, Function<? super T, Step> then) {
        return new Await<>(pending, then);
    }

    static Step fail(String reason) {
        return new Fail(reason);
    }

    static Step end(String reason) {
        return new End(reason);
    }
}
