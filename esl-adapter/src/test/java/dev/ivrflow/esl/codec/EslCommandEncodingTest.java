package dev.ivrflow.esl.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encoder output, byte for byte, against commands copied from the captures. Each constant is also checked to
 * occur in its capture, so a constant cannot drift away from what FreeSWITCH really received.
 */
class EslCommandEncodingTest {
    record Expected(String transcript, String bytes, Supplier<EslCommand> command) {
        @Override
        public String toString() {
            return bytes.lines().findFirst().orElse("") + " (" + transcript + ")";
        }
    }

    static Stream<Expected> capturedCommands() {
        return Stream.of(
                new Expected("01_inbound_auth_status_modules.CLIENT_to_FS.raw", "auth ClueCon\n\n",
                        () -> EslCommands.auth("ClueCon")),
                new Expected("01_inbound_auth_status_modules.CLIENT_to_FS.raw", "api show modules\n\n",
                        () -> EslCommands.api("show modules")),
                new Expected("01_inbound_auth_status_modules.CLIENT_to_FS.raw", "exit\n\n", EslCommands::exit),
                new Expected("02_inbound_events_json_loopback.CLIENT_to_FS.raw", "event json CHANNEL_CREATE "
                        + "CHANNEL_ANSWER CHANNEL_PARK CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE DTMF CHANNEL_HANGUP "
                        + "CHANNEL_HANGUP_COMPLETE CHANNEL_DESTROY BACKGROUND_JOB\n\n",
                        () -> EslCommands.event(EventFormat.JSON, "CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_PARK",
                                "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "DTMF", "CHANNEL_HANGUP",
                                "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY", "BACKGROUND_JOB")),
                new Expected("02_inbound_events_json_loopback.CLIENT_to_FS.raw",
                        "bgapi uuid_dump d1c18b3f-69c7-48cf-9bf1-a525b1c69ea7\n\n",
                        () -> EslCommands.bgapi("uuid_dump d1c18b3f-69c7-48cf-9bf1-a525b1c69ea7")),
                new Expected("02_inbound_events_json_loopback.CLIENT_to_FS.raw",
                        "sendmsg 9ec0a105-a592-4bb2-a752-9739f6132efe\ncall-command: execute\n"
                                + "execute-app-name: playback\nexecute-app-arg: tone_stream://%(300,0,800)\n"
                                + "Event-UUID: inbound-step-42\n\n",
                        () -> EslExecute.app("playback").uuid("9ec0a105-a592-4bb2-a752-9739f6132efe")
                                .arg("tone_stream://%(300,0,800)").eventUuid("inbound-step-42").build()),
                new Expected("03_inbound_events_plain_ALL_loopback.CLIENT_to_FS.raw", "event plain ALL\n\n",
                        () -> EslCommands.event(EventFormat.PLAIN, "ALL")),
                new Expected("03_inbound_events_plain_ALL_loopback.CLIENT_to_FS.raw",
                        "bgapi originate {origination_caller_id_number=5552000}loopback/7001 &park()\n\n",
                        () -> EslCommands.bgapi("originate {origination_caller_id_number=5552000}loopback/7001 &park()")),
                new Expected("03_inbound_events_plain_ALL_loopback.CLIENT_to_FS.raw", "noevents\n\n", EslCommands::noevents),
                new Expected("04_outbound_socket_async.APP_to_FS.raw", "connect\n\n", EslCommands::connect),
                new Expected("04_outbound_socket_async.APP_to_FS.raw", "myevents\n\n", EslCommands::myevents),
                new Expected("04_outbound_socket_async.APP_to_FS.raw", "linger\n\n", EslCommands::linger),
                new Expected("04_outbound_socket_async.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: answer\n\n",
                        () -> EslExecute.app("answer").build()),
                new Expected("04_outbound_socket_async.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: playback\n"
                                + "execute-app-arg: tone_stream://%(200,0,500)\nEvent-UUID: ivr-step-0001\n\n",
                        () -> EslExecute.app("playback").arg("tone_stream://%(200,0,500)").eventUuid("ivr-step-0001").build()),
                new Expected("04_outbound_socket_async.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: speak\nEvent-UUID: ivr-step-0002\n"
                                + "content-type: text/plain\ncontent-length: 59\n\n"
                                + "flite|kal|Please enter your PIN, followed by the pound key.",
                        () -> EslExecute.app("speak").argInBody("flite|kal|Please enter your PIN, followed by the pound key.")
                                .eventUuid("ivr-step-0002").build()),
                new Expected("04_outbound_socket_async.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: play_and_get_digits\n"
                                + "execute-app-arg: 1 4 1 5000 # tone_stream://%(200,0,600) silence_stream://250 pagd_digits \\d+\n\n",
                        () -> EslExecute.app("play_and_get_digits")
                                .arg("1 4 1 5000 # tone_stream://%(200,0,600) silence_stream://250 pagd_digits \\d+").build()),
                new Expected("04_outbound_socket_async.APP_to_FS.raw",
                        "api uuid_getvar d32026b9-6125-4cc2-a736-ebf6cf7457bf uuid\n\n",
                        () -> EslCommands.api("uuid_getvar d32026b9-6125-4cc2-a736-ebf6cf7457bf uuid")),
                new Expected("04_outbound_socket_sync.APP_to_FS.raw", "event plain DTMF\n\n",
                        () -> EslCommands.event(EventFormat.PLAIN, "DTMF")),
                new Expected("05_outbound_async_exec_latency_experiment.APP_to_FS.raw", "linger 2\n\n",
                        () -> EslCommands.linger(2)),
                new Expected("05_outbound_async_exec_latency_experiment.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: answer\nexecute-app-arg: \n\n",
                        () -> EslExecute.app("answer").arg("").build()),
                new Expected("11_play_and_get_digits.APP_to_FS.raw", "myevents json\n\n",
                        () -> EslCommands.myevents(EventFormat.JSON)),
                new Expected("11_play_and_get_digits.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: answer\nEvent-UUID: 11-step-01\nevent-lock: true\n\n",
                        () -> EslExecute.app("answer").eventUuid("11-step-01").eventLock(true).build()),
                new Expected("11_play_and_get_digits.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: play_and_get_digits\n"
                                + "execute-app-arg: 1 4 2 3000 # tone_stream://%(300,0,500) tone_stream://%(100,0,300) pagd_b ^12$ 2000\n"
                                + "Event-UUID: 11-step-03\nevent-lock: true\n\n",
                        () -> EslExecute.app("play_and_get_digits").arg("1 4 2 3000 # tone_stream://%(300,0,500) "
                                + "tone_stream://%(100,0,300) pagd_b ^12$ 2000").eventUuid("11-step-03").eventLock(true).build()),
                new Expected("15_record.APP_to_FS.raw", "event json RECORD_START RECORD_STOP\n\n",
                        () -> EslCommands.event(EventFormat.JSON, List.of("RECORD_START", "RECORD_STOP"))),
                new Expected("17b_conference_with_custom_subscription.APP_to_FS.raw",
                        "event json CUSTOM conference::maintenance\n\n",
                        () -> EslCommands.event(EventFormat.JSON, "CUSTOM", "conference::maintenance")),
                new Expected("18_misc_apps.APP_to_FS.raw",
                        "sendmsg\ncall-command: execute\nexecute-app-name: sched_hangup\nexecute-app-arg: +2 ALLOTTED_TIMEOUT\n"
                                + "Event-UUID: 18-step-10\nevent-lock: true\n\n",
                        () -> EslExecute.app("sched_hangup").arg("+2 ALLOTTED_TIMEOUT").eventUuid("18-step-10")
                                .eventLock(true).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedCommands")
    void shouldEncodeCommandsExactlyAsCaptured(Expected expected) {
        // given
        String capture = new String(Transcripts.stream(expected.transcript()).bytes(), StandardCharsets.UTF_8);
        assertThat(capture).as("the constant comes from the capture").contains(expected.bytes());

        // when
        byte[] encoded = expected.command().get().toBytes();

        // then
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(expected.bytes());
    }

    @Test
    void shouldSendOurJobUuidWithBgapi() {
        // when
        EslCommand command = EslCommands.bgapi("originate loopback/7777 &park()", "0b1e6f1c-3f7e-4d7a-9a55-1d2a5c6b8e90");

        // then
        assertThat(text(command)).isEqualTo(
                "bgapi originate loopback/7777 &park()\nJob-UUID: 0b1e6f1c-3f7e-4d7a-9a55-1d2a5c6b8e90\n\n");
    }

    @Test
    void shouldEncodeTheRemainingCommands() {
        assertThat(text(EslCommands.myevents(EventFormat.PLAIN, "d32026b9-6125-4cc2-a736-ebf6cf7457bf")))
                .isEqualTo("myevents plain d32026b9-6125-4cc2-a736-ebf6cf7457bf\n\n");
        assertThat(text(EslCommands.nolinger())).isEqualTo("nolinger\n\n");
        assertThat(text(EslCommands.filter("Unique-ID", "d32026b9"))).isEqualTo("filter Unique-ID d32026b9\n\n");
        assertThat(text(EslCommands.filterDelete("Unique-ID", "d32026b9"))).isEqualTo("filter delete Unique-ID d32026b9\n\n");
        assertThat(text(EslCommands.hangup(null, "USER_BUSY")))
                .isEqualTo("sendmsg\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n");
        assertThat(text(EslExecute.app("playback").uuid("u-1").arg("beep.wav").loops(3).eventUuid("s-1")
                .eventLock(true).async(true).build())).isEqualTo("sendmsg u-1\ncall-command: execute\n"
                + "execute-app-name: playback\nexecute-app-arg: beep.wav\nloops: 3\nEvent-UUID: s-1\nevent-lock: true\n"
                + "async: true\n\n");
    }

    @Test
    void shouldPutAMultiLineArgumentInTheBodyWithItsLengthInBytes() {
        // given SSML spread over lines, with non-ASCII text
        String ssml = "unimrcp:tts|<speak xml:lang=\"de-DE\">\n  Grüße!\n</speak>";

        // when
        EslCommand command = EslExecute.app("speak").arg(ssml).eventUuid("s-2").build();

        // then
        assertThat(text(command)).isEqualTo("sendmsg\ncall-command: execute\nexecute-app-name: speak\n"
                + "Event-UUID: s-2\ncontent-type: text/plain\ncontent-length: "
                + ssml.getBytes(StandardCharsets.UTF_8).length + "\n\n" + ssml);
        assertThat(command.headers().contains("execute-app-arg")).isFalse();
        assertThat(ssml.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ssml.length());
    }

    @Test
    void shouldPutALongArgumentInTheBodyAndAShortOneInline() {
        // given
        String atLimit = "x".repeat(EslExecute.INLINE_ARG_MAX_BYTES);
        String overLimit = "é".repeat(EslExecute.INLINE_ARG_MAX_BYTES / 2 + 1);

        // then
        assertThat(EslExecute.app("speak").arg(atLimit).build().headers().get("execute-app-arg")).contains(atLimit);
        assertThat(EslExecute.app("speak").arg(overLimit).build().body()).contains(overLimit);
    }

    @Test
    void shouldRefuseToBuildCommandsThatWouldSmuggleASecondCommand() {
        List<Runnable> attempts = List.of(
                () -> EslCommands.api("uuid_getvar x\n\napi system rm -rf /"),
                () -> EslCommands.api("status\r"),
                () -> EslCommands.bgapi("status", "id\nX: y"),
                () -> EslCommands.auth("ClueCon\n\nexit"),
                () -> EslCommands.filter("Unique-ID", "a\nb"),
                () -> EslCommands.event(EventFormat.JSON, "DTMF\n\napi status"),
                () -> EslCommands.hangup(null, "NORMAL_CLEARING\n"),
                () -> EslCommands.sendmsg(null, EslHeaders.of("call-command", "execute\nexecute-app-name: system")),
                () -> EslCommands.sendmsg(null, EslHeaders.of("bad\nname", "x")),
                () -> EslCommands.sendmsg(null, EslHeaders.of("bad:name", "x")),
                () -> EslCommand.of("sendmsg", EslHeaders.of("content-length", "1"), "xy"),
                () -> EslCommand.of("api x\0y"),
                () -> EslExecute.app("playback").eventUuid("step\r\n"),
                () -> EslExecute.app("play back"),
                () -> EslExecute.app("playback").uuid("a b"));
        for (int i = 0; i < attempts.size(); i++) {
            assertThatThrownBy(attempts.get(i)::run).as("attempt %d", i).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldAllowLineBreaksInABodyBecauseItIsLengthDelimited() {
        // when
        EslCommand command = EslCommand.of("sendmsg", EslHeaders.of("call-command", "execute",
                "execute-app-name", "speak", "content-type", "text/plain"), "line one\n\nexit\n\n");

        // then
        assertThat(text(command)).endsWith("content-length: 16\n\nline one\n\nexit\n\n");
    }

    @Test
    void shouldHideThePasswordWhenACommandIsLogged() {
        assertThat(EslCommands.auth("ClueCon").toString()).doesNotContain("ClueCon").contains("auth ****");
    }

    private static String text(EslCommand command) {
        return new String(command.toBytes(), StandardCharsets.UTF_8);
    }
}
