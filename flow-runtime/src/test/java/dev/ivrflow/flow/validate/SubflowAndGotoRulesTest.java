package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.gotonode.GotoSettings;
import dev.ivrflow.flow.nodes.subflow.SubflowSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.goTo;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SubflowAndGotoRulesTest {
    private static final Flow IDENTIFY = flow().id("identify").variable("account", VariableType.STRING)
            .variable("verified", VariableType.BOOL).node("bye", hangup()).build();
    private static final FlowCatalog CATALOG = FlowCatalog.of(List.of(new FlowCatalog.Published(IDENTIFY, 3)));

    private final FlowValidator validator = new FlowValidator();

    private static Flow callFlow(SubflowSettings settings) {
        return flow().variable("ok", VariableType.BOOL)
                .node("call", settings, "next", "bye").node("bye", hangup()).build();
    }

    @Test
    void shouldReportASubflowVersionTheCatalogDoesNotHave() {
        ValidationReport report = validator.validate(callFlow(new SubflowSettings("identify", 4, null, null)),
                ValidationOptions.DEFAULTS.withCatalog(CATALOG));

        assertThat(report.withCode(ValidationCodes.SUBFLOW_UNKNOWN)).singleElement().satisfies(i -> {
            assertThat(i.pointer()).isEqualTo("/nodes/0/settings/version");
            assertThat(i.message()).contains("version 4", "\"identify\"");
        });
    }

    @Test
    void shouldReportASubflowTheCatalogHasNeverHeardOf() {
        ValidationReport report = validator.validate(callFlow(new SubflowSettings("identfy", 1, null, null)),
                ValidationOptions.DEFAULTS.withCatalog(CATALOG));

        assertThat(report.withCode(ValidationCodes.SUBFLOW_UNKNOWN)).extracting(ValidationIssue::pointer)
                .containsExactly("/nodes/0/settings/flow");
    }

    @Test
    void shouldSkipSubflowChecksWithTheUncheckedCatalog() {
        ValidationReport report = validator.validate(callFlow(new SubflowSettings("anything", 1, null, null)));

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldReportAFlowThatCallsItself() {
        assertThat(validator.validate(callFlow(new SubflowSettings("main", 1, null, null)))
                .withCode(ValidationCodes.SUBFLOW_SELF)).hasSize(1);
    }

    @Test
    void shouldRequireAPinnedVersion() {
        assertThat(validator.validate(callFlow(new SubflowSettings("identify", null, null, null))).errors())
                .extracting(ValidationIssue::code, ValidationIssue::pointer)
                .containsExactly(tuple(ValidationCodes.SETTING_MISSING, "/nodes/0/settings/version"));
    }

    @Test
    void shouldCheckInputsAndOutputsAgainstTheSubflowsVariables() {
        // given
        SubflowSettings s = new SubflowSettings("identify", 3, Map.of("acount", "call.callerNumber"),
                Map.of("ok", "verifed"));
        // when
        ValidationReport report = validator.validate(callFlow(s), ValidationOptions.DEFAULTS.withCatalog(CATALOG));
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code, ValidationIssue::pointer)
                .containsExactly(tuple(ValidationCodes.SUBFLOW_INPUT_UNKNOWN, "/nodes/0/settings/inputs/acount"),
                        tuple(ValidationCodes.SUBFLOW_OUTPUT_UNKNOWN, "/nodes/0/settings/outputs/ok"));
    }

    @Test
    void shouldCheckAnInputsValueAgainstTheSubflowVariablesType() {
        SubflowSettings s = new SubflowSettings("identify", 3, Map.of("verified", "\"yes\""), null);

        ValidationReport report = validator.validate(callFlow(s), ValidationOptions.DEFAULTS.withCatalog(CATALOG));

        assertThat(report.withCode(ValidationCodes.EXPRESSION_INVALID)).extracting(ValidationIssue::pointer)
                .containsExactly("/nodes/0/settings/inputs/verified");
    }

    @Test
    void shouldReportAGotoWithoutTargetOrToANodeThatDoesNotExist() {
        // given
        Flow f = flow().node("hello", say("Hi"), "next", "a")
                .node("a", goTo(null))
                .node("b", goTo("nowhere"))
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code, ValidationIssue::nodeId, ValidationIssue::pointer)
                .contains(tuple(ValidationCodes.GOTO_TARGET_MISSING, "a", "/nodes/1/settings/target"),
                        tuple(ValidationCodes.GOTO_TARGET_UNKNOWN, "b", "/nodes/2/settings/target"));
    }

    @Test
    void shouldAcceptAGotoThatReturnsToTheParentFlow() {
        Flow f = flow().node("hello", say("Hi"), "next", "back").node("back", new GotoSettings(null, true)).build();

        assertThat(validator.validate(f).errors()).isEmpty();
    }
}
