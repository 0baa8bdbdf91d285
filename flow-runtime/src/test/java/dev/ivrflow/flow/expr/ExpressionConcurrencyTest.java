package dev.ivrflow.flow.expr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.ivrflow.flow.expr.ExpressionFixtures.ENGINE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.SCOPE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled flow is shared by every call on it, so one compiled expression or template is evaluated from many
 * threads at once. Each evaluation keeps its inputs and cost budget to itself.
 */
class ExpressionConcurrencyTest {

    @Test
    void shouldEvaluateOneCompiledExpressionFromManyCallsAtOnce() throws Exception {
        // given one compiled condition and one template, and 2,000 calls with different callers
        CompiledExpression condition = ENGINE.compileCondition(
                "call.callerNumber.endsWith(string(attempts)) && nodes.crm.body.items.map(i, i * attempts)"
                        + ".exists(v, v == attempts * 3)", SCOPE).orElseThrow();
        CompiledTemplate template = ENGINE.compileTemplate("caller {{ call.callerNumber }} tried {{ attempts }}",
                SCOPE).orElseThrow();

        // when every call evaluates them at the same time on virtual threads
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2_000; i++) {
                int attempts = i;
                outcomes.add(calls.submit(() -> {
                    Map<String, Object> vars = new java.util.HashMap<>(variables());
                    vars.put("attempts", attempts);
                    EvaluationContext call = EvaluationContext.of(vars, Map.of("callerNumber", "+3360000" + attempts),
                            Map.of("crm", Map.of("body", Map.of("items", List.of(1, 2, 3)))), Map.of());
                    return condition.evaluateBoolean(call).equals(new EvalResult.Value(true))
                            && template.render(call).equals(
                                    new EvalResult.Value("caller +3360000" + attempts + " tried " + attempts));
                }));
            }
        }

        // then each call saw only its own values
        for (Future<Boolean> outcome : outcomes) assertThat(outcome.get()).isTrue();
    }
}
