package dev.ivrflow.esl.codec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Events read from plain and JSON bodies, and proof that both formats give the same {@link EslEvent}. */
class EslEventReaderTest {

    @Test
    void shouldReadEveryCapturedJsonEventIdenticallyWhenFreeSwitchSendsItAsPlain() {
        // given every JSON event of the captures, and the same event serialised the way FreeSWITCH writes plain ones
        List<EslMessage> jsonEvents = capturedMessages(EslContentType.EVENT_JSON);
        assertThat(jsonEvents).hasSizeGreaterThan(500);

        for (EslMessage json : jsonEvents) {
            EslEvent fromJson = EslEventReader.read(json).asOptional().orElseThrow();
            EslMessage plain = PlainEventWriter.asPlainMessage(fromJson);

            // when
            EslEventResult fromPlain = EslEventReader.read(plain);

            // then
            assertThat(fromPlain).isEqualTo(new EslEventResult.Decoded(fromJson));
        }
    }

    @Test
    void shouldGiveTheSameHeadersForRealPlainAndJsonDtmfEvents() {
        // given a DTMF event captured as plain (event plain ALL) and one captured as JSON (event json ... DTMF)
        EslEvent plain = firstEvent("03_inbound_events_plain_ALL_loopback.FS_to_CLIENT.raw", "DTMF");
        EslEvent json = firstEvent("02_inbound_events_json_loopback.FS_to_CLIENT.raw", "DTMF");

        // then
        assertThat(plain.headers().names()).containsExactlyElementsOf(json.headers().names());
        assertThat(plain.dtmfDigit()).contains("5");
        assertThat(json.dtmfDigit()).contains("1");
        assertThat(plain.header("Event-Date-GMT")).get().asString().matches("Sun, 22 Nov 2026 \\d\\d:\\d\\d:\\d\\d GMT");
        assertThat(json.header("Event-Date-GMT")).get().asString().matches("Sun, 22 Nov 2026 \\d\\d:\\d\\d:\\d\\d GMT");
        assertThat(plain.header("Caller-Callee-ID-Name")).isEqualTo(json.header("Caller-Callee-ID-Name")).contains("Outbound Call");
    }

    @Test
    void shouldGiveTheSameFieldsForRealPlainAndJsonExecuteCompleteEvents() {
        // given the completion of 'answer' on a socket with 'myevents' (plain) and one with 'myevents json'
        EslEvent plain = firstEvent("04_outbound_socket_async.FS_to_APP.raw", "CHANNEL_EXECUTE_COMPLETE");
        EslEvent json = firstEvent("11_play_and_get_digits.FS_to_APP.raw", "CHANNEL_EXECUTE_COMPLETE");

        // then
        Predicate<String> notVariable = name -> !name.startsWith("variable_");
        assertThat(names(plain, notVariable)).isEqualTo(names(json, notVariable));
        for (EslEvent event : List.of(plain, json)) {
            assertThat(event.application()).contains("answer");
            assertThat(event.applicationResponse()).contains("_none_");
            assertThat(event.header("Channel-Call-State")).contains("ACTIVE");
            assertThat(event.variable("current_application")).contains("answer");
        }
        assertThat(json.applicationUuid()).contains("11-step-01");
    }

    @Test
    void shouldReadTheNestedBodyOfABackgroundJobInBothFormats() {
        // given a bgapi originate result as plain (03) and as JSON (14a control connection)
        EslEvent plain = firstEvent("03_inbound_events_plain_ALL_loopback.FS_to_CLIENT.raw", "BACKGROUND_JOB");
        EslEvent json = firstEvent("14a_callcenter_timeout_noagent_control.FS_to_CTL.raw", "BACKGROUND_JOB");

        // then
        assertThat(plain.jobUuid()).contains("a2150e59-ba61-4a92-b957-7c50ccbf26bb");
        assertThat(plain.header("Job-Command-Arg")).contains("{origination_caller_id_number=5552000}loopback/7001 &park()");
        assertThat(plain.body()).contains("+OK c1a6a04a-8424-453b-a8ee-22133e812403\n");
        assertThat(json.jobUuid()).contains("3edc5f49-f912-4573-9d66-99dc3f7d2ad6");
        assertThat(json.body()).contains("+OK aa77ddfd-9c63-4347-9b5a-5e7363ae06fe\n");
        for (EslEvent event : List.of(plain, json)) {
            assertThat(event.header("Content-Length")).contains(
                    String.valueOf(event.body().orElseThrow().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void shouldCountTheNestedContentLengthInBytesNotCharacters() {
        // given a nested body of 3 characters in 6 bytes, followed by bytes it does not cover
        String inner = "Event-Name: CUSTOM\nEvent-Subclass: test%3A%3Aunicode\nContent-Length: 6\n\nÄ→bEXTRA";

        // when
        EslEvent event = EslEventReader.read(plainMessage(inner)).asOptional().orElseThrow();

        // then
        assertThat(event.subclass()).contains("test::unicode");
        assertThat(event.body()).contains("Ä→b");
    }

    @Test
    void shouldDecodePercentEscapesAsUtf8AndKeepBrokenOnesRaw() {
        // given
        String inner = String.join("\n", "Event-Name: CUSTOM", "Caller-Name: Jos%C3%A9%20M%C3%BCller",
                "Literal-Plus: a+b", "Percent-Alone: 100%", "Bad-Escape: 50%zz%20off", "Not-Utf8: %FF%FE", "", "");

        // when
        EslEvent event = EslEventReader.read(plainMessage(inner)).asOptional().orElseThrow();

        // then
        assertThat(event.header("Caller-Name")).contains("José Müller");
        assertThat(event.header("Literal-Plus")).contains("a+b");
        assertThat(event.header("Percent-Alone")).contains("100%");
        assertThat(event.header("Bad-Escape")).contains("50%zz%20off");
        assertThat(event.header("Not-Utf8")).contains("%FF%FE");
    }

    @Test
    void shouldTurnAJsonArrayIntoThePlainArrayForm() {
        // given the same multi-valued header in both formats
        String json = "{\"Event-Name\":\"CUSTOM\",\"Some-List\":[\"a\",\"b c\"],\"Count\":3,\"Nothing\":null}";
        String plain = "Event-Name: CUSTOM\nSome-List: ARRAY%3A%3Aa%7C%3Ab%20c\nCount: 3\n\n";

        // when
        EslEvent fromJson = EslEventReader.read(jsonMessage(json)).asOptional().orElseThrow();
        EslEvent fromPlain = EslEventReader.read(plainMessage(plain)).asOptional().orElseThrow();

        // then
        assertThat(fromJson).isEqualTo(fromPlain);
        assertThat(fromJson.header("Some-List")).contains("ARRAY::a|:b c");
    }

    @Test
    void shouldSkipAPlainLineWithoutAColonInsteadOfLosingTheEvent() {
        // when
        EslEventResult result = EslEventReader.read(plainMessage("Event-Name: DTMF\nnonsense\nDTMF-Digit: 5\n\n"));

        // then
        assertThat(result.asOptional()).get().satisfies(e -> {
            assertThat(e.dtmfDigit()).contains("5");
            assertThat(e.headers().names()).containsExactly("Event-Name", "DTMF-Digit");
        });
    }

    @Test
    void shouldReportBodiesThatAreNotEventsWithoutThrowing() {
        assertUndecodable(jsonMessage("{\"Event-Name\": \"DTMF\", "), "not valid JSON");
        assertUndecodable(jsonMessage("[1, 2]"), "not a JSON object");
        assertUndecodable(jsonMessage("{\"Unique-ID\": \"x\"}"), "no Event-Name member");
        assertUndecodable(jsonMessage(""), "not");
        assertUndecodable(plainMessage("Unique-ID: x\n\n"), "no Event-Name header");
        assertUndecodable(plainMessage("Event-Name: BACKGROUND_JOB\nContent-Length: 50\n\n+OK"), "Content-Length '50'");
        assertUndecodable(plainMessage("Event-Name: BACKGROUND_JOB\nContent-Length: -3\n\n+OK"), "Content-Length '-3'");
    }

    @Test
    void shouldLeaveXmlEventsAndOtherMessagesAsRawBodies() {
        // given
        String xml = "<event><headers><Event-Name>DTMF</Event-Name></headers></event>";
        EslMessage message = EslMessage.of(EslHeaders.of("Content-Type", "text/event-xml"), xml);

        // then
        assertUndecodable(message, "text/event-xml is not decoded");
        assertThat(message.body()).contains(xml);
        assertThat(message.contentType().isEvent()).isTrue();
        assertUndecodable(EslMessage.of(EslHeaders.of("Content-Type", "command/reply"), null), "without a body");
    }

    private static void assertUndecodable(EslMessage message, String reason) {
        assertThat(EslEventReader.read(message)).isInstanceOfSatisfying(EslEventResult.Undecodable.class,
                u -> assertThat(u.reason()).contains(reason));
    }

    private static EslMessage plainMessage(String body) {
        return EslMessage.of(EslHeaders.of("Content-Type", "text/event-plain"), body);
    }

    private static EslMessage jsonMessage(String body) {
        return EslMessage.of(EslHeaders.of("Content-Type", "text/event-json"), body);
    }

    private static Set<String> names(EslEvent event, Predicate<String> filter) {
        return event.headers().names().stream().filter(filter).collect(Collectors.toSet());
    }

    private static EslEvent firstEvent(String stream, String name) {
        return new EslParser().feed(Transcripts.stream(stream).bytes()).stream()
                .map(EslMessage.class::cast)
                .filter(m -> m.contentType().isEvent())
                .map(m -> EslEventReader.read(m).asOptional().orElseThrow())
                .filter(e -> e.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " event in " + stream));
    }

    private static List<EslMessage> capturedMessages(EslContentType type) {
        return Transcripts.fromFreeSwitch().stream()
                .flatMap(s -> new EslParser().feed(s.bytes()).stream())
                .map(EslMessage.class::cast)
                .filter(m -> m.is(type))
                .toList();
    }
}
