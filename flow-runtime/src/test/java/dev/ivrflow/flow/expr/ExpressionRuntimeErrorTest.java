package dev.ivrflow.flow.expr;

import dev.ivrflow.flow.model.VariableType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.expr.ExpressionFixtures.CALL;
import static dev.ivrflow.flow.expr.ExpressionFixtures.NODES;
import static dev.ivrflow.flow.expr.ExpressionFixtures.compiled;
import static dev.ivrflow.flow.expr.ExpressionFixtures.context;
import static dev.ivrflow.flow.expr.ExpressionFixtures.errorOf;
import static dev.ivrflow.flow.expr.ExpressionFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionRuntimeErrorTest {

    @Test
    void shouldReturnAMissingKeyAsAnError() {
        // given a CRM answer without an email / when an expression reads it / then an error value comes back
        assertThat(errorOf(compiled("nodes.crm.body.customer.email").evaluate(context())))
                .isEqualTo("key 'email' is not present in map (at line 1, column 24)");
        assertThat(errorOf(compiled("nodes[\"transfer1\"].status").evaluate(context())))
                .startsWith("key 'transfer1' is not present in map");
    }

    @Test
    void shouldReturnDivisionByZeroAsAnError() {
        // given a division by zero / when evaluated / then it is an error, not an exception
        assertThat(errorOf(compiled("100 / (attempts - 2)").evaluate(context()))).startsWith("division by zero");
    }

    @Test
    void shouldSayWhatANonBooleanConditionGave() {
        // given a string where a condition needs true or false / when evaluated as a boolean
        // then the error says what it gave instead
        assertThat(errorOf(compiled("accountNumber").evaluateBoolean(context())))
                .isEqualTo("a condition must give true or false, but this one gave a string (\"12345678\")");
        assertThat(errorOf(compiled("nodes.crm.body.customer.orders").evaluateBoolean(context())))
                .isEqualTo("a condition must give true or false, but this one gave a list ([3, 5])");
    }

    @Test
    void shouldCheckAValueAgainstItsVariableType() {
        // given values of run-time type / when evaluated for a typed variable
        // then an int widens to a double, and a string does not fit an int
        assertThat(compiled("nodes.crm.status").evaluateAs(context(), VariableType.DOUBLE))
                .isEqualTo(new EvalResult.Value(200.0));
        assertThat(errorOf(compiled("nodes.crm.body.customer.tier").evaluateAs(context(), VariableType.INT)))
                .isEqualTo("expected an int, but the expression gave a string (\"gold\")");
    }

    @Test
    void shouldReportMixedTypesOnlyKnownAtRunTime() {
        // given a number from a node result added to a string / when evaluated / then the operator is named
        assertThat(errorOf(compiled("nodes.crm.status + \"x\"").evaluate(context())))
                .contains("'+'");
    }

    @Test
    void shouldReportAVariableThatHoldsTheWrongType() {
        // given a string variable that holds a number / when read / then the error names the variable
        Map<String, Object> vars = new HashMap<>(variables());
        vars.put("accountNumber", 42);
        EvaluationContext context = EvaluationContext.of(vars, CALL, NODES, Map.of());

        assertThat(errorOf(compiled("accountNumber.size()").evaluate(context)))
                .isEqualTo("variable 'accountNumber' is declared string but holds an int (42)");
    }

    @Test
    void shouldReportADeclaredVariableWithoutAValue() {
        // given a context that lacks a declared variable / when an expression reads it
        EvaluationContext context = EvaluationContext.of(Map.of(), CALL, NODES, null);

        // then the error names it; names the expression does not read are not needed
        assertThat(errorOf(compiled("vip").evaluate(context))).isEqualTo("'vip' has no value");
        assertThat(compiled("last.size()").evaluate(context)).isEqualTo(new EvalResult.Value(0L));
    }

    @Test
    void shouldReportIntegerOverflowAndBadConversions() {
        // given arithmetic that overflows and a conversion that cannot succeed / when evaluated
        assertThat(errorOf(compiled("9223372036854775807 + attempts").evaluate(context())))
                .startsWith("number out of range");
        assertThat(errorOf(compiled("int(\"twelve\")").evaluate(context()))).isNotBlank();
        assertThat(errorOf(compiled("choices[5]").evaluate(context()))).startsWith("list index out of range");
    }

    @Test
    void shouldRejectInputValuesExpressionsCannotRead() {
        // given a node result holding a Java object that is not a plain value / when read
        EvaluationContext context = EvaluationContext.of(variables(), CALL,
                Map.of("odd", Map.of("when", List.of(new Object()))), Map.of());

        // then it is an error naming where it came from
        assertThat(errorOf(compiled("nodes.odd.when.size()").evaluate(context)))
                .startsWith("'nodes' holds a value expressions cannot read");
    }
}
