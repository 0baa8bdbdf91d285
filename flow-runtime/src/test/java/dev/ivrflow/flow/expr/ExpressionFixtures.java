package dev.ivrflow.flow.expr;

import dev.ivrflow.flow.model.VariableType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A flow's worth of declarations and a call in progress, shared by the expression tests. */
final class ExpressionFixtures {
    private ExpressionFixtures() {
    }

    static final ExpressionEngine ENGINE = new ExpressionEngine();

    static final ExpressionScope SCOPE = ExpressionScope.of(Map.of(
            "accountNumber", VariableType.STRING,
            "attempts", VariableType.INT,
            "balance", VariableType.DOUBLE,
            "vip", VariableType.BOOL,
            "choices", VariableType.LIST,
            "profile", VariableType.MAP));

    static Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("accountNumber", "12345678");
        vars.put("attempts", 2); // an Integer on purpose: inputs are widened
        vars.put("balance", 12.5);
        vars.put("vip", true);
        vars.put("choices", List.of("sales", "support"));
        vars.put("profile", Map.of("name", "Ada", "age", 36));
        return vars;
    }

    static final Map<String, Object> CALL = Map.of(
            "callerNumber", "+33612345678",
            "calledNumber", "+33198765432",
            "callerName", "Ada Lovelace",
            "uuid", "3f2a9c1e-0000-4000-8000-000000000001",
            "language", "fr-FR",
            "vars", Map.of("sip_h_X-Campaign", "spring", "hangup_cause", "NORMAL_CLEARING"));

    static final Map<String, Object> MENU_RESULT = Map.of("digits", "1");

    static final Map<String, Object> NODES = Map.of(
            "menu1", MENU_RESULT,
            "ask1", Map.of("transcript", "I lost my card", "confidence", 0.87),
            "intent1", Map.of("intent", "lost_card"),
            "crm", Map.of("status", 200, "body", Map.of("customer", Map.of("tier", "gold", "orders", List.of(3, 5)))),
            "crm-lookup", Map.of("status", 404));

    static EvaluationContext context() {
        return EvaluationContext.of(variables(), CALL, NODES, MENU_RESULT);
    }

    static CompiledExpression compiled(String source) {
        return ENGINE.compile(source, SCOPE).orElseThrow();
    }

    static Object valueOf(String source) {
        EvalResult result = compiled(source).evaluate(context());
        assertThat(result).as(source).isInstanceOf(EvalResult.Value.class);
        return ((EvalResult.Value) result).value();
    }

    static String errorOf(EvalResult result) {
        assertThat(result).isInstanceOf(EvalResult.Error.class);
        return ((EvalResult.Error) result).message();
    }

    static ExpressionError onlyError(CompileResult<?> result) {
        assertThat(result.errors()).hasSize(1);
        return result.errors().getFirst();
    }
}
