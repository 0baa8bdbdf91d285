package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.callername.CallerNameSettings;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.condition;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.input;
import static dev.ivrflow.flow.validate.TestSettings.say;
import static dev.ivrflow.flow.validate.TestSettings.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExpressionRulesTest {
    private final FlowValidator validator = new FlowValidator();

    private static Flow conditionFlow(String when) {
        return flow().variable("tier", VariableType.STRING)
                .node("check", condition("gold", when), "gold", "bye", "else", "bye")
                .node("bye", hangup())
                .build();
    }

    @Test
    void shouldReportAnExpressionErrorWithItsPositionAndPointer() {
        // given: a misspelt variable, 'tire' starts at offset 0
        Flow f = conditionFlow("tire == \"gold\"");
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.EXPRESSION_INVALID)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("check");
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/cases/0/when");
            assertThat(i.message()).contains("line 1, column 1", "offset 0", "tire");
        });
    }

    @Test
    void shouldRequireAConditionToGiveTrueOrFalse() {
        assertThat(validator.validate(conditionFlow("tier")).withCode(ValidationCodes.EXPRESSION_INVALID))
                .singleElement().extracting(ValidationIssue::message).asString().contains("true or false");
    }

    @Test
    void shouldAcceptValidExpressionsAndTemplates() {
        Flow f = flow().variable("tier", VariableType.STRING)
                .node("check", condition("gold", "tier == \"gold\" && call.callerNumber.startsWith(\"+33\")"),
                        "gold", "hello", "else", "hello")
                .node("hello", say("Welcome, {{tier}} customer"), "next", "bye")
                .node("bye", hangup())
                .build();

        assertThat(validator.validate(f).withCode(ValidationCodes.EXPRESSION_INVALID)).isEmpty();
    }

    @Test
    void shouldReportATemplateErrorAtItsPositionInTheWholeText() {
        // given: the unknown name inside the placeholder starts at offset 11, column 12
        Flow f = flow().node("hello", say("Welcome, {{nme}}"), "next", "bye").node("bye", hangup()).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.EXPRESSION_INVALID)).singleElement().satisfies(i -> {
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/text/en-US");
            assertThat(i.message()).contains("the text \"Welcome, {{nme}}\"", "line 1, column 12", "offset 11");
        });
    }

    @Test
    void shouldCheckAnAssignedValueAgainstTheVariablesType() {
        Flow f = flow().variable("count", VariableType.INT)
                .node("inc", set("count", "\"many\""), "next", "bye").node("bye", hangup()).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.EXPRESSION_INVALID))
                .extracting(ValidationIssue::pointer).containsExactly("/nodes/0/settings/assign/0/value");
    }

    @Test
    void shouldReportAVariableWrittenButNeverDeclared() {
        Flow f = flow().node("account", input("acount"), "next", "bye", "failure", "bye").node("bye", hangup()).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.VARIABLE_UNDECLARED))
                .extracting(ValidationIssue::nodeId, ValidationIssue::pointer)
                .containsExactly(tuple("account", "/nodes/0/settings/variable"));
    }

    @Test
    void shouldReportDeclaredVariablesThatTakeAReservedName() {
        Flow f = flow().variable("call", VariableType.MAP).variable("last", VariableType.MAP)
                .node("bye", hangup()).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.VARIABLE_RESERVED))
                .extracting(ValidationIssue::pointer).containsExactly("/variables/call", "/variables/last");
    }

    @Test
    void shouldReportVariablesWithoutTypeOrWithAnInitialValueOfAnotherType() {
        Flow f = flow().variable("a", new VariableDecl(null, null, null))
                .variable("b", new VariableDecl(VariableType.INT, "three", null))
                .variable("2b", VariableType.STRING)
                .node("bye", hangup()).build();

        assertThat(validator.validate(f).errors()).extracting(ValidationIssue::code, ValidationIssue::pointer)
                .containsExactlyInAnyOrder(tuple(ValidationCodes.VARIABLE_TYPE_MISSING, "/variables/a/type"),
                        tuple(ValidationCodes.VARIABLE_INITIAL_INVALID, "/variables/b/initial"),
                        tuple(ValidationCodes.VARIABLE_NAME_INVALID, "/variables/2b"));
    }

    @Test
    void shouldCompileEveryTemplateOfANodeOnItsOwnPointer() {
        Flow f = flow().node("name", new CallerNameSettings("VIP {{"), "next", "bye").node("bye", hangup()).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.EXPRESSION_INVALID))
                .extracting(ValidationIssue::pointer).containsExactly("/nodes/0/settings/name");
    }
}
