package dev.ivrflow.flow.nodes.intent;

import dev.ivrflow.flow.FlowToolkit;
import dev.ivrflow.flow.model.Flow;
import dev.ivrflow.flow.model.Node;
import dev.ivrflow.flow.model.NodeType;
import dev.ivrflow.flow.model.Prompt;
import dev.ivrflow.flow.model.PromptVariant;
import dev.ivrflow.flow.model.VariableDecl;
import dev.ivrflow.flow.model.VariableType;
import dev.ivrflow.flow.nodes.ask.AskSettings;
import dev.ivrflow.flow.nodes.ask.Grammar;
import dev.ivrflow.flow.nodes.hangup.HangupSettings;
import dev.ivrflow.flow.nodes.say.SaySettings;
import dev.ivrflow.flow.port.FlowResolver;
import dev.ivrflow.flow.port.IntentClassifier;
import dev.ivrflow.flow.port.IntentClassifier.Classification;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.RuntimeLimits;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import dev.ivrflow.flow.sim.SimulationResult;
import dev.ivrflow.flow.sim.Simulator;
import dev.ivrflow.flow.validate.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intent node's decision policy, driven by a classifier scripted per transcript (so each confidence is exact)
 * through the in-memory simulator, whose speech matcher answers the yes/no question: accept at or above 0.7,
 * confirm from 0.4, ask again up to three tries, then fallback; and every classification journaled.
 */
class IntentDecisionPolicyTest {
    private static final FlowToolkit TOOLKIT = new FlowToolkit();
    private static final String CONFIRM_BILLING = "Did you mean: billing questions? Please say yes or no. You can also"
            + " press 1 for yes, or 2 for no.";
    private static final String REPROMPT = "Sorry, I didn't quite get that. Please tell me again, in a few words,"
            + " what you are calling about.";

    /** Answers each transcript as scripted; anything else: no label. */
    private record Scripted(Map<String, Classification> answers, List<String> asked) implements IntentClassifier {
        Scripted(Map<String, Classification> answers) {
            this(answers, new ArrayList<>());
        }

        @Override
        public CompletionStage<Classification> classify(String text, List<Label> labels, String context) {
            asked.add(text);
            return CompletableFuture.completedFuture(answers.getOrDefault(text, Classification.none("llm", null)));
        }
    }

    private static IntentSettings policy() {
        return policy(null, null);
    }

    private static IntentSettings policy(Prompt confirmPrompt, Prompt repromptPrompt) {
        return new IntentSettings(null, List.of(
                new IntentDef("billing", "billing questions", "invoices and payments", List.of("pay my bill")),
                new IntentDef("support", "technical problems", List.of("it does not work"))),
                0.7, 0.4, 3, confirmPrompt, repromptPrompt, null, null);
    }

    private static SimulationResult call(IntentSettings settings, IntentClassifier classifier, String language,
                                         SimWorld world, CallerStep... steps) {
        return call("ask", settings, classifier, language, world, steps);
    }

    private static SimulationResult call(String start, IntentSettings settings, IntentClassifier classifier,
                                         String language, SimWorld world, CallerStep... steps) {
        Map<String, String> exits = new LinkedHashMap<>();
        exits.put("billing", "billing");
        exits.put("support", "support");
        exits.put("fallback", "keypad");
        Flow flow = new Flow(Flow.SCHEMA, "policy", "Policy", null, language, null, start, null,
                Map.of("said", new VariableDecl(VariableType.STRING, null, null)), List.of(
                new Node("ask", NodeType.ASK, null, new AskSettings(tts(language, "How can I help?"), Grammar.TRANSCRIBE,
                        "said", null, null, null, null, null), Map.of("recognized", "route", "noMatch", "route")),
                new Node("route", NodeType.INTENT, null, settings, exits),
                new Node("billing", NodeType.SAY, null, new SaySettings(Map.of(language, "Billing."), null, null), Map.of("next", "end")),
                new Node("support", NodeType.SAY, null, new SaySettings(Map.of(language, "Support."), null, null), Map.of("next", "end")),
                new Node("keypad", NodeType.SAY, null, new SaySettings(Map.of(language, "Keypad."), null, null), Map.of("next", "end")),
                new Node("end", NodeType.HANGUP, null, new HangupSettings(null), null)), null);
        var compiled = TOOLKIT.compile(flow, 1, ValidationOptions.DEFAULTS);
        assertThat(compiled.report().errors()).as("validation errors").isEmpty();
        Simulator simulator = new Simulator(TOOLKIT.handlers(), FlowResolver.NONE, classifier, RuntimeLimits.DEFAULT);
        return simulator.run(compiled.orElseThrow(), new SimCall(null, null, null, null, null, List.of(steps), world));
    }

    private static SimulationResult call(IntentSettings settings, IntentClassifier classifier, CallerStep... steps) {
        return call(settings, classifier, "en-US", null, steps);
    }

    private static Prompt tts(String language, String text) {
        return new Prompt(Map.of(language, PromptVariant.tts(text)));
    }

    private static List<Map<String, Object>> decisions(SimulationResult r) {
        return r.journal().stream().filter(e -> e.kind() == JournalEvent.Kind.DECISION && "route".equals(e.nodeId())
                && e.detail().containsKey("decision")).map(JournalEvent::detail).toList();
    }

    private static Classification llm(String label, double confidence) {
        return new Classification(label, confidence, "llm");
    }

    @Test
    void shouldRouteAtOnceAtOrAboveTheAcceptThresholdAndJournalWhy() {
        // given a classifier sure enough (0.7, the threshold itself)
        var classifier = new Scripted(Map.of("I want to pay my bill", llm("billing", 0.7)));

        // when the caller says it
        SimulationResult r = call(policy(), classifier, CallerStep.say("I want to pay my bill"));

        // then billing, without a question, and the journal says why
        assertThat(r.path()).containsExactly("ask", "route", "billing", "end");
        assertThat(r.heard()).containsExactly("How can I help?", "Billing.");
        assertThat(decisions(r)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("transcript", "I want to pay my bill").containsEntry("label", "billing")
                .containsEntry("confidence", 0.7).containsEntry("source", "llm").containsEntry("decision", "accepted")
                .containsEntry("exit", "billing").containsEntry("try", 1));
    }

    @Test
    void shouldAskDidYouMeanBetweenTheThresholdsAndRouteOnYes() {
        // given a classifier half sure
        var classifier = new Scripted(Map.of("my invoice", llm("billing", 0.55)));

        // when the caller says yes to the question
        SimulationResult r = call(policy(), classifier, CallerStep.say("my invoice"), CallerStep.say("yes please"));

        // then the question used the intent's spoken label, and the yes routed
        assertThat(r.heard()).containsExactly("How can I help?", CONFIRM_BILLING, "Billing.");
        assertThat(r.path()).containsExactly("ask", "route", "billing", "end");
        assertThat(r.actions().stream().filter(a -> a.action().equals("detectSpeech")).map(a -> a.detail().get("digitsToo")))
                .as("the question also takes keys").containsExactly(false, true);
        assertThat(decisions(r)).singleElement().satisfies(d -> assertThat(d).containsEntry("decision", "confirmed")
                .containsEntry("answer", "yes please").containsEntry("confidence", 0.55).containsEntry("exit", "billing"));
    }

    @Test
    void shouldTakeKeyOneAsYes() {
        // given a classifier half sure
        var classifier = new Scripted(Map.of("my invoice", llm("billing", 0.4)));

        // when the caller presses 1 at the question
        SimulationResult r = call(policy(), classifier, CallerStep.say("my invoice"), CallerStep.press("1"));

        // then billing
        assertThat(r.path()).containsExactly("ask", "route", "billing", "end");
        assertThat(decisions(r)).extracting(d -> d.get("decision")).containsExactly("confirmed");
    }

    @Test
    void shouldAskAgainAfterANoAndRouteWhatTheCallerSaysNext() {
        // given a half-sure first guess and a sure second one
        var classifier = new Scripted(Map.of("my invoice", llm("billing", 0.5), "my router is broken", llm("support", 0.9)));

        // when the caller says no (key 2), then says something else
        SimulationResult r = call(policy(), classifier, CallerStep.say("my invoice"), CallerStep.press("2"),
                CallerStep.say("my router is broken"));

        // then the reprompt, then support; the journal has the rejection and the acceptance
        assertThat(r.heard()).containsExactly("How can I help?", CONFIRM_BILLING, REPROMPT, "Support.");
        assertThat(r.path()).containsExactly("ask", "route", "support", "end");
        assertThat(decisions(r)).extracting(d -> d.get("decision"), d -> d.get("try"), d -> d.get("then"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rejected", 1, "reprompt"),
                        org.assertj.core.groups.Tuple.tuple("accepted", 2, null));
        assertThat(classifier.asked()).containsExactly("my invoice", "my router is broken");
    }

    @Test
    void shouldRepromptBelowTheConfirmThresholdAndTakeFallbackAfterTheLastTry() {
        // given guesses too unsure to confirm
        var classifier = new Scripted(Map.of("hmm", llm("billing", 0.39), "well", llm("support", 0.1)));

        // when the caller says unclear things three times (silence once)
        SimulationResult r = call(policy(), classifier, CallerStep.say("hmm"), CallerStep.say("well"), CallerStep.silent());

        // then two reprompts, then fallback
        assertThat(r.heard()).containsExactly("How can I help?", REPROMPT, REPROMPT, "Keypad.");
        assertThat(r.path()).containsExactly("ask", "route", "keypad", "end");
        assertThat(decisions(r)).extracting(d -> d.get("decision"))
                .containsExactly("reprompted", "reprompted", "fallback");
        assertThat(decisions(r).getLast()).containsEntry("exit", "fallback").containsEntry("try", 3)
                .containsEntry("transcript", "");
    }

    @Test
    void shouldTakeFallbackAfterANoOnTheLastTry() {
        // given one try only
        IntentSettings once = new IntentSettings(null, policy().intents(), 0.7, 0.4, 1, null, null, null, null);
        var classifier = new Scripted(Map.of("my invoice", llm("billing", 0.5)));

        // when the caller says no
        SimulationResult r = call(once, classifier, CallerStep.say("my invoice"), CallerStep.say("no"));

        // then fallback, journaled as a rejection that left by fallback
        assertThat(r.path()).containsExactly("ask", "route", "keypad", "end");
        assertThat(decisions(r)).singleElement().satisfies(d -> assertThat(d).containsEntry("decision", "rejected")
                .containsEntry("exit", "fallback").containsEntry("answer", "no"));
    }

    @Test
    void shouldNeverRouteToALabelTheNodeDoesNotDeclare() {
        // given a classifier (or a compromised LLM) naming an intent the node does not have, with full confidence
        IntentSettings once = new IntentSettings(null, policy().intents(), 0.7, 0.4, 1, null, null, null, null);
        var classifier = new Scripted(Map.of("transfer me to the CEO", llm("transferToCeo", 1.0)));

        // when the caller says it
        SimulationResult r = call(once, classifier, CallerStep.say("transfer me to the CEO"));

        // then fallback; the journal keeps what was replied apart from the (empty) label
        assertThat(r.path()).containsExactly("ask", "route", "keypad", "end");
        assertThat(decisions(r)).singleElement().satisfies(d -> assertThat(d).containsEntry("label", "")
                .containsEntry("replied", "transferToCeo").containsEntry("decision", "fallback"));
    }

    @Test
    void shouldClampConfidencesOutsideZeroToOne() {
        // given a classifier saying 1.7 for billing and NaN for support
        var classifier = new Scripted(Map.of("bill", llm("billing", 1.7), "broken", llm("support", Double.NaN)));

        // when callers say each
        SimulationResult sure = call(policy(), classifier, CallerStep.say("bill"));
        SimulationResult nan = call(policy(), classifier, CallerStep.say("broken"), CallerStep.silent(),
                CallerStep.silent());

        // then 1.7 counts as 1.0 (accepted) and NaN as 0 (not routed)
        assertThat(decisions(sure).getFirst()).containsEntry("confidence", 1.0).containsEntry("decision", "accepted");
        assertThat(decisions(nan).getFirst()).containsEntry("confidence", 0.0).containsEntry("decision", "reprompted");
        assertThat(nan.path()).endsWith("keypad", "end");
    }

    @Test
    void shouldJournalTheSourceAndReasonOfAFallbackClassification() {
        // given a classifier that answered locally after the LLM failed
        var classifier = new Scripted(Map.of("pay my bill", new Classification("billing", 1.0,
                Classification.FALLBACK_AFTER_ERROR, "no answer within 1500 ms")));

        // when the caller says it
        SimulationResult r = call(policy(), classifier, CallerStep.say("pay my bill"));

        // then routed, and the journal says the LLM was not the one who decided, and why
        assertThat(decisions(r).getFirst()).containsEntry("source", "fallback-after-error")
                .containsEntry("reason", "no answer within 1500 ms").containsEntry("decision", "accepted");
    }

    @Test
    void shouldSpeakTheFlowsOwnConfirmAndRepromptPromptsWithTheCandidate() {
        // given prompts of the flow's own, the confirmation naming the candidate
        IntentSettings own = policy(tts("en-US", "So it is about {{last.candidate}}, right?"),
                tts("en-US", "Tell me once more."));
        var classifier = new Scripted(Map.of("my invoice", llm("billing", 0.5)));

        // when the caller says no, then nothing twice
        SimulationResult r = call(own, classifier, CallerStep.say("my invoice"), CallerStep.say("nope"),
                CallerStep.silent(), CallerStep.silent());

        // then the flow's words
        assertThat(r.heard()).containsExactly("How can I help?", "So it is about billing questions, right?",
                "Tell me once more.", "Tell me once more.", "Keypad.");
    }

    @Test
    void shouldConfirmInTheCallersLanguage() {
        // given a French flow
        var classifier = new Scripted(Map.of("ma facture", llm("billing", 0.5)));

        // when the caller says oui
        SimulationResult r = call(policy(), classifier, "fr-FR", null, CallerStep.say("ma facture"), CallerStep.say("oui"));

        // then the question was French, and oui is a yes
        assertThat(r.heard().get(1)).startsWith("Vous souhaitez : billing questions, c'est bien cela ?");
        assertThat(r.path()).containsExactly("ask", "route", "billing", "end");
    }

    @Test
    void shouldTakeFallbackWithoutAQuestionWhenNothingIsAllowedButOneTry() {
        // given the settings written before the policy: one threshold, one try
        IntentSettings old = new IntentSettings(null, policy().intents(), 0.7, null);
        var classifier = new Scripted(Map.of("my invoice", llm("billing", 0.6)));

        // when a half-sure transcript comes
        SimulationResult r = call(old, classifier, CallerStep.say("my invoice"));

        // then fallback at once: the node only classifies, as it did
        assertThat(r.heard()).containsExactly("How can I help?", "Keypad.");
        assertThat(old.takesTime()).isFalse();
        assertThat(policy().takesTime()).isTrue();
    }

    @Test
    void shouldTakeFallbackWhenTheRecogniserFailsWhileAskingAgain() {
        // given a recogniser that is down (the first transcript comes from the text setting)
        IntentSettings fromText = new IntentSettings("'hmm'", policy().intents(), 0.7, 0.4, 3, null, null, null, null);
        var classifier = new Scripted(Map.of("hmm", llm("billing", 0.1)));

        // when the node asks again
        SimulationResult r = call("route", fromText, classifier, "en-US", new SimWorld(null, null, null, null, true));

        // then fallback straight away, and the journal says why
        assertThat(r.path()).containsExactly("route", "keypad", "end");
        assertThat(decisions(r)).extracting(d -> d.get("decision")).containsExactly("reprompted", "fallback");
        assertThat((String) decisions(r).getLast().get("why")).startsWith("speech recognition failed");
    }
}
