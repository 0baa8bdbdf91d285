package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.VariableType;
import org.junit.jupiter.api.Test;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.ask;
import static dev.ivrflow.flow.validate.TestSettings.condition;
import static dev.ivrflow.flow.validate.TestSettings.goTo;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.input;
import static dev.ivrflow.flow.validate.TestSettings.loop;
import static dev.ivrflow.flow.validate.TestSettings.menu;
import static dev.ivrflow.flow.validate.TestSettings.option;
import static dev.ivrflow.flow.validate.TestSettings.record;
import static dev.ivrflow.flow.validate.TestSettings.say;
import static dev.ivrflow.flow.validate.TestSettings.set;
import static org.assertj.core.api.Assertions.assertThat;

class LoopRuleTest {
    private final FlowValidator validator = new FlowValidator();

    // Loops in which nothing waits: LOOP_WITHOUT_WAIT.

    @Test
    void shouldRejectASetConditionGotoLoopInWhichNothingWaits() {
        // given: set -> condition -> goto set, with no node that waits for the caller
        Flow f = flow().variable("tier", VariableType.STRING)
                .node("setTier", set("tier", "\"gold\""), "next", "check")
                .node("check", condition("gold", "tier == \"gold\""), "gold", "back", "else", "bye")
                .node("back", goTo("setTier"))
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then: reported once, as spinning, on its first node
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("setTier");
            assertThat(i.severity()).isEqualTo(Severity.ERROR);
            assertThat(i.pointer()).isEqualTo("/nodes/0");
            assertThat(i.message()).contains("loop through setTier, check and back");
        });
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).isEmpty();
    }

    @Test
    void shouldRejectAGotoThatJumpsToItself() {
        // given
        Flow f = flow().node("spin", goTo("spin")).build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).extracting(ValidationIssue::nodeId)
                .containsExactly("spin");
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).isEmpty();
    }

    @Test
    void shouldReportEachSpinningLoopOnceOnItsFirstNode() {
        // given: two separate spinning loops
        Flow f = flow()
                .node("a", set("n", "1"), "next", "b")
                .node("b", set("n", "2"), "next", "a", "error", "c")
                .node("c", set("n", "3"), "next", "d")
                .node("d", set("n", "4"), "next", "c")
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).extracting(ValidationIssue::nodeId)
                .containsExactly("a", "c");
    }

    @Test
    void shouldAcceptAMessageRepeatedThreeTimesByALoopNode() {
        // given: loop -body-> say -next-> loop, loop -done-> elsewhere; the count ends the repetition
        Flow f = flow()
                .node("thrice", loop(3), "body", "notice", "done", "bye")
                .node("notice", say("Our offices have moved."), "next", "thrice")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldRejectALoopBackThroughALoopNodesDoneExit() {
        // given: after done the loop node counts again from zero, so done -> set -> loop spins forever
        Flow f = flow().variable("rounds", VariableType.INT)
                .node("thrice", loop(3), "body", "notice", "done", "again")
                .node("notice", say("Our offices have moved."), "next", "thrice")
                .node("again", set("rounds", "rounds + 1"), "next", "thrice")
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("thrice");
            assertThat(i.message()).contains("loop through thrice and again");
        });
    }

    // Loops a silent caller goes round: LOOP_UNBOUNDED.

    @Test
    void shouldAcceptAMenuThatReplaysAfterAnInvalidChoice() {
        // given: menu -invalid-> say sorry -next-> menu; an invalid choice needs the caller to press something
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
    void shouldRejectAMenuWhoseTimeoutLeadsBackToIt() {
        // given: menu -timeout-> say "are you there?" -next-> menu: each entry gives the menu its tries afresh
        Flow f = flow()
                .node("menu", menu(option("sales", "1")), "sales", "bye", "timeout", "prompt", "failure", "bye")
                .node("prompt", say("Are you there?"), "next", "menu")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("menu");
            assertThat(i.severity()).isEqualTo(Severity.ERROR);
            assertThat(i.pointer()).isEqualTo("/nodes/0");
            assertThat(i.message()).endsWith("a caller who stays silent goes round menu and prompt forever; route the"
                    + " timeout exit of menu elsewhere or bound the retries with a loop node.");
        });
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).isEmpty();
    }

    @Test
    void shouldAcceptAMenuWhoseTimeoutLoopALoopNodeBounds() {
        // given: the same timeout loop, with a loop node's body on it and its done exit leading out
        Flow f = flow()
                .node("menu", menu(option("sales", "1")), "sales", "bye", "timeout", "twice", "failure", "bye")
                .node("twice", loop(2), "body", "prompt", "done", "bye")
                .node("prompt", say("Are you there?"), "next", "menu")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldRejectAMenuWhoseTimeoutLoopPassesALoopNodeOnlyByItsDoneExit() {
        // given: menu -timeout-> loop -done-> menu; the body leads out, so the loop node bounds nothing here
        Flow f = flow()
                .node("menu", menu(option("sales", "1")), "sales", "bye", "timeout", "twice", "failure", "bye")
                .node("twice", loop(2), "body", "bye", "done", "menu")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).extracting(ValidationIssue::nodeId)
                .containsExactly("menu");
    }

    @Test
    void shouldRejectAnInputWhoseFailureJumpsBackToIt() {
        // given: input -failure-> goto input; a silent caller fails every try and starts again
        Flow f = flow().variable("account", VariableType.STRING)
                .node("account", input("account"), "next", "bye", "failure", "retry")
                .node("retry", goTo("account"))
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).singleElement().satisfies(i -> {
            assertThat(i.nodeId()).isEqualTo("account");
            assertThat(i.message()).contains("goes round account and retry forever; route the failure exit of"
                    + " account elsewhere");
        });
    }

    @Test
    void shouldRejectAMenuWhoseUnwiredTimeoutFallsBackToAFailureExitLeadingBack() {
        // given: timeout is not wired, so silence leaves by failure, which comes back to the menu
        Flow f = flow()
                .node("menu", menu(option("again", "1")), "again", "sorry", "failure", "sorry")
                .node("sorry", say("Let us try again."), "next", "menu")
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("route the failure exit of menu elsewhere"));
    }

    @Test
    void shouldAcceptAnOptionThatRepeatsTheMenu() {
        // given: "press 9 to hear this again": the caller drives every round, and the longest call bounds them
        Flow f = flow()
                .node("menu", menu(option("sales", "1"), option("repeat", "9")), "sales", "bye", "repeat", "menu",
                        "failure", "bye")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldRejectAnAskWhoseUnwiredNoInputFallsBackToANoMatchLeadingBack() {
        // given: noMatch needs speech, but noInput is not wired and falls back to it, so silence goes round too
        Flow f = flow()
                .node("question", ask("How can I help?"), "recognized", "bye", "noMatch", "sorry")
                .node("sorry", say("Sorry, I did not get that."), "next", "question")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("route the noInput exit of question elsewhere"));
    }

    @Test
    void shouldAcceptAnAskThatRepeatsOnlyWhenSomethingWasSaid() {
        // given: the same ask with noInput wired out of the loop
        Flow f = flow()
                .node("question", ask("How can I help?"), "recognized", "bye", "noMatch", "sorry", "noInput", "bye")
                .node("sorry", say("Sorry, I did not get that."), "next", "question")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldRejectARecordingThatStartsAgainWhenNothingWasRecorded() {
        // given: record -noInput-> say -next-> record
        Flow f = flow()
                .node("message", record(), "next", "bye", "noInput", "nothing")
                .node("nothing", say("We did not hear anything."), "next", "message")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).extracting(ValidationIssue::nodeId)
                .containsExactly("message");
    }

    @Test
    void shouldAcceptALoopNodeWhoseBodyWaitsForTheCaller() {
        // given: a loop node counts the menu's rounds, and done leads out
        Flow f = flow()
                .node("count", loop(3), "body", "menu", "done", "bye")
                .node("menu", menu(option("yes", "1")), "yes", "bye", "failure", "count")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void shouldReportASpinningLoopAndTheSilentLoopAroundItApart() {
        // given: menu -timeout-> a; a and b spin; b also leads back to the menu
        Flow f = flow()
                .node("menu", menu(option("sales", "1")), "sales", "bye", "timeout", "a", "failure", "bye")
                .node("a", set("n", "1"), "next", "b")
                .node("b", set("n", "2"), "next", "a", "error", "menu")
                .node("bye", hangup())
                .build();
        // when
        ValidationReport report = validator.validate(f);
        // then
        assertThat(report.withCode(ValidationCodes.LOOP_WITHOUT_WAIT)).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("loop through a and b"));
        assertThat(report.withCode(ValidationCodes.LOOP_UNBOUNDED)).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("goes round menu, a and b forever"));
    }
}
