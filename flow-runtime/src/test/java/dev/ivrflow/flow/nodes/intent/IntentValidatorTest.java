package dev.ivrflow.flow.nodes.intent;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.validate.Severity;
import dev.ivrflow.flow.validate.ValidationCodes;
import dev.ivrflow.flow.validate.ValidationIssue;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The decision policy's settings: thresholds in range and in order, tries in range, phrases in the flow's language. */
class IntentValidatorTest {
    private static final FlowToolkit TOOLKIT = new FlowToolkit();
    private static final List<IntentDef> INTENTS = List.of(new IntentDef("billing", "invoices", List.of("pay my bill")));

    private static List<ValidationIssue> issues(IntentSettings settings, String language) {
        Flow flow = new Flow(Flow.SCHEMA, "f", "F", null, language, null, "route", null, null, List.of(
                new Node("route", NodeType.INTENT, null, settings, Map.of("billing", "end", "fallback", "end")),
                new Node("end", NodeType.HANGUP, null, new HangupSettings(null), null)), null);
        return TOOLKIT.validate(flow, ValidationOptions.DEFAULTS).forNode("route");
    }

    private static IntentSettings thresholds(Double accept, Double confirm, Integer tries) {
        return new IntentSettings(null, INTENTS, accept, confirm, tries, null, null, null, null);
    }

    @Test
    void shouldAcceptAConfirmThresholdUpToTheAcceptThreshold() {
        assertThat(issues(thresholds(0.8, 0.5, 3), "en-US")).isEmpty();
        assertThat(issues(thresholds(0.8, 0.8, 1), "en-US")).isEmpty();
        assertThat(issues(thresholds(null, 0.0, 10), "en-US")).isEmpty();
    }

    @Test
    void shouldRejectAConfirmThresholdAboveTheAcceptThreshold() {
        // given confirm 0.9 over accept 0.6, and confirm 0.75 over the default accept 0.7
        // when validated, then one error each, at the confirm threshold
        assertThat(issues(thresholds(0.6, 0.9, null), "en-US"))
                .extracting(ValidationIssue::code, ValidationIssue::severity, ValidationIssue::pointer)
                .containsExactly(tuple(ValidationCodes.INTENT_THRESHOLDS_CROSSED, Severity.ERROR,
                        "/nodes/0/settings/confirmThreshold"));
        assertThat(issues(thresholds(null, 0.75, null), "en-US")).extracting(ValidationIssue::code)
                .containsExactly(ValidationCodes.INTENT_THRESHOLDS_CROSSED);
    }

    @Test
    void shouldRejectThresholdsAndTriesOutOfRange() {
        // given a negative confirm threshold, zero tries and eleven tries
        // when validated, then range errors at each field
        assertThat(issues(thresholds(0.7, -0.1, 0), "en-US")).extracting(ValidationIssue::code, ValidationIssue::pointer)
                .contains(tuple(ValidationCodes.SETTING_OUT_OF_RANGE, "/nodes/0/settings/confirmThreshold"),
                        tuple(ValidationCodes.SETTING_OUT_OF_RANGE, "/nodes/0/settings/maxTries"));
        assertThat(issues(thresholds(0.7, 0.5, 11), "en-US")).extracting(ValidationIssue::pointer)
                .contains("/nodes/0/settings/maxTries");
    }

    @Test
    void shouldWarnWhenTheBuiltInPhrasesAreNotInTheFlowsLanguage() {
        // given an Italian flow that confirms and reprompts with the built-in phrases
        IntentSettings builtIn = thresholds(0.8, 0.5, 2);

        // when validated, then a warning for each phrase; none once the flow has its own
        assertThat(issues(builtIn, "it-IT")).extracting(ValidationIssue::code, ValidationIssue::severity, ValidationIssue::pointer)
                .containsExactly(tuple(ValidationCodes.INTENT_PHRASE_LANGUAGE, Severity.WARNING, "/nodes/0/settings/confirmPrompt"),
                        tuple(ValidationCodes.INTENT_PHRASE_LANGUAGE, Severity.WARNING, "/nodes/0/settings/repromptPrompt"));
        Prompt italian = new Prompt(Map.of("it-IT", PromptVariant.tts("Intende {{last.candidate}}?")));
        IntentSettings own = new IntentSettings(null, INTENTS, 0.8, 0.5, 2, italian, italian, null, null);
        assertThat(issues(own, "it-IT")).isEmpty();
        assertThat(issues(thresholds(0.8, null, 1), "it-IT")).as("a node that never speaks").isEmpty();
    }
}
