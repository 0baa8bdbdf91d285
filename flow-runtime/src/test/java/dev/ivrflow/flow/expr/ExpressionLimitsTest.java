package dev.ivrflow.flow.expr;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.ivrflow.flow.expr.ExpressionFixtures.CALL;
import static dev.ivrflow.flow.expr.ExpressionFixtures.ENGINE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.NODES;
import static dev.ivrflow.flow.expr.ExpressionFixtures.SCOPE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.compiled;
import static dev.ivrflow.flow.expr.ExpressionFixtures.context;
import static dev.ivrflow.flow.expr.ExpressionFixtures.errorOf;
import static dev.ivrflow.flow.expr.ExpressionFixtures.onlyError;
import static dev.ivrflow.flow.expr.ExpressionFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ExpressionLimitsTest {

    private static String numbers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void shouldRejectATooLongExpressionAtCompileTime() {
        // given an expression over the 2,000 character limit
        String source = "accountNumber == \"" + "9".repeat(2_000) + "\"";

        // when compiled / then the error says how long it is and what the limit is
        assertThat(onlyError(ENGINE.compile(source, SCOPE))).isEqualTo(new ExpressionError(
                "expression is too long: 2019 characters, the limit is 2000", 1, 1, 0));
    }

    @Test
    void shouldRejectADeeplyNestedExpressionAtCompileTime() {
        // given brackets nested 60 deep / when compiled / then it is rejected with advice
        String source = "(".repeat(60) + "attempts" + ")".repeat(60) + " > 1";

        assertThat(onlyError(ENGINE.compile(source, SCOPE)).message()).isEqualTo(
                "expression is nested too deeply (more than 50 levels of brackets, calls or chained operators);"
                        + " split it into simpler steps");
    }

    @Test
    void shouldAcceptALongButOrdinaryConcatenation() {
        // given a 40-part string concatenation, about the longest a prompt would need
        String source = IntStream.range(0, 40).mapToObj(i -> "accountNumber").collect(Collectors.joining(" + "));

        // when compiled and evaluated / then it works
        assertThat(compiled(source).evaluate(context()))
                .isEqualTo(new EvalResult.Value("12345678".repeat(40)));
    }

    @Test
    void shouldStopNestedLoopsOverLargeListsAtEvaluation() {
        // given a loop over 120 numbers inside a loop over 120 numbers: 14,520 iterations
        String list = numbers(120);
        CompiledExpression nested = compiled(list + ".map(x, " + list + ".map(y, x * y)).size() > 0");

        // when evaluated / then it stops with an error value instead of running on
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> errorOf(nested.evaluateBoolean(context())));
        assertThat(message).startsWith("too many loop iterations: one evaluation may run at most 10000");
    }

    @Test
    void shouldStopStringGrowthInsideALoop() {
        // given a 100,000 character variable concatenated in a 20-step loop: 2 million characters
        Map<String, Object> vars = new HashMap<>(variables());
        vars.put("accountNumber", "x".repeat(100_000));
        EvaluationContext context = EvaluationContext.of(vars, CALL, NODES, Map.of());
        CompiledExpression growth = compiled(numbers(20) + ".map(i, accountNumber + string(i)).size()");

        // when evaluated / then the cost limit stops it
        assertThat(errorOf(growth.evaluate(context)))
                .startsWith("the expression does too much work (cost limit 1000000 exceeded)");
    }

    @Test
    void shouldStopValuesThatDoubleAtEveryStep() {
        // given 12 steps, each putting the previous value in a list ten times: only 12 iterations, and memory
        // for 120 references, but 10^12 elements once the result is copied out or printed
        String source = "[1]";
        for (int i = 0; i < 12; i++) source = "[" + source + "].map(a, [a,a,a,a,a,a,a,a,a,a])[0]";
        CompiledExpression explosive = compiled(source);

        // when evaluated / then it is stopped quickly by the cost limit
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> errorOf(explosive.evaluate(context())));
        assertThat(message).startsWith("the expression does too much work");
    }

    @Test
    void shouldNotChargeOrdinaryLoopsQuadratically() {
        // given a map and a filter over 5,000 elements, within the iteration limit
        String source = "nodes.big.items.map(x, x * 2).filter(x, x % 3 == 0).size()";
        EvaluationContext context = EvaluationContext.of(variables(), CALL,
                Map.of("big", Map.of("items", IntStream.range(0, 5_000).boxed().toList())), Map.of());

        // when evaluated / then it completes: growing the result list is not charged again on every step
        assertThat(compiled(source).evaluate(context)).isEqualTo(new EvalResult.Value(1_667L));
    }

    @Test
    void shouldBoundRenderedTemplates() {
        // given an engine with a small rendered-text limit
        ExpressionEngine small = new ExpressionEngine(new ExpressionLimits(2_000, 50, 10_000, 1_000_000, 1_000,
                20_000, 30));

        // when a template renders past it / then it is an error
        CompiledTemplate template = small.compileTemplate("{{ accountNumber }}-{{ accountNumber }}"
                + "-{{ accountNumber }}-{{ accountNumber }}", SCOPE).orElseThrow();
        assertThat(errorOf(template.render(context())))
                .isEqualTo("the rendered text is longer than 30 characters");

        // and a template text over its own limit is rejected at compile time
        assertThat(onlyError(small.compileTemplate("x".repeat(20_001), SCOPE)).message())
                .isEqualTo("text is too long: 20001 characters, the limit is 20000");
    }

    @Test
    void shouldShareOneCostBudgetAcrossATemplatesPlaceholders() {
        // given an engine with a small cost limit, and placeholders each cheap enough on their own
        ExpressionEngine small = new ExpressionEngine(new ExpressionLimits(2_000, 50, 10_000, 40, 1_000,
                20_000, 100_000));
        assertThat(small.compile("accountNumber + accountNumber", SCOPE).orElseThrow().evaluate(context()))
                .isInstanceOf(EvalResult.Value.class);

        // when several are rendered together / then the render as a whole is stopped
        CompiledTemplate template = small.compileTemplate("{{ accountNumber + accountNumber }}"
                + "{{ accountNumber + accountNumber }}", SCOPE).orElseThrow();
        assertThat(errorOf(template.render(context()))).contains("cost limit 40 exceeded");
    }
}
