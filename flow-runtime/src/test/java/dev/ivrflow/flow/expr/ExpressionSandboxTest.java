package dev.ivrflow.flow.expr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ivrflow.flow.expr.ExpressionFixtures.ENGINE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.SCOPE;
import static dev.ivrflow.flow.expr.ExpressionFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionSandboxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "java.lang.System.exit(0)",
            "java.lang.Runtime.getRuntime()",
            "System.getenv(\"HOME\")",
            "Class.forName(\"java.io.File\")",
            "dev.ivrflow.flow.expr.ExpressionEngine",
            "google.protobuf.Struct{}",
            "cel.bind(x, 1, x)",
    })
    void shouldNotReachJavaClassesOrTypesOutsideCel(String source) {
        // given an expression naming a Java class or a type that is not declared
        // when compiled / then it fails: nothing outside the declared names exists
        assertThat(ENGINE.compile(source, SCOPE).isSuccess()).isFalse();
    }

    @Test
    void shouldNotOfferMethodsOnValuesBeyondCelFunctions() {
        // given a Java method called on a CEL value / when compiled / then it is an unknown function
        assertThat(onlyError(ENGINE.compile("accountNumber.getClass()", SCOPE)).message())
                .isEqualTo("unknown function 'getClass'");
    }

    @Test
    void shouldLeaveOutTheStringFunctionsThatMultiplySizes() {
        // given join and replace, which let one call multiply a string's length / when compiled
        // then they are unknown
        assertThat(onlyError(ENGINE.compile("choices.join(\",\")", SCOPE)).message())
                .isEqualTo("unknown function 'join'");
        assertThat(onlyError(ENGINE.compile("accountNumber.replace(\"1\", \"one\")", SCOPE)).message())
                .isEqualTo("unknown function 'replace'");
    }

    @Test
    void shouldSuggestTheFunctionAnAdminProbablyMeant() {
        // given a function name in the wrong case / when compiled / then the right spelling is suggested
        assertThat(onlyError(ENGINE.compile("call.callerNumber.startswith(\"+33\")", SCOPE)).message())
                .isEqualTo("unknown function 'startswith' (did you mean 'startsWith'?)");
    }
}
