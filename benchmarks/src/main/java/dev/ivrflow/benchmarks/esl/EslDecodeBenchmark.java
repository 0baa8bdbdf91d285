package dev.ivrflow.benchmarks.esl;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Decoding the captured FreeSWITCH→application streams ({@link CapturedStreams}), our codec against
 * org.freeswitch.esl.client 0.9.2's ({@link StreamDecoders}), in one run. One operation decodes the whole corpus,
 * read by read ({@code read} bytes at a time, as a socket hands them over); {@code decode:messages} is messages per
 * second (frames, or the events made of them). Every decoder decodes the same number of messages from each corpus
 * (checked when the trial starts, and by DecoderParityTest).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EslDecodeBenchmark -rf json -rff target/esl-decode.json
 * java -cp benchmarks/target/benchmarks.jar dev.ivrflow.benchmarks.esl.DecoderSummary target/esl-decode.json
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EslDecodeBenchmark {
    /** oursParser, oursParserEvents, oursNetty, oursNettyEvents, theirsFrames, theirsEvents. */
    @Param({"oursParser", "oursParserEvents", "oursNetty", "oursNettyEvents", "theirsFrames", "theirsEvents"})
    public String decoder;

    /** outbound (every *.FS_to_APP.raw: event-json), plain (capture 03: event-plain), all (every *FS_to_*.raw). */
    @Param({"outbound", "plain"})
    public String corpus;

    /** Bytes per socket read: 1460 (one Ethernet-sized segment) or 65536 (Netty's largest adaptive read). */
    @Param({"1460", "65536"})
    public int read;

    byte[][] reads;
    StreamDecoders instance;
    int expected;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counter {
        public long messages;

        @Setup(Level.Iteration)
        public void reset() {
            messages = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        reads = CapturedStreams.chunks(CapturedStreams.bytes(corpus), read);
        expected = StreamDecoders.create("oursParser").feed(reads, m -> { });
        instance = StreamDecoders.create(decoder);
        int decoded = StreamDecoders.create(decoder).feed(reads, m -> { });
        if (decoded != expected) {
            throw new IllegalStateException(decoder + " decoded " + decoded + " messages of corpus " + corpus
                    + ", EslParser " + expected);
        }
    }

    @Benchmark
    public int decode(Counter counter, Blackhole blackhole) {
        int n = instance.feed(reads, blackhole::consume);
        counter.messages += n;
        return n;
    }
}
