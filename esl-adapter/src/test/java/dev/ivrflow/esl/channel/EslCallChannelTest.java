package dev.ivrflow.esl.channel;

import dev.ivrflow.esl.fssim.CallOutcome;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsExecution;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.FsScript.Action;
import dev.ivrflow.esl.fssim.LoopbackRuntime;
import dev.ivrflow.esl.fssim.TestFlows;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.esl.speech.TestSpeech;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link dev.ivrflow.flow.port.CallChannel} method over the simulated switch, driven by a one-node flow: the
 * applications and arguments FreeSWITCH receives, and what the flow gets back.
 */
class EslCallChannelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static LoopbackRuntime runtime;
    private static FreeSwitchSimulator fs;

    @BeforeAll
    static void start() throws Exception {
        runtime = new LoopbackRuntime(OutboundSettings.DEFAULT, TestSpeech.plain());
        fs = new FreeSwitchSimulator(runtime.address());
    }

    @AfterAll
    static void stop() {
        fs.close();
        runtime.close();
    }

    /** A flow: declared string variables, the given nodes, and a final {@code bye} hang-up. */
    private static CompiledFlow flow(String variables, String... nodes) {
        return TestFlows.compile("""
                {"schema":"ivr-flow/1","id":"t","name":"T","defaultLanguage":"en-US","start":"n",
                 "variables":{%s},
                 "nodes":[%s,{"id":"bye","type":"hangup","settings":{"cause":"normal"}}]}"""
                .formatted(variables, String.join(",", nodes)));
    }

    private static CallOutcome run(CompiledFlow flow, SimCall call, FsScript script) throws Exception {
        return CallOutcome.run(runtime, fs, flow, call, script, TIMEOUT);
    }

    private static CallOutcome run(CompiledFlow flow, SimCall call) throws Exception {
        return run(flow, call, FsScript.none());
    }

    private static List<String> commands(CallOutcome call) {
        return call.log().executions().stream().map(e -> e.app() + (e.arg() == null ? "" : " " + e.arg())).toList();
    }

    @Test
    void shouldPlayAFileWithBargeInAndReportTheKeyThatStoppedIt() throws Exception {
        CompiledFlow flow = flow("\"key\":{\"type\":\"string\"}",
                """
                {"id":"n","type":"play","settings":{"prompt":{"*":{"file":"/sounds/welcome.wav"}},"bargeIn":true},
                 "exits":{"next":"keep"}}""",
                """
                {"id":"keep","type":"set","settings":{"assign":[{"variable":"key","value":"nodes.n.digits"}]},
                 "exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of(), FsScript.none().bargeIn("playback", "5"));
        assertThat(commands(call)).containsSubsequence("set playback_terminators=any", "playback /sounds/welcome.wav");
        assertThat(call.session().variables()).containsEntry("key", "5");
    }

    @Test
    void shouldPlayAToneWithoutBargeIn() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"play","settings":{"prompt":{"*":{"tone":"%(200,0,500)"}},"bargeIn":false},
                 "exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of());
        assertThat(commands(call)).containsSubsequence("set playback_terminators=none",
                "playback tone_stream://%(200,0,500)");
        assertThat(call.log().heard()).containsExactly("tone:%(200,0,500)");
    }

    @Test
    void shouldSpeakTextAloneWithSpeakAndTextInAPromptWithSay() throws Exception {
        CompiledFlow flow = flow("\"pin\":{\"type\":\"string\"}",
                """
                {"id":"n","type":"say","settings":{"text":{"en-US":"Welcome to O'Brien's"}},"exits":{"next":"pin"}}""",
                """
                {"id":"pin","type":"input","settings":{"prompt":{"en-US":{"tts":"Enter your PIN, then hash"}},
                 "variable":"pin","minLength":4,"maxLength":8,"timeoutSeconds":7,"interDigitTimeoutSeconds":2,
                 "maxTries":1},"exits":{"next":"bye","failure":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of(CallerStep.press("1234#")));
        assertThat(commands(call)).containsSubsequence("speak sim||Welcome to O'Brien's", "set tts_engine=sim",
                "play_and_get_digits 1 8 1 7000 # 'say:Enter your PIN, then hash' silence_stream://250 ivrflow_digits_1 .+ 2000");
        assertThat(call.log().heard()).containsExactly("Welcome to O'Brien's", "Enter your PIN, then hash");
        assertThat(call.session().variables()).containsEntry("pin", "1234");
    }

    @Test
    void shouldTimeOutOnSilenceAfterTheFirstDigitTimeoutOfTheSharedClock() throws Exception {
        CompiledFlow flow = flow("\"pin\":{\"type\":\"string\"}", """
                {"id":"n","type":"input","settings":{"prompt":{"en-US":{"tts":"PIN?"}},"variable":"pin",
                 "timeoutSeconds":7,"maxTries":1},"exits":{"next":"bye","failure":"nothing"}}""", """
                {"id":"nothing","type":"say","settings":{"text":{"en-US":"Nothing"}},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of(CallerStep.silent()));
        assertThat(call.path()).containsExactly("n", "nothing", "bye");
        assertThat(call.clock().now()).isEqualTo(SimCall.DEFAULT_TIME.plusSeconds(7));
    }

    @Test
    void shouldRecogniseSpeechWithAnInlineGrammarAndReadTheResult() throws Exception {
        CompiledFlow flow = flow("\"said\":{\"type\":\"string\"}", """
                {"id":"n","type":"ask","settings":{"prompt":{"en-US":{"tts":"What do you need?"}},
                 "grammar":{"phrases":["sales","support"]},"variable":"said"},
                 "exits":{"recognized":"bye","noMatch":"bye","noInput":"bye","error":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of(CallerStep.say("support", 0.8)));
        FsExecution detect = call.log().executions().stream().filter(e -> e.app().equals("play_and_detect_speech"))
                .findFirst().orElseThrow();
        assertThat(detect.arg()).startsWith("say:What do you need? detect:unimrcp {start-input-timers=false,"
                + "no-input-timeout=5000,recognition-timeout=15000,speech-complete-timeout=1000,speech-language=en-US,"
                + "n-best-list-length=3}inline:<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<grammar ");
        assertThat(call.session().variables()).containsEntry("said", "support");
        assertThat(call.inputs("n")).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("status", "RECOGNIZED");
            assertThat(d).containsEntry("confidence", 0.8);
        });
    }

    @Test
    void shouldReportNoInputAndARecogniserThatIsDown() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"ask","settings":{"prompt":{"en-US":{"tts":"Say something"}}},
                 "exits":{"recognized":"bye","noMatch":"bye","noInput":"quiet","error":"broken"}}""", """
                {"id":"quiet","type":"say","settings":{"text":{"en-US":"Nothing heard"}},"exits":{"next":"bye"}}""", """
                {"id":"broken","type":"say","settings":{"text":{"en-US":"Recogniser down"}},"exits":{"next":"bye"}}""");
        assertThat(run(flow, SimCall.of(CallerStep.silent())).path()).containsExactly("n", "quiet", "bye");
        SimCall down = SimCall.of(CallerStep.say("hello")).with(new SimWorld(null, null, null, null, true));
        CallOutcome call = run(flow, down);
        assertThat(call.path()).containsExactly("n", "broken", "bye");
        assertThat(call.journal()).anySatisfy(e -> assertThat(e.detail().toString()).contains("ASR INIT ERROR"));
    }

    @Test
    void shouldLetAKeyAnswerASpeechMenu() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"menu","settings":{"prompt":{"en-US":{"tts":"Say sales or press 1"}},
                 "options":[{"exit":"sales","digits":"1","phrases":["sales"]},{"exit":"support","digits":"2",
                 "phrases":["support"]}],"maxTries":1},
                 "exits":{"sales":"bye","support":"second","failure":"bye"}}""", """
                {"id":"second","type":"say","settings":{"text":{"en-US":"Support"}},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of(CallerStep.press("2")));
        assertThat(call.path()).containsExactly("n", "second", "bye");
        assertThat(call.log().apps()).contains("play_and_detect_speech").doesNotContain("play_and_get_digits");
    }

    @Test
    void shouldBridgeAndMapEachOutcome() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"transfer","settings":{"kind":"number","to":"+15550100","gateway":"carrier",
                 "timeoutSeconds":25,"callerIdNumber":"+15550199"},
                 "exits":{"answered":"bye","busy":"busy","noAnswer":"late","failed":"failed"}}""", """
                {"id":"busy","type":"say","settings":{"text":{"en-US":"Busy"}},"exits":{"next":"bye"}}""", """
                {"id":"late","type":"say","settings":{"text":{"en-US":"No answer"}},"exits":{"next":"bye"}}""", """
                {"id":"failed","type":"say","settings":{"text":{"en-US":"Failed"}},"exits":{"next":"bye"}}""");
        CallOutcome answered = run(flow, SimCall.of());
        assertThat(commands(answered)).containsSubsequence("set continue_on_fail=true", "set hangup_after_bridge=false",
                "multiunset DIALSTATUS originate_disposition originate_failed_cause bridge_hangup_cause last_bridge_hangup_cause",
                "bridge {originate_timeout=25,origination_caller_id_number=+15550199}sofia/gateway/carrier/+15550100");
        assertThat(answered.path()).containsExactly("n", "bye");
        assertThat(run(flow, SimCall.of().with(world(List.of("busy"), null))).path()).containsExactly("n", "busy", "bye");
        CallOutcome late = run(flow, SimCall.of().with(world(List.of("noAnswer"), null)));
        assertThat(late.path()).containsExactly("n", "late", "bye");
        assertThat(late.clock().now()).isEqualTo(SimCall.DEFAULT_TIME.plusSeconds(25));
        CallOutcome failed = run(flow, SimCall.of().with(world(List.of("failed"), null)));
        assertThat(failed.path()).containsExactly("n", "failed", "bye");
        assertThat(failed.inputs("n")).singleElement().satisfies(d -> assertThat(d).containsEntry("cause", "CALL_REJECTED"));
    }

    @Test
    void shouldHandABlindTransferToTheDialplanAndReleaseTheSocketWithoutHangingUp() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"transfer","settings":{"mode":"blind","to":"2000","context":"support"},
                 "exits":{"failed":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of());
        assertThat(commands(call)).contains("transfer 2000 XML support");
        assertThat(call.endReason()).isEqualTo("transferred to 2000 in context support");
        assertThat(call.log().transferredTo()).isEqualTo("2000@support");
        assertThat(call.log().hangupCause()).isNull();
        assertThat(call.log().exitReceived()).isTrue();
    }

    @Test
    void shouldQueueWithExitKeysAndBoundTheWaitWithItsOwnTimer() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"queue","settings":{"queue":"sales","maxWaitSeconds":120,"offerCallback":true,
                 "callbackDigit":"1","exitDigit":"0"},
                 "exits":{"answered":"bye","timeout":"late","noAgents":"late","full":"late","abandoned":"late",
                 "callback":"cb"}}""", """
                {"id":"late","type":"say","settings":{"text":{"en-US":"Later"}},"exits":{"next":"bye"}}""", """
                {"id":"cb","type":"say","settings":{"text":{"en-US":"We will call you"}},"exits":{"next":"bye"}}""");
        CallOutcome answered = run(flow, SimCall.of());
        assertThat(commands(answered)).containsSubsequence("set cc_exit_keys=01",
                "multiunset cc_cause cc_cancel_reason cc_exit_key", "callcenter sales");
        assertThat(answered.path()).containsExactly("n", "bye");
        CallOutcome timeout = run(flow, SimCall.of().with(world(null, List.of("timeout"))));
        assertThat(timeout.path()).containsExactly("n", "late", "bye");
        assertThat(timeout.log().commands()).anySatisfy(c -> assertThat(c).startsWith("api uuid_break "));
        assertThat(timeout.clock().now()).isEqualTo(SimCall.DEFAULT_TIME.plusSeconds(120));
        assertThat(run(flow, SimCall.of().with(world(null, List.of("callback")))).path()).containsExactly("n", "cb", "bye");
        assertThat(run(flow, SimCall.of().with(world(null, List.of("full")))).path()).containsExactly("n", "late", "bye");
    }

    @Test
    void shouldLeaveAVoicemailInTheBoundMailbox() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"voicemail","settings":{"mailbox":"sales","skipGreeting":true},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of());
        assertThat(commands(call)).containsSubsequence("set skip_greeting=true", "voicemail default ${domain} sales");
    }

    @Test
    void shouldRecordAfterABeepAndReadTheLength() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"record","settings":{"maxSeconds":60,"silenceSeconds":3},
                 "exits":{"next":"bye","noInput":"empty"}}""", """
                {"id":"empty","type":"say","settings":{"text":{"en-US":"Nothing recorded"}},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of().with(new SimWorld(null, null, null, 12, null)));
        assertThat(commands(call)).containsSubsequence("set playback_terminators=#", "multiunset record_ms record_seconds",
                "playback tone_stream://%(500,0,1000)");
        assertThat(commands(call)).anySatisfy(c -> assertThat(c).matches("record recordings/t/[-0-9a-f]+-n-\\d+\\.wav 60 200 3"));
        assertThat(call.inputs("n")).hasSize(2).first().satisfies(d -> assertThat(d).containsKey("recordingStarted"));
        assertThat(call.inputs("n")).last().satisfies(d -> assertThat(d).containsEntry("lengthMs", 12_000L));
        assertThat(run(flow, SimCall.of().with(new SimWorld(null, null, null, 0, null))).path())
                .containsExactly("n", "empty", "bye");
    }

    @Test
    void shouldJoinAConferenceWithItsPin() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"conference","settings":{"room":"board-7","profile":"hd-audio","pin":"4321"},
                 "exits":{"next":"bye"}}""");
        assertThat(commands(run(flow, SimCall.of()))).contains("conference board-7@hd-audio+4321");
    }

    @Test
    void shouldEndAnEchoTestAfterItsMaximumWithUuidBreak() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"echo","settings":{"maxSeconds":30},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of(), FsScript.none().on("echo", Action.RUN_UNTIL_BROKEN));
        assertThat(call.path()).containsExactly("n", "bye");
        assertThat(call.log().commands()).contains("api uuid_break " + call.log().uuid());
        assertThat(call.clock().now()).isEqualTo(SimCall.DEFAULT_TIME.plusSeconds(30));
    }

    @Test
    void shouldSetTheCallerNameAndRefuseAValueFreeSwitchWouldExpand() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"callerName","settings":{"name":"Gold {{call.callerNumber}}"},
                 "exits":{"next":"bye","error":"oops"}}""", """
                {"id":"oops","type":"say","settings":{"text":{"en-US":"Oops"}},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, new SimCall("5550100", null, null, null, null, List.of(), null));
        assertThat(commands(call)).contains("set effective_caller_id_name=Gold 5550100");
        CallOutcome attack = run(flow, new SimCall("${system(reboot)}", null, null, null, null, List.of(), null));
        assertThat(attack.path()).containsExactly("n", "oops", "bye");
        assertThat(commands(attack)).noneSatisfy(c -> assertThat(c).contains("effective_caller_id_name"));
    }

    @Test
    void shouldScheduleTheSwitchsHangupAndEndTheCallAtTheMaximumDuration() throws Exception {
        CompiledFlow flow = flow("", """
                {"id":"n","type":"maxDuration","settings":{"seconds":60},"exits":{"next":"pause"}}""", """
                {"id":"pause","type":"wait","settings":{"seconds":120},"exits":{"next":"bye"}}""");
        CallOutcome call = run(flow, SimCall.of());
        assertThat(commands(call)).contains("sched_hangup +60 ALLOTTED_TIMEOUT");
        assertThat(call.path()).containsExactly("n", "pause");
        assertThat(call.endReason()).isEqualTo("the flow's maximum duration of PT1M was reached");
        assertThat(call.log().commands()).contains("api uuid_break " + call.log().uuid() + " all");
        assertThat(call.log().hangupCause()).isEqualTo("ALLOTTED_TIMEOUT");
    }

    @Test
    void shouldHangUpWithTheFlowsCause() throws Exception {
        CompiledFlow flow = TestFlows.compile("""
                {"schema":"ivr-flow/1","id":"t","name":"T","defaultLanguage":"en-US","start":"n",
                 "nodes":[{"id":"n","type":"hangup","settings":{"cause":"busy"}}]}""");
        CallOutcome call = run(flow, SimCall.of());
        assertThat(commands(call)).contains("hangup USER_BUSY");
        assertThat(call.log().hangupCause()).isEqualTo("USER_BUSY");
    }

    private static SimWorld world(List<String> bridge, List<String> queue) {
        return new SimWorld(bridge, queue, null, null, null);
    }
}
