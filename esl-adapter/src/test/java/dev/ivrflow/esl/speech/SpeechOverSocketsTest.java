package dev.ivrflow.esl.speech;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import dev.ivrflow.esl.fssim.CallOutcome;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsExecution;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.LoopbackRuntime;
import dev.ivrflow.esl.fssim.TestFlows;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.port.SpeechSynthesizer;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.mrcp.SpeechSettings;
import dev.ivrflow.mrcp.UniMrcpSpeech;
import dev.ivrflow.mrcp.profile.MrcpProfile;
import dev.ivrflow.mrcp.profile.ProfileHealth;
import dev.ivrflow.mrcp.profile.ProfileRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speech end to end: flows over the outbound socket, the ESL channel, mrcp-adapter's commands and the simulated
 * switch answering as FreeSWITCH with mod_unimrcp does (DETECTED_SPEECH events, {@code detect_speech_result},
 * DTMF events), including servers that answer badly.
 */
class SpeechOverSocketsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String BILLING = "<?xml version=\"1.0\"?><result><interpretation grammar=\"session:g\" "
            + "confidence=\"0.93\"><instance>billing</instance><input mode=\"speech\">billing please</input>"
            + "</interpretation></result>";

    private static LoopbackRuntime runtime;
    private static FreeSwitchSimulator fs;

    @BeforeAll
    static void start() throws Exception {
        runtime = new LoopbackRuntime(OutboundSettings.DEFAULT, TestSpeech.examples());
        fs = new FreeSwitchSimulator(runtime.address());
    }

    @AfterAll
    static void stop() {
        fs.close();
        runtime.close();
    }

    private static CompiledFlow flow(String variables, String... nodes) {
        return TestFlows.compile("""
                {"schema":"ivr-flow/1","id":"t","name":"T","defaultLanguage":"en-US","start":"n",
                 "variables":{%s},
                 "nodes":[%s,
                  {"id":"ok","type":"say","settings":{"text":{"en-US":"Recognised"}},"exits":{"next":"bye"}},
                  {"id":"nomatch","type":"say","settings":{"text":{"en-US":"No match"}},"exits":{"next":"bye"}},
                  {"id":"quiet","type":"say","settings":{"text":{"en-US":"Nothing heard"}},"exits":{"next":"bye"}},
                  {"id":"broken","type":"say","settings":{"text":{"en-US":"Recogniser failed"}},"exits":{"next":"bye"}},
                  {"id":"bye","type":"hangup","settings":{"cause":"normal"}}]}"""
                .formatted(variables, String.join(",", nodes)));
    }

    /** An ask node with every exit wired to a say node named after it. */
    private static String ask(String id, String settings, String next) {
        return """
                {"id":"%s","type":"ask","settings":{"prompt":{"en-US":{"tts":"How can I help?"}},%s},
                 "exits":{"recognized":"%s","noMatch":"nomatch","noInput":"quiet","error":"broken"}}"""
                .formatted(id, settings, next);
    }

    private static final CompiledFlow ASK = flow("\"said\":{\"type\":\"string\"}",
            ask("n", "\"variable\":\"said\",\"profile\":\"asr-en\",\"grammar\":{\"builtin\":\"transcribe\"}", "ok"));

    private static CallOutcome run(LoopbackRuntime rt, FreeSwitchSimulator sim, CompiledFlow flow, SimCall call,
                                   FsScript script) throws Exception {
        return CallOutcome.run(rt, sim, flow, call, script, TIMEOUT);
    }

    private static CallOutcome run(CompiledFlow flow, SimCall call, FsScript script) throws Exception {
        return run(runtime, fs, flow, call, script);
    }

    private static List<String> commands(CallOutcome call) {
        return call.log().executions().stream().map(e -> e.app() + (e.arg() == null ? "" : " " + e.arg())).toList();
    }

    private static FsExecution recognition(CallOutcome call) {
        return call.log().executions().stream().filter(e -> e.app().equals("play_and_detect_speech")).findFirst()
                .orElseThrow();
    }

    /** The DETECTED_SPEECH events the switch sent, by their Speech-Type, in order. */
    private static List<String> speechEvents(CallOutcome call) {
        List<String> out = new ArrayList<>();
        for (byte[] frame : call.log().frames()) {
            String text = new String(frame, StandardCharsets.UTF_8);
            if (text.contains("DETECTED_SPEECH")) {
                out.add(text.contains("begin-speaking") ? "begin-speaking" : "detected-speech");
            }
        }
        return out;
    }

    @Test
    void shouldRecogniseThroughTheNodesProfileWithAsrEventsAndTheRecogniserClosedAfterwards() throws Exception {
        // given an ask node naming the asr-en profile, and a caller who speaks
        CallOutcome call = run(ASK, SimCall.of(CallerStep.say("I want to pay my bill", 0.82)), FsScript.none());
        // then the channel asked for the events and the close before the recognition, sent to mod_unimrcp's profile
        assertThat(commands(call)).containsSubsequence("set fire_asr_events=true",
                "set play_and_detect_speech_close_asr=true");
        assertThat(recognition(call).arg()).startsWith("say:How can I help? detect:unimrcp:nuance-en {start-input-timers=false,")
                .endsWith("}builtin:speech/transcribe");
        // and the switch answered with begin-speaking, then detected-speech, which the runtime read
        assertThat(speechEvents(call)).containsExactly("begin-speaking", "detected-speech");
        assertThat(call.path()).containsExactly("n", "ok", "bye");
        assertThat(call.session().variables()).containsEntry("said", "I want to pay my bill");
        assertThat(call.inputs("n")).singleElement().satisfies(d -> assertThat(d).containsEntry("confidence", 0.82));
    }

    @Test
    void shouldSetTheRecognitionVariablesOnceACall() throws Exception {
        CompiledFlow twice = flow("", ask("n", "\"profile\":\"asr-en\"", "again"), ask("again", "\"profile\":\"asr-en\"", "ok"));
        CallOutcome call = run(twice, SimCall.of(CallerStep.say("hello"), CallerStep.say("again")), FsScript.none());
        assertThat(call.path()).containsExactly("n", "again", "ok", "bye");
        assertThat(commands(call).stream().filter(c -> c.startsWith("set fire_asr_events"))).hasSize(1);
        assertThat(call.log().apps().stream().filter("play_and_detect_speech"::equals)).hasSize(2);
    }

    @Test
    void shouldTakeNoInputWhenTheCallerSaysNothing() throws Exception {
        CallOutcome call = run(ASK, SimCall.of(CallerStep.silent()), FsScript.none());
        assertThat(call.path()).containsExactly("n", "quiet", "bye");
        assertThat(speechEvents(call)).containsExactly("detected-speech");
        assertThat(call.clock().now()).isEqualTo(SimCall.DEFAULT_TIME.plusSeconds(5));
    }

    @Test
    void shouldLetTheEventsCompletionCauseDecideOverTheResultBody() throws Exception {
        // given a server whose body reads as a match but whose completion cause is no-input-timeout
        CallOutcome call = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers(BILLING, "2"));
        assertThat(call.path()).containsExactly("n", "quiet", "bye");
    }

    @Test
    void shouldTakeTheErrorExitOnMalformedNlsmlAndCarryOnWithTheCall() throws Exception {
        CallOutcome call = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers("<result><interpretation>", null));
        assertThat(call.path()).containsExactly("n", "broken", "bye");
        assertThat(call.endReason()).contains("normal");
        assertThat(call.log().failure()).isNull();
        assertThat(call.journal()).anySatisfy(e -> assertThat(e.detail().toString()).contains("not well-formed"));
    }

    @Test
    void shouldTakeTheErrorExitOnAnXxePayloadWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-77");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE result [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<result><interpretation><input>&x;</input></interpretation></result>";
        CallOutcome call = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers(xxe, "0"));
        assertThat(call.path()).containsExactly("n", "broken", "bye");
        assertThat(call.journal()).noneSatisfy(e -> assertThat(e.detail().toString()).contains("TOP-SECRET-77"));
        assertThat(call.session().variables().toString()).doesNotContain("TOP-SECRET-77");
    }

    @Test
    void shouldTakeTheErrorExitOnAnUnknownCompletionCause() throws Exception {
        CallOutcome call = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers("Completion-Cause: 077", "77"));
        assertThat(call.path()).containsExactly("n", "broken", "bye");
    }

    @Test
    void shouldTakeTheErrorExitOnOversizedNlsml() throws Exception {
        String huge = "<result><interpretation><input>" + "blah ".repeat(20_000) + "</input></interpretation></result>";
        CallOutcome call = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers(huge, "0"));
        assertThat(call.path()).containsExactly("n", "broken", "bye");
    }

    @Test
    void shouldReadOddConfidencesAsTheirMeaningAndJudgeThemAgainstTheThreshold() throws Exception {
        // given a server that writes 87 out of 100 though the profile speaks MRCPv2
        CallOutcome high = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers("<result><interpretation "
                + "confidence=\"87\"><input>pay my bill</input></interpretation></result>", "0"));
        assertThat(high.path()).containsExactly("n", "ok", "bye");
        assertThat(high.inputs("n")).singleElement().satisfies(d -> assertThat(d).containsEntry("confidence", 0.87));
        // and one with a negative confidence: below any threshold, a no-match
        CallOutcome negative = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers("<result><interpretation "
                + "confidence=\"-5\"><input>pay my bill</input></interpretation></result>", "0"));
        assertThat(negative.path()).containsExactly("n", "nomatch", "bye");
    }

    private static final CompiledFlow MENU = flow("", """
            {"id":"n","type":"menu","settings":{"prompt":{"en-US":{"tts":"Say sales or press 1, say support or press 2"}},
             "options":[{"exit":"sales","digits":"1","phrases":["sales"]},{"exit":"support","digits":"2",
             "phrases":["support","technical support"]}],"maxTries":1,"profile":"asr-en"},
             "exits":{"sales":"ok","support":"supportDesk","failure":"nomatch"}}""", """
            {"id":"supportDesk","type":"say","settings":{"text":{"en-US":"Support"}},"exits":{"next":"bye"}}""");

    @Test
    void shouldChooseAMenuOptionBySpeechWithTheOptionsOwnMeaning() throws Exception {
        CallOutcome call = run(MENU, SimCall.of(CallerStep.say("technical support please")), FsScript.none());
        assertThat(call.path()).containsExactly("n", "supportDesk", "bye");
        FsExecution detect = recognition(call);
        assertThat(detect.argInBody()).as("an inline grammar goes in the message body").isTrue();
        assertThat(detect.arg()).contains("}inline:<?xml ", "<item>technical support<tag>out=\"support\";</tag></item>",
                "<item>two<tag>out=\"support\";</tag></item>");
    }

    @Test
    void shouldChooseAMenuOptionByAKeyThatStopsThePromptAndReachesTheRuntimeAsADtmfEvent() throws Exception {
        // given a caller who presses 2 during the menu's recognition
        CallOutcome call = run(MENU, SimCall.of(CallerStep.press("2")), FsScript.none());
        // then the recogniser reported the start of input (FreeSWITCH stops the prompt) and no match for the key,
        // and the runtime took the key from the DTMF event
        assertThat(speechEvents(call)).containsExactly("begin-speaking", "detected-speech");
        assertThat(call.path()).containsExactly("n", "supportDesk", "bye");
        assertThat(call.log().apps()).doesNotContain("play_and_get_digits");
        assertThat(call.inputs("n")).singleElement().satisfies(d -> assertThat(d).containsEntry("digits", "2"));
    }

    @Test
    void shouldReadTheRestOfALongerOptionAfterTheFirstKey() throws Exception {
        CompiledFlow menu = flow("", """
                {"id":"n","type":"menu","settings":{"prompt":{"en-US":{"tts":"Say sales or dial 12"}},
                 "options":[{"exit":"sales","digits":"12","phrases":["sales"]}],"maxTries":1},
                 "exits":{"sales":"ok","failure":"nomatch"}}""");
        CallOutcome call = run(menu, SimCall.of(CallerStep.press("12")), FsScript.none());
        assertThat(call.path()).containsExactly("n", "ok", "bye");
        assertThat(call.log().apps()).containsSubsequence("play_and_detect_speech", "play_and_get_digits");
    }

    @Test
    void shouldPlayTheMenuPromptFirstWhenItTakesNoBargeIn() throws Exception {
        CompiledFlow menu = flow("", """
                {"id":"n","type":"menu","settings":{"prompt":{"en-US":{"tts":"Listen to all of this"}},
                 "options":[{"exit":"sales","digits":"1","phrases":["sales"]}],"maxTries":1,"bargeIn":false},
                 "exits":{"sales":"ok","failure":"nomatch"}}""");
        CallOutcome call = run(menu, SimCall.of(CallerStep.say("sales")), FsScript.none());
        assertThat(commands(call)).containsSubsequence("set playback_terminators=none",
                "playback say:Listen to all of this");
        assertThat(recognition(call).arg()).startsWith("silence_stream://250 detect:");
        assertThat(call.path()).containsExactly("n", "ok", "bye");
        assertThat(call.log().heard()).containsExactly("Listen to all of this", "Recognised");
    }

    @Test
    void shouldLetTheRecogniserAnswerKeysWhenTheGrammarHasAKeyForm() throws Exception {
        CompiledFlow pin = flow("\"pin\":{\"type\":\"string\"}",
                ask("n", "\"variable\":\"pin\",\"grammar\":{\"builtin\":\"digits\"}", "ok"));
        CallOutcome call = run(pin, SimCall.of(CallerStep.press("4711")), FsScript.none());
        FsExecution detect = recognition(call);
        assertThat(detect.arg()).endsWith("}builtin:grammar/digits\r\nbuiltin:dtmf/digits?minlength=1;maxlength=32");
        assertThat(detect.argInBody()).isTrue();
        assertThat(call.path()).containsExactly("n", "ok", "bye");
        assertThat(call.session().variables()).containsEntry("pin", "4711");
        assertThat(call.log().frames().stream().map(f -> new String(f, StandardCharsets.UTF_8))
                .filter(f -> f.contains("detected-speech"))).singleElement().asString().contains("mode=\\\"dtmf\\\"");
    }

    @Test
    void shouldFallBackToAnotherProfileWhenTheNamedOnesServerIsDown() throws Exception {
        // given asr-en (nuance-en) falling back to asr-backup (google-en), and nuance-en's server down
        UniMrcpSpeech speech = new UniMrcpSpeech(SpeechSettings.DEFAULT, new ProfileRegistry(List.of(
                new MrcpProfile("asr-en", "nuance-en", List.of("en"), List.of(), Set.of(), null, "asr-backup", 2,
                        Map.of(), Map.of()),
                new MrcpProfile("asr-backup", "google-en", List.of("en"), List.of(), Set.of(), null, null, 2,
                        Map.of(), Map.of())), new ProfileHealth(InstantSource.system(), 1, Duration.ofMinutes(5))));
        try (LoopbackRuntime rt = new LoopbackRuntime(OutboundSettings.DEFAULT, speech);
             FreeSwitchSimulator sim = new FreeSwitchSimulator(rt.address())) {
            // when a first call asks through asr-en, the recogniser cannot be opened: the node's error exit
            CallOutcome first = run(rt, sim, ASK, SimCall.of(CallerStep.say("hello")),
                    FsScript.none().profileDown("nuance-en"));
            assertThat(first.path()).containsExactly("n", "broken", "bye");
            assertThat(first.log().speechProblems()).singleElement().asString().contains("nuance-en");
            // then the next call goes to the fallback profile and is understood
            CallOutcome next = run(rt, sim, ASK, SimCall.of(CallerStep.say("hello")),
                    FsScript.none().profileDown("nuance-en"));
            assertThat(recognition(next).arg()).contains(" detect:unimrcp:google-en {");
            assertThat(next.path()).containsExactly("n", "ok", "bye");
        }
    }

    @Test
    void shouldReleaseAKeptRecogniserBeforeTheCallWaitsInAQueue() throws Exception {
        SpeechCommands keep = new UniMrcpSpeech(new SpeechSettings("unimrcp", "unimrcp", null, false, 1, null),
                new ProfileRegistry(List.of(), new ProfileHealth(InstantSource.system(), 1, Duration.ofMinutes(1))));
        CompiledFlow flow = flow("", ask("n", "\"grammar\":{\"builtin\":\"yesno\"}", "queue"), """
                {"id":"queue","type":"queue","settings":{"queue":"sales"},"exits":{"answered":"bye","timeout":"bye"}}""");
        try (LoopbackRuntime rt = new LoopbackRuntime(OutboundSettings.DEFAULT, keep);
             FreeSwitchSimulator sim = new FreeSwitchSimulator(rt.address())) {
            CallOutcome call = run(rt, sim, flow, SimCall.of(CallerStep.say("yes")), FsScript.none());
            assertThat(commands(call)).contains("set play_and_detect_speech_close_asr=false");
            assertThat(commands(call)).containsSubsequence("detect_speech stop", "callcenter sales");
            assertThat(call.log().apps()).containsSubsequence("play_and_detect_speech", "detect_speech", "callcenter");
        }
    }

    @Test
    void shouldSpeakSsmlThroughTheProfilesEngineInTheMessageBody() throws Exception {
        CompiledFlow flow = TestFlows.compile("""
                {"schema":"ivr-flow/1","id":"t","name":"T","defaultLanguage":"en-US","start":"n",
                 "nodes":[{"id":"n","type":"say","settings":{"text":{"en-US":"<speak>Hello <break time=\\"300ms\\"/> O'Brien</speak>"}},
                  "exits":{"next":"bye"}},{"id":"bye","type":"hangup","settings":{"cause":"normal"}}]}""");
        SpeechCommands speech = TestSpeech.with(List.of(new MrcpProfile("tts-en", "polly-en", List.of("en"), List.of(),
                Set.of(), "Joanna", null, 2, Map.of(), Map.of())));
        try (LoopbackRuntime rt = new LoopbackRuntime(OutboundSettings.DEFAULT, speech);
             FreeSwitchSimulator sim = new FreeSwitchSimulator(rt.address())) {
            CallOutcome call = CallOutcome.run(rt, sim, flow, SimCall.of(), FsScript.none(), TIMEOUT,
                    SpeechSynthesizer.fixed("unimrcp", null));
            FsExecution speak = call.log().executions().stream().filter(e -> e.app().equals("speak")).findFirst()
                    .orElseThrow();
            assertThat(speak.arg()).isEqualTo("unimrcp:polly-en|Joanna|<speak>Hello <break time=\"300ms\"/> O'Brien</speak>");
            assertThat(speak.argInBody()).isTrue();
            assertThat(call.log().heard()).containsExactly("<speak>Hello <break time=\"300ms\"/> O'Brien</speak>");
        }
    }

    @Test
    void shouldSpeakThroughFliteWithTheSameCodeAsCapture18Does() throws Exception {
        CompiledFlow flow = TestFlows.compile("""
                {"schema":"ivr-flow/1","id":"t","name":"T","defaultLanguage":"en-US","start":"n",
                 "nodes":[{"id":"n","type":"say","settings":{"text":{"en-US":"Hello"}},"exits":{"next":"bye"}},
                  {"id":"bye","type":"hangup","settings":{"cause":"normal"}}]}""");
        CallOutcome call = CallOutcome.run(runtime, fs, flow, SimCall.of(), FsScript.none(), TIMEOUT,
                SpeechSynthesizer.fixed("flite", "kal"));
        FsExecution speak = call.log().executions().stream().filter(e -> e.app().equals("speak")).findFirst()
                .orElseThrow();
        // capture 18: "execute-app-arg: flite|kal|Hello", event-lock: true
        assertThat(speak.arg()).isEqualTo("flite|kal|Hello");
        assertThat(speak.argInBody()).isFalse();
        assertThat(speak.eventLock()).isTrue();
        assertThat(call.log().heard()).containsExactly("Hello");
    }

    @Test
    void shouldFrameDetectedSpeechLikeEveryFreeSwitchEventWithTheResultAsItsBody() throws Exception {
        CallOutcome call = run(ASK, SimCall.of(), FsScript.none().recognizerAnswers(BILLING, "0"));
        List<EslEvent> events = new ArrayList<>();
        EslParser parser = new EslParser();
        for (byte[] frame : call.log().frames()) {
            for (EslFrame f : parser.feed(frame)) {
                EslMessage m = (EslMessage) f;
                if (m.contentType().isEvent() && EslEventReader.read(m) instanceof EslEventResult.Decoded d
                        && d.event().name().equals("DETECTED_SPEECH")) {
                    assertThat(m.headers().names()).as("outer headers of an event")
                            .containsExactly("Content-Length", "Content-Type");
                    events.add(d.event());
                }
            }
        }
        assertThat(events).extracting(e -> e.header("Speech-Type").orElseThrow())
                .containsExactly("begin-speaking", "detected-speech");
        EslEvent detected = events.get(1);
        assertThat(detected.body()).contains(BILLING);
        assertThat(detected.header("ASR-Completion-Cause")).contains("0");
        assertThat(detected.uniqueId()).contains(call.log().uuid());
        assertThat(detected.header("Event-Calling-Function")).contains("speech_thread");
        assertThat(detected.variable("fire_asr_events")).contains("true");
    }

    @Test
    void shouldGiveTheJournalTheRecognitionsOutcome() throws Exception {
        CallOutcome call = run(ASK, SimCall.of(CallerStep.say("pay my bill", 0.9)), FsScript.none());
        assertThat(call.journal()).filteredOn(e -> e.kind() == JournalEvent.Kind.INPUT).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("status", "RECOGNIZED"));
    }
}
