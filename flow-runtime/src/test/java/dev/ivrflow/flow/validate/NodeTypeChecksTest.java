package dev.ivrflow.flow.validate;

import dev.ivrflow.flow.model.ExitSpec;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.NodeSettings;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.ask.AskSettings;
import dev.ivrflow.flow.nodes.ask.Grammar;
import dev.ivrflow.flow.nodes.callername.CallerNameSettings;
import dev.ivrflow.flow.nodes.condition.ConditionSettings;
import dev.ivrflow.flow.nodes.conference.ConferenceSettings;
import dev.ivrflow.flow.nodes.echo.EchoSettings;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.http.HttpSettings;
import dev.ivrflow.flow.nodes.input.InputSettings;
import dev.ivrflow.flow.nodes.intent.IntentDef;
import dev.ivrflow.flow.nodes.intent.IntentSettings;
import dev.ivrflow.flow.nodes.loop.LoopSettings;
import dev.ivrflow.flow.nodes.maxduration.MaxDurationSettings;
import dev.ivrflow.flow.nodes.play.PlaySettings;
import dev.ivrflow.flow.nodes.queue.QueueSettings;
import dev.ivrflow.flow.nodes.record.RecordSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.nodes.set.Assignment;
import dev.ivrflow.flow.nodes.set.SetSettings;
import dev.ivrflow.flow.nodes.transfer.TransferSettings;
import dev.ivrflow.flow.nodes.voicemail.VoicemailSettings;
import dev.ivrflow.flow.nodes.wait.WaitSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ivrflow.flow.validate.TestFlows.flow;
import static dev.ivrflow.flow.validate.TestSettings.hangup;
import static dev.ivrflow.flow.validate.TestSettings.tts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The checks each node type's validator adds; every required exit is wired so only the settings are at stake. */
class NodeTypeChecksTest {
    private final FlowValidator validator = new FlowValidator();

    private List<ValidationIssue> issuesOf(NodeSettings settings) {
        List<String> exits = new ArrayList<>();
        for (ExitSpec e : settings.exits()) if (e.required()) exits.addAll(List.of(e.name(), "bye"));
        Flow f = flow().languages("en-US", "fr-FR").variable("account", VariableType.STRING)
                .node("n", settings, exits.toArray(String[]::new)).node("bye", hangup()).build();
        return validator.validate(f).forNode("n");
    }

    private static org.assertj.core.groups.Tuple at(String code, String relativePointer) {
        return tuple(code, "/nodes/0/settings" + relativePointer);
    }

    private List<org.assertj.core.groups.Tuple> codesAndPointers(NodeSettings settings) {
        return issuesOf(settings).stream().map(i -> tuple(i.code(), i.pointer())).toList();
    }

    @Test
    void shouldRequireMinLengthAtMostMaxLengthAndAtMost32Digits() {
        InputSettings inverted = new InputSettings(tts("Account?"), "account", 6, 4, null, null, null, null, null, null, null);
        InputSettings tooLong = new InputSettings(tts("Account?"), "account", null, 40, null, null, null, null, null, null, null);

        assertThat(codesAndPointers(inverted)).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/minLength"));
        assertThat(codesAndPointers(tooLong)).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/maxLength"));
    }

    @Test
    void shouldRequireAnInputPatternThatCompilesAndDoesNotExpectTheTerminator() {
        InputSettings broken = new InputSettings(tts("Account?"), "account", null, null, null, "[0-9", null, null, null, null, null);
        InputSettings withHash = new InputSettings(tts("Account?"), "account", null, null, "#", "[0-9]+#", null, null, null, null, null);
        InputSettings fine = new InputSettings(tts("Account?"), "account", null, null, "#", "[0-9]{8}", null, null, null, null, null);

        assertThat(codesAndPointers(broken)).contains(at(ValidationCodes.INPUT_PATTERN_INVALID, "/pattern"));
        assertThat(codesAndPointers(withHash)).contains(at(ValidationCodes.INPUT_PATTERN_MATCHES_TERMINATOR, "/pattern"));
        assertThat(issuesOf(fine)).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void shouldRequireIntentsWithUniqueNamesAndAnAcceptThresholdUpToOne() {
        // given
        IntentSettings none = new IntentSettings(null, List.of(), null, null);
        IntentSettings twice = new IntentSettings(null, List.of(new IntentDef("billing", "Invoices", null),
                new IntentDef("billing", "Payments", null), new IntentDef("sales", null, null)), 1.5, null);
        // then
        assertThat(codesAndPointers(none)).contains(at(ValidationCodes.INTENT_LIST_EMPTY, "/intents"));
        assertThat(issuesOf(twice)).extracting(ValidationIssue::code, ValidationIssue::pointer, ValidationIssue::severity)
                .contains(tuple(ValidationCodes.EXIT_NAME_DUPLICATE, "/nodes/0/settings/intents/1/name", Severity.ERROR),
                        tuple(ValidationCodes.INTENT_DESCRIPTION_MISSING, "/nodes/0/settings/intents/2", Severity.WARNING),
                        tuple(ValidationCodes.SETTING_OUT_OF_RANGE, "/nodes/0/settings/acceptThreshold", Severity.ERROR));
    }

    @Test
    void shouldRequireAnHttpsAddressAKnownMethodPointersAndAShortTimeout() {
        // given
        HttpSettings bad = new HttpSettings("FETCH", "ftp://crm/{{call.callerNumber}}", null, null, 30_000,
                Map.of("account", "customer/id"));
        HttpSettings good = new HttpSettings("GET", "https://crm.example.com/c/{{call.callerNumber}}", null, null,
                2_000, Map.of("account", "/customer/id"));
        HttpSettings templated = new HttpSettings(null, "{{call.vars.crmUrl}}/lookup", null, null, null, null);
        // then
        assertThat(codesAndPointers(bad)).contains(at(ValidationCodes.HTTP_URL_INVALID, "/url"),
                at(ValidationCodes.SETTING_INVALID, "/method"), at(ValidationCodes.SETTING_OUT_OF_RANGE, "/timeoutMs"),
                at(ValidationCodes.HTTP_MAP_POINTER_INVALID, "/map/account"));
        assertThat(issuesOf(good)).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
        assertThat(codesAndPointers(templated)).doesNotContain(at(ValidationCodes.HTTP_URL_INVALID, "/url"));
    }

    @Test
    void shouldRequireADestinationForABlindTransferAndAGatewayForANumber() {
        TransferSettings blind = new TransferSettings("blind", null, null, null, null, null, null, null);
        TransferSettings number = new TransferSettings(null, "number", "+33123456789", null, null, null, null, null);
        TransferSettings sip = new TransferSettings(null, "sip", "sip:desk@example.com", null, null, null, null, null);

        assertThat(codesAndPointers(blind)).contains(at(ValidationCodes.SETTING_MISSING, "/to"));
        assertThat(codesAndPointers(number)).contains(at(ValidationCodes.SETTING_MISSING, "/gateway"));
        assertThat(issuesOf(sip)).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void shouldRequireASingleKeyForTheQueueCallback() {
        QueueSettings q = new QueueSettings("sales", null, null, null, null, true, "12");

        assertThat(codesAndPointers(q)).contains(at(ValidationCodes.SETTING_INVALID, "/callbackDigit"));
    }

    @Test
    void shouldBoundLoopCountsWaitsAndCallDurations() {
        assertThat(codesAndPointers(new LoopSettings(0, null))).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/times"));
        assertThat(codesAndPointers(new LoopSettings(101, null))).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/times"));
        assertThat(codesAndPointers(new LoopSettings(null, null))).contains(at(ValidationCodes.SETTING_MISSING, "/times"));
        assertThat(codesAndPointers(new WaitSettings(0.0))).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/seconds"));
        assertThat(codesAndPointers(new WaitSettings(301.0))).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/seconds"));
        assertThat(codesAndPointers(new MaxDurationSettings(5))).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/seconds"));
        assertThat(codesAndPointers(new RecordSettings(null, null, 0, null, null, null)))
                .contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/maxSeconds"));
        assertThat(codesAndPointers(new EchoSettings(0))).contains(at(ValidationCodes.SETTING_OUT_OF_RANGE, "/maxSeconds"));
    }

    @Test
    void shouldAcceptOnlyTheKnownHangupCauses() {
        assertThat(codesAndPointers(new HangupSettings("rejected"))).contains(at(ValidationCodes.SETTING_INVALID, "/cause"));
        assertThat(issuesOf(new HangupSettings("busy"))).filteredOn(i -> i.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void shouldRequireAssignmentsAndWarnAboutALanguageTheFlowDoesNotHave() {
        SetSettings empty = new SetSettings(List.of());
        SetSettings italian = new SetSettings(List.of(new Assignment("call.language", "'it-IT'")));
        SetSettings french = new SetSettings(List.of(new Assignment("call.language", "\"fr-FR\"")));

        assertThat(codesAndPointers(empty)).contains(at(ValidationCodes.SET_ASSIGNMENTS_EMPTY, "/assign"));
        assertThat(codesAndPointers(italian)).containsExactly(at(ValidationCodes.SET_LANGUAGE_UNDECLARED, "/assign/0/value"));
        assertThat(issuesOf(french)).isEmpty();
    }

    @Test
    void shouldRequireAtLeastOneConditionCase() {
        assertThat(codesAndPointers(new ConditionSettings(List.of())))
                .contains(at(ValidationCodes.CONDITION_CASES_EMPTY, "/cases"));
    }

    @Test
    void shouldRequireTextToSay() {
        assertThat(codesAndPointers(new SaySettings(null, null, null))).contains(at(ValidationCodes.SAY_TEXT_MISSING, "/text"));
        assertThat(codesAndPointers(new SaySettings(Map.of("en-US", " ", "fr-FR", "Bonjour"), null, null)))
                .contains(at(ValidationCodes.SAY_TEXT_MISSING, "/text/en-US"));
    }

    @Test
    void shouldRequireTheFieldsEachCallNodeCannotDoWithout() {
        assertThat(codesAndPointers(new PlaySettings(null, null))).contains(at(ValidationCodes.SETTING_MISSING, "/prompt"));
        assertThat(codesAndPointers(new VoicemailSettings(null, null))).contains(at(ValidationCodes.SETTING_MISSING, "/mailbox"));
        assertThat(codesAndPointers(new CallerNameSettings(" "))).contains(at(ValidationCodes.SETTING_MISSING, "/name"));
        assertThat(codesAndPointers(new ConferenceSettings(null, null, "12ab")))
                .contains(at(ValidationCodes.SETTING_MISSING, "/room"), at(ValidationCodes.SETTING_INVALID, "/pin"));
        assertThat(codesAndPointers(new QueueSettings(null, null, null, null, null, null, null)))
                .contains(at(ValidationCodes.SETTING_MISSING, "/queue"));
    }

    @Test
    void shouldRequireAConferenceProfileWhenTheEnvironmentHasNoDefaultOne() {
        // given
        Flow f = flow().node("n", new ConferenceSettings("room-1", null, null), "next", "bye").node("bye", hangup())
                .build();
        var env = new dev.ivrflow.flow.model.Environment(null, null, null, null, null, null, Map.of("quiet", "q"));
        // when
        ValidationReport report = validator.validate(f, ValidationOptions.DEFAULTS.withEnvironment(env));
        // then
        assertThat(report.errors()).extracting(ValidationIssue::code, ValidationIssue::pointer)
                .containsExactly(at(ValidationCodes.SYMBOL_UNKNOWN, "/profile"));
    }

    @Test
    void shouldRequireOneGrammarAndAConfidenceBetweenZeroAndOne() {
        AskSettings ask = new AskSettings(tts("What can I do for you?"), new Grammar("yesno", "https://g/x.grxml", null),
                null, null, null, null, null, 1.2);

        assertThat(codesAndPointers(ask)).contains(at(ValidationCodes.SETTING_INVALID, "/grammar"),
                at(ValidationCodes.SETTING_OUT_OF_RANGE, "/minConfidence"));
    }
}
