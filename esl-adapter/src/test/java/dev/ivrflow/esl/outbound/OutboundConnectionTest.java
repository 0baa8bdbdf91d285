package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.channel.EslChannelSettings;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.fssim.CallOutcome;
import dev.ivrflow.esl.fssim.Captures;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.fssim.FsExecution;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.FsScript.Action;
import dev.ivrflow.esl.fssim.LoopbackRuntime;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.esl.fssim.TestFlows;
import dev.ivrflow.esl.fssim.VirtualClock;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound connection against the simulated switch: how a call is set up, what reaches the flow, and that no
 * failure of the switch or the network can leave a call hanging or take the process down.
 */
class OutboundConnectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(300);

    static final CompiledFlow MENU = TestFlows.compile("""
            {"schema":"ivr-flow/1","id":"menu","name":"Menu","defaultLanguage":"en-US","start":"hello",
             "nodes":[
              {"id":"hello","type":"say","settings":{"text":{"en-US":"Hello"}},"exits":{"next":"menu"}},
              {"id":"menu","type":"menu","settings":{"prompt":{"en-US":{"tts":"Press 1 or 2"}},
                 "options":[{"exit":"one","digits":"1"},{"exit":"two","digits":"2"}],"maxTries":1,"speech":false},
                 "exits":{"one":"bye","two":"bye","failure":"bye"}},
              {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
             ]}""");

    /** A prompt whose failure has an error exit, and a flow fallback for everything else. */
    static final CompiledFlow GUARDED = TestFlows.compile("""
            {"schema":"ivr-flow/1","id":"guarded","name":"Guarded","defaultLanguage":"en-US","start":"cap",
             "fallback":"sorry",
             "nodes":[
              {"id":"cap","type":"maxDuration","settings":{"seconds":600},"exits":{"next":"hello"}},
              {"id":"hello","type":"say","settings":{"text":{"en-US":"Hello"}},"exits":{"next":"menu","error":"oops"}},
              {"id":"menu","type":"menu","settings":{"prompt":{"en-US":{"tts":"Press 1"}},
                 "options":[{"exit":"one","digits":"1"}],"maxTries":1,"speech":false},
                 "exits":{"one":"bye","failure":"bye"}},
              {"id":"oops","type":"say","settings":{"text":{"en-US":"Something went wrong"}},"exits":{"next":"bye"}},
              {"id":"sorry","type":"say","settings":{"text":{"en-US":"Sorry"}},"exits":{"next":"bye"}},
              {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
             ]}""");

    static final CompiledFlow TRANSFER = TestFlows.compile("""
            {"schema":"ivr-flow/1","id":"xfer","name":"Transfer","defaultLanguage":"en-US","start":"agent",
             "nodes":[
              {"id":"agent","type":"transfer","settings":{"kind":"user","to":"1001","timeoutSeconds":20},
                 "exits":{"answered":"bye","failed":"bye"}},
              {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
             ]}""");

    private LoopbackRuntime runtime;
    private FreeSwitchSimulator fs;

    @BeforeEach
    void start() throws Exception {
        open(OutboundSettings.DEFAULT);
    }

    /** Short timeouts, for the tests of a switch that stops answering (they must not be slow). */
    private void openWithShortTimeouts() throws Exception {
        open(OutboundSettings.DEFAULT.withReplyTimeout(SHORT)
                .withChannel(EslChannelSettings.DEFAULT.withQuickAppTimeout(SHORT)));
    }

    private void open(OutboundSettings settings) throws Exception {
        if (fs != null) {
            fs.close();
            runtime.close();
        }
        runtime = new LoopbackRuntime(settings);
        fs = new FreeSwitchSimulator(runtime.address());
    }

    @AfterEach
    void stop() {
        fs.close();
        runtime.close();
    }

    @Test
    void shouldSpeakFirstWithConnectThenMyeventsJsonThenLingerBeforeAnyApplication() throws Exception {
        // given a caller who presses 1
        // when
        CallOutcome call = CallOutcome.run(runtime, fs, MENU, SimCall.of(CallerStep.press("1")), FsScript.none(), TIMEOUT);
        // then
        assertThat(call.log().commands()).startsWith("connect", "myevents json", "linger", "sendmsg");
        assertThat(call.log().commands()).endsWith("exit");
        assertThat(call.log().apps()).first().isEqualTo("answer");
        assertThat(call.log().executions()).allSatisfy(e -> {
            assertThat(e.eventLock()).as("event-lock on %s", e.app()).isTrue();
            assertThat(e.eventUuid()).as("Event-UUID on %s", e.app()).isNotBlank();
        });
        assertThat(call.log().executions().stream().map(FsExecution::eventUuid).distinct().count())
                .isEqualTo(call.log().executions().size());
        assertThat(call.path()).containsExactly("hello", "menu", "bye");
    }

    @Test
    void shouldGiveTheFlowTheCallerTheCalledNumberAndEveryChannelVariable() throws Exception {
        // given FreeSWITCH sends dialplan and SIP variables in the connect reply
        SimCall simCall = new SimCall("+15551234567", "Ada Lovelace", "+15559876543",
                Map.of("ivr_flow", "support-line", "ivr_language", "fr-FR", "sip_h_X-Tenant", "acme"), null,
                List.of(CallerStep.press("1")), null);
        VirtualClock clock = new VirtualClock(simCall.at());
        SimulatedCall call = fs.prepare(simCall, FsScript.none(), clock);
        runtime.expect(call.uuid(), TestFlows.start(MENU, clock, e -> { }));
        // when
        fs.start(call);
        CallInfo info = runtime.call(call.uuid()).awaitRouted(TIMEOUT);
        runtime.runUntilEnded(call.uuid(), clock, TIMEOUT);
        // then
        assertThat(info.uuid()).isEqualTo(call.uuid());
        assertThat(info.callerNumber()).isEqualTo("+15551234567");
        assertThat(info.callerName()).isEqualTo("Ada Lovelace");
        assertThat(info.calledNumber()).isEqualTo("+15559876543");
        assertThat(info.variables()).containsEntry("ivr_flow", "support-line").containsEntry("ivr_language", "fr-FR")
                .containsEntry("sip_h_X-Tenant", "acme").containsEntry("socket_host", "127.0.0.1");
    }

    @Test
    void shouldReadTheCallFromARealConnectReply() {
        // given capture 20: dialplan variables, originate variables and a SIP header on the channel
        EslMessage reply = Captures.fromSwitch("20_connect_custom_vars").getFirst();
        // when
        CallInfo info = ChannelData.callInfo(reply.headers()).orElseThrow();
        // then
        assertThat(info.uuid()).isEqualTo("f6985abc-dddf-450e-83dc-961d4fc5cdaa");
        assertThat(info.callerNumber()).isEqualTo("5557779");
        assertThat(info.callerName()).isNull();
        assertThat(info.calledNumber()).isEqualTo("7779");
        assertThat(info.variables()).containsEntry("ivr_flow", "support-line").containsEntry("ivr_language", "en-US")
                .containsEntry("custom_origvar", "abc").containsEntry("sip_h_X-Tenant", "acme")
                .containsEntry("current_application_data", "127.0.0.1:8084 async full")
                .doesNotContainKey("variable_ivr_flow");
    }

    @Test
    void shouldHandACallNoFlowServesBackToTheDialplanInsteadOfDroppingIt() throws Exception {
        // given no route for the number
        SimulatedCall call = fs.call(SimCall.of());
        // when
        String reason = runtime.call(call.uuid()).awaitNotRouted(TIMEOUT);
        FsCallLog log = call.awaitEnd(TIMEOUT);
        // then FreeSWITCH goes on with the dialplan after the socket action (the operator transfer)
        assertThat(reason).contains("no flow serves the number");
        assertThat(log.resumed()).isTrue();
        assertThat(log.exitReceived()).isTrue();
        assertThat(log.hangupCause()).isNull();
        assertThat(log.commands()).containsSubsequence("connect", "myevents json", "linger", "resume", "exit");
    }

    @Test
    void shouldHangUpWithAClearCauseWhenTheRouterFailsAndThePolicyIsToHangUp() throws Exception {
        // given
        open(OutboundSettings.DEFAULT.withUnrouted(UnroutedCallPolicy.HANG_UP));
        runtime.routeOthers(info -> {
            throw new IllegalStateException("flow store unreachable");
        });
        // when
        SimulatedCall call = fs.call(SimCall.of());
        String reason = runtime.call(call.uuid()).awaitNotRouted(TIMEOUT);
        FsCallLog log = call.awaitEnd(TIMEOUT);
        // then
        assertThat(reason).contains("routing failed").contains("flow store unreachable");
        assertThat(log.hangupCause()).isEqualTo("NORMAL_TEMPORARY_FAILURE");
        assertThat(log.hungUpBy()).isEqualTo("runtime");
        assertThat(log.resumed()).isFalse();
        assertThat(log.exitReceived()).isTrue();
    }

    @Test
    void shouldHangUpWithUnallocatedNumberWhenNoFlowServesTheNumberAndThePolicyIsToHangUp() throws Exception {
        // given
        open(OutboundSettings.DEFAULT.withUnrouted(UnroutedCallPolicy.HANG_UP));
        // when
        SimulatedCall call = fs.call(SimCall.of());
        FsCallLog log = call.awaitEnd(TIMEOUT);
        // then
        assertThat(log.hangupCause()).isEqualTo("UNALLOCATED_NUMBER");
    }

    @Test
    void shouldTakeTheErrorExitWhenAReplyNeverComes() throws Exception {
        // given the switch never answers the prompt's sendmsg
        openWithShortTimeouts();
        FsScript silentSwitch = FsScript.none().on("speak", Action.NO_REPLY);
        // when
        CallOutcome call = CallOutcome.run(runtime, fs, GUARDED, SimCall.of(CallerStep.press("1")), silentSwitch, TIMEOUT);
        // then the node failed after the reply timeout and the flow went on by its error exit
        assertThat(call.path()).containsExactly("cap", "hello", "oops", "bye");
        assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(call.journal()).anySatisfy(e -> assertThat(e.detail().toString()).contains("no reply from FreeSWITCH"));
    }

    @Test
    void shouldTakeTheFallbackWhenAQuickApplicationNeverCompletes() throws Exception {
        // given sched_hangup (maxDuration) is accepted but never completes; maxDuration has no error exit
        openWithShortTimeouts();
        FsScript stuck = FsScript.none().on("sched_hangup", Action.NO_COMPLETION);
        // when
        CallOutcome call = CallOutcome.run(runtime, fs, GUARDED, SimCall.of(CallerStep.press("1")), stuck, TIMEOUT);
        // then
        assertThat(call.path()).containsExactly("cap", "sorry", "bye");
        assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(call.journal()).anySatisfy(e -> assertThat(e.detail().toString()).contains("did not complete within"));
    }

    @Test
    void shouldEndTheSessionWhenTheCallerHangsUpMidPrompt() throws Exception {
        // when
        CallOutcome call = CallOutcome.run(runtime, fs, MENU, SimCall.of(CallerStep.press("1")),
                FsScript.none().on("speak", Action.HANG_UP_DURING), TIMEOUT);
        // then
        assertThat(call.path()).containsExactly("hello");
        assertThat(call.endReason()).isEqualTo("caller hung up (NORMAL_CLEARING)");
        assertThat(call.log().apps()).doesNotContain("play_and_get_digits", "hangup");
        assertThat(call.log().exitReceived()).isTrue();
    }

    @Test
    void shouldEndTheSessionWhenTheCallerHangsUpMidMenu() throws Exception {
        // given a caller who says nothing more once the menu waits (the script is empty: they hang up)
        // when
        CallOutcome call = CallOutcome.run(runtime, fs, MENU, SimCall.of(), FsScript.none(), TIMEOUT);
        // then
        assertThat(call.path()).containsExactly("hello", "menu");
        assertThat(call.endReason()).isEqualTo("caller hung up (NORMAL_CLEARING)");
        assertThat(call.log().hungUpBy()).isEqualTo("caller");
        assertThat(call.log().apps()).doesNotContain("hangup");
    }

    @Test
    void shouldEndTheSessionWhenTheCallerHangsUpMidTransfer() throws Exception {
        // when
        CallOutcome call = CallOutcome.run(runtime, fs, TRANSFER, SimCall.of(),
                FsScript.none().on("bridge", Action.HANG_UP_DURING), TIMEOUT);
        // then
        assertThat(call.path()).containsExactly("agent");
        assertThat(call.endReason()).isEqualTo("caller hung up (NORMAL_CLEARING)");
        assertThat(call.log().apps()).doesNotContain("hangup");
    }

    @Test
    void shouldEndTheSessionWhenFreeSwitchClosesTheSocketMidCall() throws Exception {
        // when the switch drops the connection as the menu starts
        CallOutcome call = CallOutcome.run(runtime, fs, MENU, SimCall.of(CallerStep.press("1")),
                FsScript.none().on("play_and_get_digits", Action.CLOSE_SOCKET), TIMEOUT);
        // then the session hears the call is gone, and does not wait for the menu's answer
        assertThat(call.path()).containsExactly("hello", "menu");
        assertThat(call.endReason()).isEqualTo("caller hung up (the socket closed)");
        assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldCloseOnlyThatConnectionOnAGarbageFrameAndTellTheSession() throws Exception {
        // when the switch sends a frame whose Content-Length is not a number
        CallOutcome broken = CallOutcome.run(runtime, fs, MENU, SimCall.of(CallerStep.press("1")),
                FsScript.none().on("speak", Action.GARBAGE), TIMEOUT);
        // then that call ends, saying why
        assertThat(broken.endReason()).startsWith("caller hung up (malformed frame from FreeSWITCH");
        // and the server still serves the next call
        CallOutcome next = CallOutcome.run(runtime, fs, MENU, SimCall.of(CallerStep.press("2")), FsScript.none(), TIMEOUT);
        assertThat(next.path()).containsExactly("hello", "menu", "bye");
    }

    @Test
    void shouldKeepTwoInterleavedCallsInOrderAndApart() throws Exception {
        // given two calls whose applications take real time, so their events interleave on the wire
        SimCall first = SimCall.of(CallerStep.press("1"));
        SimCall second = SimCall.of(CallerStep.press("2"));
        VirtualClock c1 = new VirtualClock(first.at());
        VirtualClock c2 = new VirtualClock(second.at());
        SimulatedCall a = fs.prepare(first, FsScript.none().delays("speak", Duration.ofMillis(60))
                .delays("play_and_get_digits", Duration.ofMillis(10)), c1);
        SimulatedCall b = fs.prepare(second, FsScript.none().delays("speak", Duration.ofMillis(10))
                .delays("play_and_get_digits", Duration.ofMillis(60)), c2);
        List<dev.ivrflow.flow.runtime.JournalEvent> ja = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<dev.ivrflow.flow.runtime.JournalEvent> jb = new java.util.concurrent.CopyOnWriteArrayList<>();
        runtime.expect(a.uuid(), TestFlows.start(MENU, c1, ja::add));
        runtime.expect(b.uuid(), TestFlows.start(MENU, c2, jb::add));
        // when
        fs.start(a);
        fs.start(b);
        var sa = runtime.runUntilEnded(a.uuid(), c1, TIMEOUT);
        var sb = runtime.runUntilEnded(b.uuid(), c2, TIMEOUT);
        // then each call took its own answer, in its own order
        assertThat(sa.path()).containsExactly("hello", "menu", "bye");
        assertThat(sb.path()).containsExactly("hello", "menu", "bye");
        assertThat(ja).allSatisfy(e -> assertThat(e.callId()).isEqualTo(a.uuid()));
        assertThat(jb).allSatisfy(e -> assertThat(e.callId()).isEqualTo(b.uuid()));
        assertThat(ja.stream().filter(e -> e.kind() == dev.ivrflow.flow.runtime.JournalEvent.Kind.INPUT
                && "menu".equals(e.nodeId())).map(e -> e.detail().get("digits")).toList()).containsExactly("1");
        assertThat(jb.stream().filter(e -> e.kind() == dev.ivrflow.flow.runtime.JournalEvent.Kind.INPUT
                && "menu".equals(e.nodeId())).map(e -> e.detail().get("digits")).toList()).containsExactly("2");
        assertThat(a.awaitEnd(TIMEOUT).heard()).containsExactly("Hello", "Press 1 or 2");
        assertThat(b.awaitEnd(TIMEOUT).heard()).containsExactly("Hello", "Press 1 or 2");
        assertThat(a.awaitEnd(TIMEOUT).commands()).doesNotContainSequence(b.awaitEnd(TIMEOUT).uuid());
    }

    @Test
    void shouldCompleteFiveHundredConcurrentCalls() throws Exception {
        // given
        int calls = 500;
        List<SimulatedCall> started = new java.util.ArrayList<>();
        List<VirtualClock> clocks = new java.util.ArrayList<>();
        // when every call rings at once
        for (int i = 0; i < calls; i++) {
            SimCall simCall = SimCall.of(CallerStep.press(i % 2 == 0 ? "1" : "2"));
            VirtualClock clock = new VirtualClock(simCall.at());
            SimulatedCall call = fs.prepare(simCall, FsScript.none(), clock);
            runtime.expect(call.uuid(), TestFlows.start(MENU, clock, e -> { }));
            started.add(call);
            clocks.add(clock);
        }
        long t0 = System.nanoTime();
        started.forEach(fs::start);
        // then every one runs the whole flow and releases its socket
        for (int i = 0; i < calls; i++) {
            var session = runtime.runUntilEnded(started.get(i).uuid(), clocks.get(i), Duration.ofSeconds(60));
            assertThat(session.path()).containsExactly("hello", "menu", "bye");
        }
        for (SimulatedCall call : started) {
            FsCallLog log = call.awaitEnd(Duration.ofSeconds(60));
            assertThat(log.hangupCause()).isEqualTo("NORMAL_CLEARING");
            assertThat(log.exitReceived()).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }
}
