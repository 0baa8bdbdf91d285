package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.goTo;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.input;
import static dev.ivrflow.flow.validate.TestSettings.say;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExitRulesTest {
    private final FlowValidator validator = new FlowValidator();

    @Test
    void shouldReportAnExitLeadingToANodeThatDoesNotExist() {
        // given
        Flow f = flow().node("hello", say("Hi"), "next", "ghost").build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.EXIT_TARGET_UNKNOWN)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("hello");
            assertThat(i.exit()).isEqualTo("next");
            assertThat(i.pointer()).isEqualTo("/nodes/0/exits/next");
            assertThat(i.message()).contains("\"ghost\"");
        });
    }

    @Test
    void shouldReportAConnectionFromAnExitTheNodeTypeDoesNotHave() {
        Flow f = flow().node("hello", say("Hi"), "next", "bye", "timeout", "bye").node("bye", hangup()).build();

        assertThat(validator.validate(f).withCode(ValidationCodes.EXIT_UNKNOWN)).singleElement().satisfies(i -> {
            assertThat(i.exit()).isEqualTo("timeout");
            assertThat(i.pointer()).isEqualTo("/nodes/0/exits/timeout");
            assertThat(i.message()).contains("its exits are next, error");
        });
    }

    @Test
    void shouldReportEveryRequiredExitThatIsNotConnected() {
        // given: an input node wires only "next"; "failure" is required, "timeout" and "invalid" fall back to it
        Flow f = flow().node("account", input("account"), "next", "bye").node("bye", hangup())
                .variable("account", dev.ivrflow.flow.model.VariableType.STRING).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.EXIT_UNWIRED))
                .extracting(ValidationIssue::nodeId, ValidationIssue::exit, ValidationIssue::pointer)
                .containsExactly(tuple("account", "failure", "/nodes/0/exits/failure"));
    }

    @Test
    void shouldAcceptUnwiredOptionalExits() {
        Flow f = flow().node("hello", say("Hi"), "next", "bye").node("bye", hangup()).build();

        assertThat(validator.validate(f).hasErrors()).isFalse();
    }

    @Test
    void shouldWarnAboutNodesNoPathLeadsTo() {
        // given
        Flow f = flow().node("hello", say("Hi"), "next", "bye").node("bye", hangup())
                .node("orphan", say("Never heard"), "next", "bye").build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.NODE_UNREACHABLE))
                .extracting(ValidationIssue::severity, ValidationIssue::nodeId, ValidationIssue::pointer)
                .containsExactly(tuple(Severity.WARNING, "orphan", "/nodes/2"));
    }

    @Test
    void shouldCountNodesReachedFromTheFallbackOrThroughAGotoAsReachable() {
        Flow f = flow().fallback("sorry")
                .node("hello", say("Hi"), "next", "jump")
                .node("jump", goTo("bye"))
                .node("bye", hangup())
                .node("sorry", say("Sorry"), "next", "bye")
                .build();

        assertThat(validator.validate(f).withCode(ValidationCodes.NODE_UNREACHABLE)).isEmpty();
    }
}
