package dev.ivrflow.esl.fssim;

import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslHeaders;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.fssim.FsScript.Action;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the simulator from drifting from FreeSWITCH: the application side of each outbound capture is replayed
 * into it (the same commands, byte for byte), with a script standing in for what the capture's control connection
 * did to the call (keys, hang-ups), and what the simulator sends back is compared with what FreeSWITCH sent:
 * <ul>
 *   <li>the same sequence of frames: content types, replies, event names with their Application, disconnect
 *       notices, in the same order;</li>
 *   <li>the same framing: the same outer header names in the same order for each kind of frame, a Content-Length
 *       exactly when there is a body and equal to its length, a blank line after the headers;</li>
 *   <li>the same header names on every event, variables aside (which depend on the call), so the correlation
 *       fields (Unique-ID, Application, Application-Data, Application-Response, Application-UUID, DTMF-Digit,
 *       Hangup-Cause) are where FreeSWITCH puts them.</li>
 * </ul>
 * CUSTOM events (conference and callcenter subscriptions) are left out on both sides: the simulator does not
 * emulate mod_conference or mod_callcenter's internals.
 */
class FreeSwitchSimulatorConformanceTest {

    /** One capture to replay: the call and script standing in for its control connection. */
    private record Case(String capture, SimCall call, FsScript script, Map<Integer, Duration> advanceAfter,
                        boolean prefixOnly) {
        static Case of(String capture, SimCall call, FsScript script) {
            return new Case(capture, call, script, Map.of(), false);
        }
    }

    private static SimCall call(CallerStep... steps) {
        return new SimCall("5557777", null, "7777", null, null, List.of(steps), null);
    }

    private static SimCall call(SimWorld world) {
        return call().with(world);
    }

    private static SimWorld bridges(String... outcomes) {
        return new SimWorld(List.of(outcomes), null, null, null, null);
    }

    private static Stream<Case> cases() {
        return Stream.of(
                Case.of("10_playback_bargein", call(), FsScript.none().bargeIn("playback", "#")),
                Case.of("11_play_and_get_digits", call(CallerStep.silent(), CallerStep.press("99#"),
                        CallerStep.press("12#"), CallerStep.press("77#"), CallerStep.press("88#"), CallerStep.press("34#"),
                        CallerStep.press("5678"), CallerStep.press("#"), CallerStep.press("9#")), FsScript.none()),
                Case.of("12a_bridge_answered", call(bridges("answered")), FsScript.none()),
                Case.of("12b_bridge_busy", call(bridges("busy")), FsScript.none()),
                Case.of("12b2_bridge_busy_continue_on_fail", call(bridges("busy")), FsScript.none()),
                Case.of("12c_bridge_noanswer", call(bridges("noAnswer")), FsScript.none()),
                Case.of("12d_bridge_failed", call(bridges("failed")), FsScript.none()),
                Case.of("12d2_bridge_failed_continue_on_fail", call(bridges("failed", "failed", "failed")),
                        FsScript.none()),
                new Case("13_transfer", call(), FsScript.none(), Map.of(), true),
                Case.of("14a_callcenter_timeout_noagent", call(new SimWorld(null, List.of("timeout"), null, null, null)),
                        FsScript.none()),
                Case.of("15_record", call(), FsScript.none().on("record", Action.NORMAL).on("record", Action.NORMAL)
                        .on("record", Action.NORMAL).bargeIn("record", "#").on("record", Action.NORMAL)
                        .bargeIn("record", "#")),
                Case.of("16a_voicemail_leave_message", call(), FsScript.none().bargeIn("voicemail", "#")),
                Case.of("17a_conference_myevents_only", call(), FsScript.none().on("conference", Action.HANG_UP_DURING)),
                new Case("18_misc_apps", call(), FsScript.none().on("speak", Action.NORMAL).bargeIn("speak", "#")
                        .on("speak", Action.NORMAL).bargeIn("speak", "5"), Map.of(12, Duration.ofSeconds(2)), false),
                Case.of("19b_hangup_during_playback_far_end_hangup", call(),
                        FsScript.none().on("playback", Action.HANG_UP_DURING)),
                Case.of("20_connect_custom_vars", new SimCall("5557779", null, "7779", Map.of("ivr_flow", "support-line",
                        "ivr_language", "en-US", "custom_origvar", "abc", "sip_h_X-Tenant", "acme"), null, List.of(),
                        null), FsScript.none()));
    }

    @TestFactory
    Stream<DynamicTest> theSimulatorAnswersEachCapturedConversationAsFreeSwitchDid() {
        return cases().map(c -> DynamicTest.dynamicTest(c.capture(), () -> {
            List<CaptureReplay.Frame> simulated = CaptureReplay.replay(c.capture(), c.call(), c.script(), c.advanceAfter());
            List<EslMessage> captured = Captures.fromSwitch(c.capture());
            List<String> expected = project(captured);
            List<String> actual = project(simulated.stream().map(CaptureReplay.Frame::message).toList());
            if (c.prefixOnly()) {
                // after a transfer the call runs another extension FreeSWITCH's dialplan chose: compare up to it
                int end = expected.indexOf("event CHANNEL_EXECUTE_COMPLETE socket") + 1;
                expected = expected.subList(0, end);
                actual = actual.subList(0, Math.min(end, actual.size()));
            }
            assertThat(actual).as("frames of %s", c.capture()).isEqualTo(expected);
            for (CaptureReplay.Frame f : simulated) {
                assertFramedLikeFreeSwitch(f);
            }
            assertSameHeaderNames(compared(captured), compared(simulated.stream().map(CaptureReplay.Frame::message)
                    .toList()), actual.size(), c.capture());
        }));
    }

    @Test
    void theConnectReplyCarriesTheChannelDataUnderFreeSwitchsHeaderNames() throws Exception {
        SimCall simCall = new SimCall("5557779", null, "7779", Map.of("ivr_flow", "support-line"), null, List.of(), null);
        List<CaptureReplay.Frame> frames = CaptureReplay.replay("20_connect_custom_vars", simCall, FsScript.none(),
                Map.of());
        EslHeaders simulated = frames.getFirst().message().headers();
        EslHeaders captured = Captures.fromSwitch("20_connect_custom_vars").getFirst().headers();
        assertThat(withoutVariables(simulated)).isEqualTo(withoutVariables(captured));
        assertThat(simulated.get("variable_ivr_flow")).contains("support-line");
        assertThat(new String(frames.getFirst().bytes(), StandardCharsets.UTF_8))
                .endsWith("Content-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n");
    }

    // ---- projections ----

    static List<String> project(List<EslMessage> messages) {
        List<String> out = new ArrayList<>();
        for (EslMessage m : messages) {
            String p = project(m);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String project(EslMessage m) {
        if (m.is(EslContentType.COMMAND_REPLY)) {
            return m.headers().contains("Event-Name") ? "reply channel-data" : "reply " + m.replyText().orElse("").strip();
        }
        if (m.is(EslContentType.API_RESPONSE)) {
            return "api/response";
        }
        if (m.is(EslContentType.DISCONNECT_NOTICE)) {
            return "disconnect-notice " + m.header("Content-Disposition").orElse("");
        }
        if (m.contentType().isEvent()) {
            EslEvent e = event(m);
            if (e.name().equals("CUSTOM")) {
                return null;
            }
            return "event " + e.name() + e.application().map(a -> " " + a).orElse("");
        }
        return "other " + m.contentType();
    }

    private static EslEvent event(EslMessage m) {
        if (EslEventReader.read(m) instanceof EslEventResult.Decoded d) {
            return d.event();
        }
        throw new AssertionError("undecodable event " + m);
    }

    /** Outer header names and order per kind, Content-Length exactly when a body follows, a blank line after. */
    private static void assertFramedLikeFreeSwitch(CaptureReplay.Frame f) {
        EslMessage m = f.message();
        String text = new String(f.bytes(), StandardCharsets.UTF_8);
        List<String> names = m.headers().names();
        if (m.is(EslContentType.COMMAND_REPLY) && !m.headers().contains("Event-Name")) {
            assertThat(names).containsExactly("Content-Type", "Reply-Text");
        } else if (m.is(EslContentType.API_RESPONSE)) {
            assertThat(names).containsExactly("Content-Type", "Content-Length");
        } else if (m.contentType().isEvent()) {
            assertThat(names).containsExactly("Content-Length", "Content-Type");
        } else if (m.is(EslContentType.DISCONNECT_NOTICE)) {
            assertThat(names).startsWith("Content-Type", "Controlled-Session-UUID", "Content-Disposition");
            assertThat(names).endsWith("Content-Length");
        }
        int headerEnd = text.indexOf("\n\n");
        assertThat(headerEnd).as("a blank line ends the headers").isPositive();
        int bodyBytes = f.bytes().length - text.substring(0, headerEnd + 2).getBytes(StandardCharsets.UTF_8).length;
        if (m.headers().contains("Content-Length")) {
            assertThat(Integer.parseInt(m.header("Content-Length").orElseThrow())).isEqualTo(bodyBytes);
        } else {
            assertThat(bodyBytes).as("no body without a Content-Length").isZero();
        }
        assertThat(text).doesNotContain("\r");
    }

    /** The messages the projection keeps, in order (CUSTOM events dropped). */
    private static List<EslMessage> compared(List<EslMessage> messages) {
        return messages.stream().filter(m -> project(m) != null).toList();
    }

    /** Frame by frame, the same header names on both sides (variables and call-specific profiles aside). */
    private static void assertSameHeaderNames(List<EslMessage> captured, List<EslMessage> simulated, int count,
                                              String capture) {
        for (int i = 0; i < count; i++) {
            EslMessage expected = captured.get(i);
            EslMessage actual = simulated.get(i);
            if (!expected.contentType().isEvent()) {
                continue;
            }
            assertThat(correlation(names(event(actual))))
                    .as("header names of frame %d (%s) in %s", i, project(expected), capture)
                    .isEqualTo(correlation(names(event(expected))));
        }
    }

    private static Set<String> names(EslEvent e) {
        Set<String> names = new LinkedHashSet<>();
        e.headers().names().stream().filter(n -> !n.startsWith("variable_")).forEach(names::add);
        return names;
    }

    private static Set<String> correlation(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.startsWith("Caller-") && !n.startsWith("Channel-") && !n.startsWith("Other-")
                    && !n.startsWith("Event-Date") && !n.equals("Record-File-Path")) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> withoutVariables(EslHeaders headers) {
        return headers.names().stream().filter(n -> !n.startsWith("variable_")).toList();
    }
}
