package dev.ivrflow.esl.fssim.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import dev.ivrflow.esl.codec.EventFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator writes events as FreeSWITCH does: every event of every inbound capture, decoded and written again
 * in its own format, comes out byte for byte as captured (frame header, header order, url-encoding, cJSON output).
 *
 * <p>One thing cannot come back: FreeSWITCH repeats some headers (CODEC's Channel-Write-Codec-Name and -Rate, and
 * both {@code Channel-Read-Codec-Name} and {@code channel-read-codec-name}; CHANNEL_HANGUP_COMPLETE's Hangup-Cause;
 * a conference event's Conference-*), always with the same value in these captures, and an {@link EslEvent} keeps
 * each name once, case aside. Those events are compared without the repeats.
 */
class EventWireTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static List<String> capturesWithEvents() {
        return Captures.inbound().stream().filter(c -> Captures.frames(c).stream().anyMatch(Captures.Frame::isEvent))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturesWithEvents")
    void shouldWriteEveryCapturedEventBackByteForByte(String capture) {
        // given every event FreeSWITCH sent in the capture
        List<Captures.Frame> events = Captures.frames(capture).stream().filter(Captures.Frame::isEvent).toList();

        for (Captures.Frame captured : events) {
            // when it is decoded and written again in the format it came in
            EventFormat format = captured.message().contentType().value().endsWith("json") ? EventFormat.JSON
                    : EventFormat.PLAIN;
            byte[] written = EventWire.frame(captured.event(), format);

            // then
            assertThat(new String(written, StandardCharsets.UTF_8)).as(capture + ": " + captured.event())
                    .isEqualTo(withoutRepeatedHeaders(captured.text(), format));
        }
        assertThat(events).isNotEmpty();
    }

    @Test
    void shouldWriteTheSameEventInEitherFormatSoBothDecodeToIt() {
        // given a captured event with a nested body
        EslEvent job = CapturedEvents.backgroundJob();

        // when
        byte[] plain = EventWire.frame(job, EventFormat.PLAIN);
        byte[] json = EventWire.frame(job, EventFormat.JSON);

        // then
        assertThat(decode(plain)).isEqualTo(job);
        assertThat(decode(json)).isEqualTo(job);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("Content-Length: ")
                .contains("\nContent-Type: text/event-json\n\n{\"Event-Name\":\"BACKGROUND_JOB\"")
                .endsWith(",\"Content-Length\":\"41\",\"_body\":\"+OK c1a6a04a-8424-453b-a8ee-22133e812403\\n\"}");
    }

    @Test
    void shouldUrlEncodeValuesWithFreeSwitchsUnsafeSetAndUtf8Bytes() {
        assertThat(EventWire.urlEncode("tone_stream://%(500,500,440);loops=3"))
                .isEqualTo("tone_stream%3A//%25(500,500,440)%3Bloops%3D3");
        assertThat(EventWire.urlEncode("Zoë +1 {x}")).isEqualTo("Zo%C3%AB%20%2B1%20%7Bx%7D");
    }

    /** The captured frame as it would be had FreeSWITCH sent each header name once (first place, same value). */
    private static String withoutRepeatedHeaders(String frame, EventFormat format) {
        int bodyStart = frame.indexOf("\n\n") + 2;
        String body = frame.substring(bodyStart);
        Set<String> seen = new HashSet<>();
        if (format == EventFormat.PLAIN) {
            int headersEnd = body.indexOf("\n\n");
            StringBuilder kept = new StringBuilder();
            for (String line : body.substring(0, headersEnd).split("\n")) {
                if (seen.add(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT))) {
                    kept.append(line).append('\n');
                }
            }
            body = kept + body.substring(headersEnd + 1);
        } else {
            try (JsonParser parser = JSON.createParser(body)) {
                parser.nextToken();
                for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                    String name = parser.currentName();
                    parser.nextToken();
                    String member = ",\"" + name + "\":" + JSON.writeValueAsString(parser.getString());
                    if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                        int repeat = body.lastIndexOf(member);
                        body = body.substring(0, repeat) + body.substring(repeat + member.length());
                    }
                }
            }
        }
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\nContent-Type: text/event-"
                + format.wire() + "\n\n" + body;
    }

    private static EslEvent decode(byte[] frame) {
        return new Captures.Frame((EslMessage) new EslParser().feed(frame).getFirst(), frame).event();
    }
}
