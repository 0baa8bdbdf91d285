package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.VariableType;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.goTo;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.loop;
import static dev.ivrflow.flow.validate.TestSettings.menu;
import static dev.ivrflow.flow.validate.TestSettings.option;
import static dev.ivrflow.flow.validate.TestSettings.say;
import static dev.ivrflow.flow.validate.TestSettings.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LoopRuleTest {
    private final FlowValidator validator = new FlowValidator();

    @Test
    void shouldAcceptAMenuThatReplaysAfterAnInvalidChoice() {
        // given: menu -invalid-> say -next-> menu; the menu waits for the caller and its failure exit leaves
        Flow f = flow()
                .node("menu", menu(option("sales", "1")), "sales", "bye", "invalid", "sorry", "failure", "bye")
                .node("sorry", say("That is not a choice."), "next", "menu")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldRejectALoopInWhichNothingWaitsForTheCaller() {
        // given: say -> set -> say, forever
        Flow f = flow().variable("n", VariableType.INT)
                .node("a", say("Hello"), "next", "b")
                .node("b", set("n", "n + 1"), "next", "a")
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("a");
            assertThat(i.pointer()).isEqualTo("/nodes/0");
            assertThat(i.message()).contains("loop through a and b");
        });
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).singleElement()
                .extracting(ValidationIssue::nodeId).isEqualTo("a");
    }

    @Test
    void shouldRejectALoopWhoseOnlyExitsStayInside() {
        // given: the menu waits and counts tries, but every exit of it comes back to the loop
        Flow f = flow()
                .node("menu", menu(option("again", "1")), "again", "sorry", "failure", "sorry")
                .node("sorry", say("Let us try again."), "next", "menu")
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED))
                .extracting(ValidationIssue::nodeId, ValidationIssue::severity)
                .containsExactly(tuple("menu", Severity.ERROR));
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).isEmpty();
    }

    @Test
    void shouldNotCountAnExitOutOfTheLoopFromANodeThatDoesNotBoundIt() {
        // given: the way out is from the say node, which counts nothing, so the menu's loop can still run forever
        Flow f = flow()
                .node("menu", menu(option("again", "1")), "again", "sorry", "failure", "sorry")
                .node("sorry", say("Let us try again."), "next", "menu", "error", "bye")
                .node("bye", hangup())
                .build();

        assertThat(validator.validate(f).withCode(ValidationCodes.LOOP_UNBOUNDED)).hasSize(1);
    }

    @Test
    void shouldRejectAGotoThatJumpsToItself() {
        Flow f = flow().node("spin", goTo("spin")).build();

        assertThat(validator.validate(f).errors()).extracting(ValidationIssue::code)
                .contains(ValidationCodes.LOOP_WITHOUT_WAIT, ValidationCodes.LOOP_UNBOUNDED);
    }

    @Test
    void shouldReportEachLoopOnceOnItsFirstNode() {
        // given: two separate spinning loops
        Flow f = flow()
                .node("a", say("A"), "next", "b")
                .node("b", say("B"), "next", "a", "error", "c")
                .node("c", say("C"), "next", "d")
                .node("d", say("D"), "next", "c")
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).extracting(ValidationIssue::nodeId)
                .containsExactly("a", "c");
    }

    @Test
    void shouldAcceptALoopNodeWhoseBodyWaitsForTheCaller() {
        Flow f = flow()
                .node("count", loop(3), "body", "menu", "done", "bye")
                .node("menu", menu(option("yes", "1")), "yes", "bye", "failure", "count")
                .node("bye", hangup())
                .build();

        assertThat(validator.validate(f).errors()).isEmpty();
    }
}
