package dev.ivrflow.esl.codec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The helpers on {@link EslMessage} and {@link EslHeaders}, on captured frames where there are some. */
class EslMessageTest {

    @Test
    void shouldReadTheConnectReplyAsChannelDataWithAnEncodedOk() {
        // given the first frame FreeSWITCH sends on the outbound socket
        EslMessage connect = messages("04_outbound_socket_async.FS_to_APP.raw").getFirst();

        // then
        assertThat(connect.contentType()).isEqualTo(EslContentType.COMMAND_REPLY);
        assertThat(connect.replyText()).contains("+OK\n");
        assertThat(connect.isOk()).isTrue();
        assertThat(connect.header("unique-id")).contains("d32026b9-6125-4cc2-a736-ebf6cf7457bf");
        assertThat(connect.header("Event-Date-Local")).contains("2026-11-22 00:43:05");
        assertThat(connect.header("variable_current_application_data")).contains("127.0.0.1:8084 async full");
        assertThat(connect.header("Socket-Mode")).contains("async");
        assertThat(connect.headers().names()).startsWith("Event-Name", "Core-UUID").endsWith("Socket-Mode", "Control");
    }

    @Test
    void shouldTellOkFromErrOnCapturedReplies() {
        // given auth, api status, api version, show modules, a bad api, a bad command, exit, and the notice
        List<EslMessage> messages = messages("01_inbound_auth_status_modules.FS_to_CLIENT.raw");

        // then
        assertThat(messages).extracting(m -> m.contentType().value()).containsExactly("auth/request",
                "command/reply", "api/response", "api/response", "api/response", "api/response", "command/reply",
                "command/reply", "text/disconnect-notice");
        assertThat(messages.get(1).isOk()).isTrue();
        assertThat(messages.get(2).body()).get().asString().startsWith("UP 0 years");
        assertThat(messages.get(2).isOk()).as("an api/response is not judged by isOk").isFalse();
        assertThat(messages.get(2).isErr()).isFalse();
        assertThat(messages.get(5).body()).contains("-ERR bogus_command_xyz Command not found!\n");
        assertThat(messages.get(5).isErr()).isTrue();
        assertThat(messages.get(6).isErr()).isTrue();
        assertThat(messages.get(6).isOk()).isFalse();
        assertThat(messages.get(6).replyText()).contains("-ERR command not found");
        assertThat(messages.get(7).replyText()).contains("+OK bye");
        assertThat(messages.get(8).body()).contains("Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
    }

    @Test
    void shouldExposeTheJobUuidOfABgapiReply() {
        // given the reply to 'bgapi originate ...'
        EslMessage reply = messages("03_inbound_events_plain_ALL_loopback.FS_to_CLIENT.raw").get(3);

        // then
        assertThat(reply.isOk()).isTrue();
        assertThat(reply.jobUuid()).contains("a2150e59-ba61-4a92-b957-7c50ccbf26bb");
        assertThat(reply.replyText()).contains("+OK Job-UUID: a2150e59-ba61-4a92-b957-7c50ccbf26bb");
    }

    @Test
    void shouldKeepHeadersInOrderWithCaseInsensitiveLookup() {
        // when
        EslHeaders headers = EslHeaders.builder().add("Content-Type", "a").add("X-One", "1").add("x-one", "2")
                .add("Z", "3").build();

        // then
        assertThat(headers.names()).containsExactly("Content-Type", "X-One", "Z");
        assertThat(headers.get("X-ONE")).contains("2");
        assertThat(headers.getOrDefault("missing", "none")).isEqualTo("none");
        assertThat(headers.asMap()).containsExactly(Map.entry("Content-Type", "a"),
                Map.entry("X-One", "2"), Map.entry("Z", "3"));
        assertThat(headers).isEqualTo(EslHeaders.of("Content-Type", "a", "X-One", "2", "Z", "3"));
        assertThatThrownBy(() -> EslHeaders.of("only-a-name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCompareContentTypesWithoutRegardToCase() {
        assertThat(EslContentType.of(" Text/Event-JSON ")).isEqualTo(EslContentType.EVENT_JSON);
        assertThat(EslContentType.of("x/unknown").isKnown()).isFalse();
        assertThat(EslContentType.RUDE_REJECTION.isKnown()).isTrue();
    }

    private static List<EslMessage> messages(String stream) {
        return new EslParser().feed(Transcripts.stream(stream).bytes()).stream().map(EslMessage.class::cast).toList();
    }
}
