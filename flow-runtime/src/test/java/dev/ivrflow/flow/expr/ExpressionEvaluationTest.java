package dev.ivrflow.flow.expr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.expr.ExpressionFixtures.context;
import static dev.ivrflow.flow.expr.ExpressionFixtures.compiled;
import static dev.ivrflow.flow.expr.ExpressionFixtures.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionEvaluationTest {

    @Test
    void shouldTestNodeResultsCallDataAndTheLastResult() {
        // given a call that went through a menu, speech recognition, an intent and a CRM lookup
        // when conditions read them / then they see the values the nodes produced
        assertThat(valueOf("nodes.crm.body.customer.tier == \"gold\"")).isEqualTo(true);
        assertThat(valueOf("last.digits == \"1\"")).isEqualTo(true);
        assertThat(valueOf("call.callerNumber.startsWith(\"+33\")")).isEqualTo(true);
        assertThat(valueOf("nodes.menu1.digits == \"1\" && nodes.intent1.intent == \"lost_card\"")).isEqualTo(true);
        assertThat(valueOf("nodes.ask1.confidence > 0.8 && nodes.ask1.transcript.contains(\"card\")"))
                .isEqualTo(true);
        assertThat(valueOf("nodes.crm.status == 200")).isEqualTo(true);
        assertThat(valueOf("nodes[\"crm-lookup\"].status")).isEqualTo(404L);
        assertThat(valueOf("call.vars[\"sip_h_X-Campaign\"]")).isEqualTo("spring");
    }

    @Test
    void shouldReadEachVariableTypeAsATopLevelName() {
        // given variables of every declared type, some held as Integer
        // when expressions use them / then they behave as CEL string, int, double, bool, list and map
        assertThat(valueOf("accountNumber.size() == 8")).isEqualTo(true);
        assertThat(valueOf("attempts + 1")).isEqualTo(3L);
        assertThat(valueOf("balance * 2.0")).isEqualTo(25.0);
        assertThat(valueOf("!vip")).isEqualTo(false);
        assertThat(valueOf("\"support\" in choices")).isEqualTo(true);
        assertThat(valueOf("profile.name + \" is \" + string(profile.age)")).isEqualTo("Ada is 36");
        assertThat(valueOf("has(profile.email) ? profile.email : \"none\"")).isEqualTo("none");
    }

    @Test
    void shouldReturnPlainJavaValues() {
        // given expressions of every result type / when evaluated / then the values are plain Java
        assertThat(valueOf("choices.map(c, c.upperAscii())")).isEqualTo(List.of("SALES", "SUPPORT"));
        assertThat(valueOf("{\"tier\": nodes.crm.body.customer.tier, \"n\": 1}"))
                .isEqualTo(Map.of("tier", "gold", "n", 1L));
        assertThat(valueOf("nodes.crm.body.customer.orders")).isEqualTo(List.of(3L, 5L));
        assertThat(valueOf("null")).isNull();
        assertThat(valueOf("3.0")).isEqualTo(3.0);
        assertThat(valueOf("1u")).isEqualTo(1L);
        assertThat(valueOf("duration(\"90s\")")).isEqualTo("90s");
        assertThat(valueOf("timestamp(\"2024-05-01T08:00:00Z\")")).isEqualTo("2024-05-01T08:00:00Z");
    }

    @Test
    void shouldOfferTheSafeStringFunctions() {
        // given the strings extension without its size-multiplying functions
        // when used / then they work as documented by CEL
        assertThat(valueOf("\"  Gold \".trim().lowerAscii()")).isEqualTo("gold");
        assertThat(valueOf("accountNumber.substring(0, 4)")).isEqualTo("1234");
        assertThat(valueOf("\"a,b\".split(\",\")")).isEqualTo(List.of("a", "b"));
        assertThat(valueOf("call.callerNumber.matches(\"^\\\\+33[67]\")")).isEqualTo(true);
        assertThat(valueOf("nodes.crm.body.customer.orders.exists(o, o > 4)")).isEqualTo(true);
    }

    @Test
    void shouldEvaluateBooleanConditions() {
        // given a condition / when evaluated as a boolean / then the value is a Boolean
        assertThat(compiled("attempts >= 2").evaluateBoolean(context())).isEqualTo(new EvalResult.Value(true));
    }

    @Test
    void shouldListTheNodesAnExpressionReads() {
        // given an expression reading node results both ways / when compiled / then the ids are listed
        assertThat(compiled("nodes.crm.status == 200 || nodes[\"crm-lookup\"].status == 404 || last.x == 1")
                .referencedNodeIds()).containsExactly("crm", "crm-lookup");
    }
}
