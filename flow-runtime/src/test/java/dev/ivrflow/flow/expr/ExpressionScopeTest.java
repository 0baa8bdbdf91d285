package dev.ivrflow.flow.expr;

import dev.ivrflow.flow.model.VariableType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ivrflow.flow.expr.ExpressionFixtures.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionScopeTest {

    @Test
    void shouldReserveCallNodesAndLast() {
        // given the reserved names / when checked as variable names / then each is refused with its reason
        assertThat(ExpressionScope.RESERVED).containsExactlyInAnyOrder("call", "nodes", "last");
        assertThat(ExpressionScope.nameProblem("nodes")).contains("variable name 'nodes' is reserved for node results");
        assertThatThrownBy(() -> ExpressionScope.of(Map.of("call", VariableType.MAP)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseNamesThatAreNotIdentifiersOrAreCelWords() {
        // given names an expression could not write / when checked / then they are refused
        assertThat(ExpressionScope.nameProblem("account-number")).isPresent();
        assertThat(ExpressionScope.nameProblem("2fa")).isPresent();
        assertThat(ExpressionScope.nameProblem("in")).isPresent();
        assertThat(ExpressionScope.nameProblem("int")).isPresent();
        assertThat(ExpressionScope.nameProblem("accountNumber")).isEmpty();
        assertThat(ExpressionScope.nameProblem("_tmp2")).isEmpty();
    }

    @Test
    void shouldBeAValueSoCompilersCanBeSharedBetweenFlows() {
        // given the same declarations in a different order / when made into scopes / then they are equal
        Map<String, VariableType> one = new LinkedHashMap<>();
        one.put("a", VariableType.INT);
        one.put("b", VariableType.STRING);
        Map<String, VariableType> two = new LinkedHashMap<>();
        two.put("b", VariableType.STRING);
        two.put("a", VariableType.INT);

        assertThat(ExpressionScope.of(one)).isEqualTo(ExpressionScope.of(two)).hasSameHashCodeAs(ExpressionScope.of(two));
        assertThat(ExpressionScope.of(one)).isNotEqualTo(ExpressionScope.of(Map.of("a", VariableType.DOUBLE)));
    }

    @Test
    void shouldAlwaysDeclareTheReservedNames() {
        // given a flow with no variables / when an expression reads call, nodes and last / then it compiles
        assertThat(ENGINE.compile("call.language == \"fr-FR\" && size(nodes) >= 0 && !has(last.digits)",
                ExpressionScope.empty()).isSuccess()).isTrue();
    }

    @Test
    void shouldNotLetALoopVariableNamedNodesCountAsANodeReference() {
        // given a loop variable that shadows nodes / when compiled / then only real node reads are listed
        CompiledExpression e = ENGINE.compile("[{\"x\": 1}].exists(nodes, nodes.x == 1) && nodes.menu1.digits == \"1\"",
                ExpressionScope.empty()).orElseThrow();
        assertThat(e.referencedNodeIds()).containsExactly("menu1");
    }
}
