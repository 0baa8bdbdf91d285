package dev.ivrflow.benchmarks.esl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every decoder of the codec benchmark decodes the same number of messages from every corpus, at any read size. */
class DecoderParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"outbound", "plain", "all"})
    void shouldDecodeTheSameNumberOfMessagesWithEveryDecoder(String corpus) {
        byte[] stream = CapturedStreams.bytes(corpus);
        for (int read : new int[]{1460, 65536, 7}) {
            byte[][] reads = CapturedStreams.chunks(stream, read);
            int expected = StreamDecoders.create("oursParser").feed(reads, m -> { });
            List<String> counts = new ArrayList<>();
            for (String name : StreamDecoders.names()) {
                // twice on one instance: the benchmark feeds the corpus again and again to the same decoder
                StreamDecoders decoder = StreamDecoders.create(name);
                counts.add(name + "=" + decoder.feed(reads, m -> { }) + "+" + decoder.feed(reads, m -> { }));
            }
            assertThat(counts).as("corpus %s, reads of %d bytes", corpus, read)
                    .allMatch(c -> c.endsWith("=" + expected + "+" + expected));
        }
    }
}
