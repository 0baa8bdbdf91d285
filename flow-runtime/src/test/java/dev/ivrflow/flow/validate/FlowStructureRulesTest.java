package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FlowStructureRulesTest {
    private final FlowValidator validator = new FlowValidator();

    @Test
    void shouldReportAStartThatNamesNoNode() {
        // given
        Flow f = flow().start("nowhere").node("bye", hangup()).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.START_MISSING)).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.ERROR);
            assertThat(i.pointer()).isEqualTo("/start");
            assertThat(i.message()).contains("\"nowhere\"");
        });
    }

    @Test
    void shouldReportAFlowWithNoStartAtAll() {
        Flow f = new Flow(Flow.SCHEMA, "main", "x", null, "en-US", null, null, null, null, null, null);

        assertThat(validator.validate(f).withCode(ValidationCodes.START_MISSING)).hasSize(1);
    }

    @Test
    void shouldReportAnUnknownFallbackAsAnErrorAndAMissingOneAsInfo() {
        Flow unknown = flow().fallback("operator").node("bye", hangup()).build();
        Flow none = flow().node("bye", hangup()).build();

        assertThat(validator.validate(unknown).withCode(ValidationCodes.FALLBACK_UNKNOWN))
                .extracting(ValidationIssue::severity, ValidationIssue::pointer)
                .containsExactly(tuple(Severity.ERROR, "/fallback"));
        assertThat(validator.validate(none).withCode(ValidationCodes.FALLBACK_MISSING))
                .extracting(ValidationIssue::severity).containsExactly(Severity.INFO);
        assertThat(validator.validate(none).hasErrors()).isFalse();
    }

    @Test
    void shouldReportTheSecondNodeWithAnIdAsDuplicate() {
        // given
        Flow f = flow().node("hello", say("Hi"), "next", "bye").node("bye", hangup()).node("hello", say("Again")).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.NODE_ID_DUPLICATE))
                .extracting(ValidationIssue::nodeId, ValidationIssue::pointer)
                .containsExactly(tuple("hello", "/nodes/2/id"));
    }

    @Test
    void shouldReportNodeIdsThatExpressionsCannotName() {
        Flow f = flow().start("ok").node("ok", say("Hi"), "next", "main-menu").node("main-menu", hangup()).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.NODE_ID_INVALID))
                .extracting(ValidationIssue::nodeId, ValidationIssue::pointer)
                .containsExactly(tuple("main-menu", "/nodes/1/id"));
    }

    @Test
    void shouldWarnAboutLayoutPositionsOfNodesThatNoLongerExist() {
        Flow f = flow().node("bye", hangup()).layout("bye", 0, 0).layout("gone", 10, 10).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.LAYOUT_UNKNOWN_NODE))
                .extracting(ValidationIssue::severity, ValidationIssue::pointer)
                .containsExactly(tuple(Severity.WARNING, "/layout/gone"));
    }

    @Test
    void shouldReportNodesWithoutTypeOrSettingsOrWithSettingsOfAnotherType() {
        // given
        Flow f = flow().start("a")
                .node(new Node("a", null, null, say("Hi"), Map.of("next", "b")))
                .node(new Node("b", NodeType.SAY, null, null, Map.of("next", "c")))
                .node(new Node("c", NodeType.MENU, null, say("Hi"), Map.of("next", "d")))
                .node("d", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code, ValidationIssue::nodeId, ValidationIssue::pointer)
                .contains(tuple(ValidationCodes.NODE_TYPE_MISSING, "a", "/nodes/0/type"),
                        tuple(ValidationCodes.NODE_SETTINGS_MISSING, "b", "/nodes/1/settings"),
                        tuple(ValidationCodes.NODE_SETTINGS_MISMATCH, "c", "/nodes/2/settings"));
        assertThat(report.withCode(ValidationCodes.NODE_UNREACHABLE)).isEmpty();
    }

    @Test
    void shouldNameNodesByLabelAndIdInMessages() {
        Flow f = flow().labelled("hello", "Welcome message", say("Hi")).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.EXIT_UNWIRED)).singleElement()
                .extracting(ValidationIssue::message).asString()
                .startsWith("Say \"Welcome message\" (hello): the exit \"next\"");
    }
}
