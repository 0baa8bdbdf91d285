package dev.ivrflow.esl.codec;

import dev.ivrflow.esl.codec.Transcripts.SummaryEntry;
import dev.ivrflow.esl.codec.Transcripts.TranscriptStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stream FreeSWITCH sent in the captures, decoded whole, in random small chunks and byte by byte, must give
 * exactly the messages its {@code .summary} lists: same count, sizes, content types, event names and values.
 */
class TranscriptDecodingTest {
    /** The keys the summaries print as {@code Key=value} on EVENT lines; a value runs up to the next key. */
    private static final Pattern SUMMARY_KEY = Pattern.compile(" (Application|Application-Data|Application-Response"
            + "|Application-UUID|DTMF-Digit|DTMF-Duration|DTMF-Source|Hangup-Cause|Channel-State|Channel-Call-State"
            + "|Answer-State|Event-Subclass|Action|CC-Action|CC-Cause|Job-UUID|Other-Leg-Unique-ID|Record-File-Path"
            + "|_body)=");
    private static final Pattern QUOTED_VARIABLE = Pattern.compile("(\\w+)='((?:[^'\\\\]|\\\\.)*)'");

    static Stream<Arguments> streamsAndChunkings() {
        return Transcripts.fromFreeSwitch().stream()
                .flatMap(stream -> Stream.of(Chunking.values()).map(chunking -> Arguments.of(stream, chunking)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streamsAndChunkings")
    void shouldDecodeEveryCapturedFrameAsItsSummaryDescribesIt(TranscriptStream stream, Chunking chunking) {
        // given
        byte[] bytes = stream.bytes();
        List<SummaryEntry> expected = stream.summary();
        EslParser parser = new EslParser();

        // when
        List<EslFrame> frames = chunking.feed(parser, bytes);

        // then
        assertThat(parser.endOfInput()).as("the capture ends between frames").isEmpty();
        assertThat(frames).hasSize(expected.size()).allMatch(EslMessage.class::isInstance);
        assertThat(parser.offset()).isEqualTo(bytes.length);
        for (int i = 0; i < expected.size(); i++) {
            assertMatches((EslMessage) frames.get(i), expected.get(i), stream + " message #" + (i + 1));
        }
    }

    private static void assertMatches(EslMessage message, SummaryEntry entry, String where) {
        assertThat(message.wireSize()).as(where + " size").isEqualTo(entry.size());
        switch (entry.kind()) {
            case "EVENT" -> assertEventMatches(message, entry, where);
            case "command/reply" -> {
                assertThat(message.contentType()).as(where).isEqualTo(EslContentType.COMMAND_REPLY);
                assertThat(message.replyText().orElseThrow().strip()).as(where + " Reply-Text")
                        .isEqualTo(PercentDecoding.decode(entry.text().replaceFirst(" {2}\\[.*$", "")).strip());
            }
            case "api/response", "text/disconnect-notice" -> {
                assertThat(message.contentType().value()).as(where).isEqualTo(entry.kind());
                String shown = entry.text().replaceFirst(" \\[hdrs: .*$", "").strip();
                assertThat(message.body().orElse("").replace("\n", "\\n")).as(where + " body").startsWith(shown);
            }
            default -> assertThat(message.contentType().value()).as(where).isEqualTo(entry.kind());
        }
    }

    private static void assertEventMatches(EslMessage message, SummaryEntry entry, String where) {
        assertThat(message.contentType()).as(where).isIn(EslContentType.EVENT_PLAIN, EslContentType.EVENT_JSON);
        EslEventResult result = EslEventReader.read(message);
        assertThat(result).as(where).isInstanceOf(EslEventResult.Decoded.class);
        EslEvent event = result.asOptional().orElseThrow();

        assertThat(event.name()).as(where + " Event-Name").isEqualTo(entry.text().split(" ", 2)[0]);
        for (String[] keyValue : keyValues(entry.text())) {
            if (keyValue[0].equals("_body")) {
                assertThat(event.body()).as(where + " body").contains(unquote(keyValue[1]));
            } else {
                assertThat(event.header(keyValue[0])).as(where + " " + keyValue[0]).contains(keyValue[1]);
            }
        }
        for (String detail : entry.details()) {
            if (detail.startsWith("+vars:")) {
                Matcher m = QUOTED_VARIABLE.matcher(detail);
                while (m.find()) {
                    String value = unquote(m.group(2));
                    String variable = m.group(1);
                    if (value.endsWith("....")) { // the summary shortened it
                        assertThat(event.variable(variable)).as(where + " " + variable).get().asString()
                                .startsWith(value.substring(0, value.length() - 4));
                    } else {
                        assertThat(event.variable(variable)).as(where + " " + variable).contains(value);
                    }
                }
            } else if (detail.startsWith("-vars:")) {
                for (String variable : detail.substring("-vars:".length()).split(",")) {
                    assertThat(event.variable(variable.strip())).as(where + " removed " + variable).isEmpty();
                }
            }
        }
    }

    private static List<String[]> keyValues(String text) {
        List<String[]> pairs = new ArrayList<>();
        Matcher m = SUMMARY_KEY.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] - 1 : text.length();
            String key = text.substring(spans.get(i)[0], spans.get(i)[1] - 1);
            pairs.add(new String[] {key, text.substring(spans.get(i)[1], valueEnd).strip()});
        }
        return pairs;
    }

    /** Undoes the summary's Python-style quoting: {@code '+OK x\n'} becomes the text with a real newline. */
    private static String unquote(String value) {
        String inner = value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
        return inner.replace("\\n", "\n").replace("\\'", "'").replace("\\\\", "\\");
    }
}
