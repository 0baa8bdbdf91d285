package dev.ivrflow.esl.codec;

import dev.ivrflow.esl.codec.EslMalformedFrame.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Framing, text decoding and the tolerant parts of {@link EslParser}, on hand-made frames. */
class EslParserTest {
    private static final String REPLY = "Content-Type: command/reply\nReply-Text: +OK accepted\n\n";

    @Test
    void shouldReadAHeaderOnlyFrameWithItsValues() {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes(REPLY));

        // then
        assertThat(frames).singleElement().isInstanceOfSatisfying(EslMessage.class, m -> {
            assertThat(m.contentType()).isEqualTo(EslContentType.COMMAND_REPLY);
            assertThat(m.replyText()).contains("+OK accepted");
            assertThat(m.hasBody()).isFalse();
            assertThat(m.wireSize()).isEqualTo(REPLY.length());
        });
    }

    @Test
    void shouldReadExactlyContentLengthBytesOfBodyWithNoTerminatorAfterIt() {
        // given a body followed at once by the next frame, as FreeSWITCH sends them
        String api = "Content-Type: api/response\nContent-Length: 4\n\n+OK\n";

        // when
        List<EslFrame> frames = new EslParser().feed(bytes(api + REPLY));

        // then
        assertThat(frames).hasSize(2);
        assertThat(((EslMessage) frames.get(0)).body()).contains("+OK\n");
        assertThat(((EslMessage) frames.get(1)).replyText()).contains("+OK accepted");
    }

    @Test
    void shouldKeepAnEmptyBodyForContentLengthZeroAsInTheLingerNotice() {
        // when
        EslMessage notice = single("Content-Type: text/disconnect-notice\nContent-Disposition: linger\n"
                + "Content-Length: 0\n\n");

        // then
        assertThat(notice.hasBody()).isTrue();
        assertThat(notice.body()).contains("");
    }

    @Test
    void shouldNotDependOnContentTypeComingFirst() {
        // when
        EslMessage message = single("Content-Length: 2\nX-Custom: a\nContent-Type: log/data\n\nhi");

        // then
        assertThat(message.contentType()).isEqualTo(EslContentType.LOG_DATA);
        assertThat(message.body()).contains("hi");
    }

    @Test
    void shouldKeepUnknownContentTypesAndHeaders() {
        // when
        EslMessage message = single("Content-Type: text/something-new\nX-Brand-New: 1\n\n");

        // then
        assertThat(message.contentType().value()).isEqualTo("text/something-new");
        assertThat(message.contentType().isKnown()).isFalse();
        assertThat(message.header("x-brand-new")).contains("1");
    }

    @Test
    void shouldKeepTheLastValueOfARepeatedHeaderWithoutFailing() {
        // when
        EslMessage message = single("Content-Type: command/reply\nReply-Text: +OK first\nreply-text: +OK last\n\n");

        // then
        assertThat(message.replyText()).contains("+OK last");
        assertThat(message.headers().names()).containsExactly("Content-Type", "Reply-Text");
    }

    @Test
    void shouldPercentDecodeHeaderValuesButKeepPlusSigns() {
        // when the connect reply's encoded Reply-Text and a raw one
        EslMessage connect = single("Content-Type: command/reply\nReply-Text: %2BOK%0A\n"
                + "variable_current_application_data: 127.0.0.1%3A8084%20async%20full\n\n");
        EslMessage plain = single("Content-Type: command/reply\nReply-Text: +OK Job-UUID: abc\n\n");

        // then
        assertThat(connect.replyText()).contains("+OK\n");
        assertThat(connect.header("variable_current_application_data")).contains("127.0.0.1:8084 async full");
        assertThat(plain.replyText()).contains("+OK Job-UUID: abc");
    }

    @Test
    void shouldTolerateCrLfLineEndsAndBlankLinesBetweenFrames() {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes("\n\r\nContent-Type: auth/request\r\n\r\n\n" + REPLY));

        // then
        assertThat(frames).hasSize(2).allMatch(EslMessage.class::isInstance);
        assertThat(((EslMessage) frames.get(0)).contentType()).isEqualTo(EslContentType.AUTH_REQUEST);
    }

    @Test
    void shouldDecodeUtf8SplitAcrossChunksAtEveryPossibleCut() {
        // given header and body text whose characters take 2, 3 and 4 bytes
        String body = "Grüße aus Zürich, 東京 🎉\n";
        byte[] frame = bytes("Content-Type: api/response\nCaller-Name: José Ñoño 日本\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body);

        for (int cut = 1; cut < frame.length; cut++) {
            // when
            EslParser parser = new EslParser();
            List<EslFrame> frames = new ArrayList<>(parser.feed(Arrays.copyOfRange(frame, 0, cut)));
            frames.addAll(parser.feed(Arrays.copyOfRange(frame, cut, frame.length)));

            // then
            assertThat(frames).as("cut at byte %d", cut).singleElement().isInstanceOfSatisfying(EslMessage.class, m -> {
                assertThat(m.header("Caller-Name")).contains("José Ñoño 日本");
                assertThat(m.body()).contains(body);
            });
        }
    }

    @Test
    void shouldReadFromADirectByteBufferAndConsumeIt() {
        // given
        ByteBuffer direct = ByteBuffer.allocateDirect(REPLY.length() * 2);
        direct.put(bytes(REPLY + REPLY)).flip();

        // when
        List<EslFrame> frames = new EslParser().feed(direct);

        // then
        assertThat(frames).hasSize(2);
        assertThat(direct.hasRemaining()).isFalse();
    }

    // --- malformed input: a value, never an exception, and nothing parsed after it

    @Test
    void shouldRejectAHeaderLineLongerThanTheLimitEvenBeforeItsNewlineArrives() {
        // given
        EslParser parser = new EslParser(EslParserLimits.defaults().withMaxHeaderLineBytes(32));
        String longLine = "Content-Type: " + "x".repeat(40);

        // when the line arrives in pieces and never ends
        List<EslFrame> frames = new ArrayList<>();
        for (int at = 0; at < longLine.length(); at += 5) {
            frames.addAll(parser.feed(bytes(longLine.substring(at, Math.min(longLine.length(), at + 5)))));
        }

        // then
        assertThat(malformed(frames).reason()).isEqualTo(Reason.HEADER_LINE_TOO_LONG);
        assertThat(malformed(frames).detail()).contains("longer than 32 bytes", "'Content-Type: xxx");
    }

    @Test
    void shouldAcceptAHeaderLineOfExactlyTheLimit() {
        // given
        String line = "Content-Type: api/response";
        EslParser parser = new EslParser(EslParserLimits.defaults().withMaxHeaderLineBytes(line.length()));

        // when
        List<EslFrame> frames = parser.feed(bytes(line + "\n\n"));

        // then
        assertThat(frames).singleElement().isInstanceOf(EslMessage.class);
    }

    @Test
    void shouldRejectMoreHeadersThanTheLimit() {
        // given
        EslParser parser = new EslParser(EslParserLimits.defaults().withMaxHeaders(3));

        // when
        List<EslFrame> ok = parser.feed(bytes("Content-Type: a/b\nA: 1\nB: 2\n\n"));
        List<EslFrame> tooMany = parser.feed(bytes("Content-Type: a/b\nA: 1\nB: 2\nC: 3\n\n"));

        // then
        assertThat(ok).singleElement().isInstanceOf(EslMessage.class);
        assertThat(malformed(tooMany).reason()).isEqualTo(Reason.TOO_MANY_HEADERS);
    }

    @Test
    void shouldRejectABodyLargerThanTheLimitBeforeBufferingIt() {
        // given
        EslParser parser = new EslParser(EslParserLimits.defaults().withMaxBodyBytes(10));

        // when
        List<EslFrame> ok = parser.feed(bytes("Content-Type: api/response\nContent-Length: 10\n\n0123456789"));
        List<EslFrame> tooLarge = parser.feed(bytes("Content-Type: api/response\nContent-Length: 11\n\n"));

        // then
        assertThat(ok).singleElement().isInstanceOf(EslMessage.class);
        assertThat(malformed(tooLarge).reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(malformed(tooLarge).detail()).contains("11", "limit of 10 bytes");
    }

    @Test
    void shouldRejectAHugeContentLengthAsTooLarge() {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes("Content-Type: a/b\nContent-Length: 99999999999999999999999\n\n"));

        // then
        assertThat(malformed(frames).reason()).isEqualTo(Reason.BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+5", "abc", "", "1.5", "0x10", "12 34", "٣"})
    void shouldRejectAContentLengthThatIsNotAPlainNonNegativeNumber(String value) {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes("Content-Type: api/response\nContent-Length: " + value + "\n\nxyz"));

        // then
        assertThat(malformed(frames).reason()).isEqualTo(Reason.BAD_CONTENT_LENGTH);
        assertThat(malformed(frames).detail()).contains("'" + value + "'");
    }

    @Test
    void shouldRejectAHeaderLineWithoutAColon() {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes(REPLY + "Content-Type command/reply\n\n"));

        // then
        assertThat(frames.getFirst()).isInstanceOf(EslMessage.class);
        EslMalformedFrame failure = malformed(frames);
        assertThat(failure.reason()).isEqualTo(Reason.HEADER_WITHOUT_COLON);
        assertThat(failure.streamOffset()).isEqualTo(REPLY.length() + "Content-Type command/reply\n".length());
        assertThat(failure.describe()).contains("'Content-Type command/reply'");
    }

    @Test
    void shouldRejectAHeaderLineWithoutAName() {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes(": value\n\n"));

        // then
        assertThat(malformed(frames).reason()).isEqualTo(Reason.EMPTY_HEADER_NAME);
    }

    @Test
    void shouldRejectAHeaderBlockWithoutContentType() {
        // when
        List<EslFrame> frames = new EslParser().feed(bytes("Reply-Text: +OK\n\n"));

        // then
        assertThat(malformed(frames).reason()).isEqualTo(Reason.MISSING_CONTENT_TYPE);
    }

    @Test
    void shouldReportAStreamThatEndsInsideTheHeaders() {
        // given
        EslParser parser = new EslParser();
        parser.feed(bytes(REPLY + "Content-Type: command/reply\nReply-Te"));

        // when
        var truncated = parser.endOfInput();

        // then
        assertThat(truncated).get().extracting(EslMalformedFrame::reason).isEqualTo(Reason.TRUNCATED);
        assertThat(truncated.orElseThrow().detail()).contains("1 complete header line(s)", "8 byte(s) of the next");
    }

    @Test
    void shouldReportAStreamThatEndsInsideTheBody() {
        // given
        EslParser parser = new EslParser();
        parser.feed(bytes("Content-Type: api/response\nContent-Length: 67\n\nDisconnected"));

        // when
        var truncated = parser.endOfInput();

        // then
        assertThat(truncated).get().extracting(EslMalformedFrame::detail).isEqualTo("the stream ended after 12 of 67 body bytes");
    }

    @Test
    void shouldReportNothingWhenTheStreamEndsBetweenFrames() {
        // given
        EslParser parser = new EslParser();
        parser.feed(bytes(REPLY));

        // when / then
        assertThat(parser.endOfInput()).isEmpty();
        assertThat(parser.feed(bytes(REPLY))).as("nothing is parsed after the end").isEmpty();
    }

    @Test
    void shouldIgnoreEverythingAfterAMalformedFrame() {
        // given
        EslParser parser = new EslParser();
        List<EslFrame> first = parser.feed(bytes("garbage\n" + REPLY));

        // when
        List<EslFrame> later = parser.feed(bytes(REPLY + REPLY));

        // then
        assertThat(first).singleElement().isInstanceOf(EslMalformedFrame.class);
        assertThat(later).isEmpty();
        assertThat(parser.isFailed()).isTrue();
        assertThat(parser.endOfInput()).isEmpty();
        assertThat(parser.offset()).isEqualTo("garbage\n".length() + 3L * REPLY.length());
    }

    @Test
    void shouldTurnRandomGarbageIntoOneMalformedFrameWithoutThrowing() {
        Random random = new Random(Chunking.SEED);
        for (int round = 0; round < 200; round++) {
            // given
            byte[] garbage = new byte[1 + random.nextInt(20_000)];
            random.nextBytes(garbage);
            EslParser parser = new EslParser();

            // when
            List<EslFrame> frames = new ArrayList<>();
            for (byte[] part : Chunking.RANDOM_SMALL_CHUNKS.split(garbage)) {
                frames.addAll(parser.feed(part));
            }
            parser.endOfInput().ifPresent(frames::add);

            // then
            assertThat(frames).as("round %d", round).hasSize(1).first().isInstanceOf(EslMalformedFrame.class);
        }
    }

    @Test
    void shouldTurnBinaryWithoutNewlinesIntoALineTooLong() {
        // given
        byte[] binary = new byte[EslParserLimits.DEFAULT_MAX_HEADER_LINE_BYTES + 1];
        new Random(1).nextBytes(binary);
        for (int i = 0; i < binary.length; i++) {
            binary[i] = binary[i] == '\n' ? 0 : binary[i];
        }

        // when
        List<EslFrame> frames = new EslParser().feed(binary);

        // then
        assertThat(malformed(frames).reason()).isEqualTo(Reason.HEADER_LINE_TOO_LONG);
        assertThat(malformed(frames).detail()).matches(".*'(\\\\x[0-9A-F]{2}|[ -~])+'\\.\\.\\.$");
    }

    private static EslMessage single(String frame) {
        List<EslFrame> frames = new EslParser().feed(bytes(frame));
        assertThat(frames).hasSize(1);
        return (EslMessage) frames.getFirst();
    }

    private static EslMalformedFrame malformed(List<EslFrame> frames) {
        assertThat(frames).last().isInstanceOf(EslMalformedFrame.class);
        return (EslMalformedFrame) frames.getLast();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
