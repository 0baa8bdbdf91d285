package dev.ivrflow.esl.codec;

import dev.ivrflow.esl.codec.EslMalformedFrame.Reason;
import dev.ivrflow.esl.codec.Transcripts.TranscriptStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.ivrflow.esl.codec.EslParserTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec in a Netty pipeline: same frames as the bare parser, the channel closed after a malformed frame,
 * and every buffer released. Buffers are checked twice: by a tracking allocator (deterministic), and by Netty's
 * leak detector at the paranoid level (set by the build, and here), whose reports fail the suite.
 */
class EslNettyCodecTest {
    private static final String REPLY = "Content-Type: command/reply\nReply-Text: +OK\n\n";
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final String DELIBERATE = "deliberate leak from EslNettyCodecTest, proving the leak detector is live";

    @BeforeAll
    static void watchForLeaks() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ByteBufUtil.setLeakListener((type, records) -> LEAKS.add(type + ": " + records));
    }

    @AfterAll
    static void stopWatching() {
        ByteBufUtil.setLeakListener(null);
    }

    @Test
    void shouldDecodeEveryCaptureInAPipelineAsTheParserDoesAndReleaseEveryBuffer() {
        for (TranscriptStream stream : Transcripts.fromFreeSwitch()) {
            // given
            byte[] bytes = stream.bytes();
            TrackingAllocator allocator = new TrackingAllocator();
            EmbeddedChannel channel = channel(allocator);

            // when
            for (byte[] part : Chunking.RANDOM_SMALL_CHUNKS.split(bytes)) {
                channel.writeInbound(allocator.buffer(part.length).writeBytes(part));
            }
            channel.finish();

            // then
            List<Object> frames = drain(channel);
            assertThat(frames).as(stream.toString()).hasSize(stream.summary().size()).allMatch(EslMessage.class::isInstance);
            assertThat(frames).extracting(f -> ((EslMessage) f).wireSize())
                    .containsExactlyElementsOf(stream.summary().stream().map(e -> (long) e.size()).toList());
            assertThat(allocator.unreleased()).as(stream + ": unreleased buffers").isEmpty();
        }
    }

    @Test
    void shouldPassAMalformedFrameOnThenCloseTheChannelAndDiscardTheRest() {
        // given a good frame, then garbage and a good frame in one read, then more input after that
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = channel(allocator);

        // when
        channel.writeInbound(buffer(allocator, REPLY));
        channel.writeInbound(buffer(allocator, "this is not a header\n\n" + REPLY));

        // then
        List<Object> frames = drain(channel);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOf(EslMessage.class);
        assertThat(frames.get(1)).isInstanceOfSatisfying(EslMalformedFrame.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.HEADER_WITHOUT_COLON));
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void shouldDiscardInputThatArrivesAfterAMalformedFrame() {
        // given a decoder that already failed, with no closing handler behind it
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel(new EslDecoder(EslParserLimits.defaults().withMaxBodyBytes(4)));
        channel.config().setAllocator(allocator);
        channel.writeInbound(buffer(allocator, "Content-Type: api/response\nContent-Length: 5\n\n"));

        // when
        channel.writeInbound(buffer(allocator, REPLY), buffer(allocator, REPLY));
        channel.finish();

        // then
        List<Object> frames = drain(channel);
        assertThat(frames).singleElement().isInstanceOfSatisfying(EslMalformedFrame.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.BODY_TOO_LARGE));
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void shouldReportAFrameCutOffByTheChannelClosing() {
        // given
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = channel(allocator);
        channel.writeInbound(buffer(allocator, REPLY + "Content-Type: api/response\nContent-Length: 67\n\nDisconn"));

        // when
        channel.finish();

        // then
        List<Object> frames = drain(channel);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1)).isInstanceOfSatisfying(EslMalformedFrame.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(f.detail()).isEqualTo("the stream ended after 7 of 67 body bytes");
        });
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void shouldReadFromCompositeBuffersWithoutCopyingThemFirst() {
        // given one frame spread over the components of a composite buffer, split inside a UTF-8 character
        byte[] whole = bytes("Content-Type: api/response\nContent-Length: 7\n\nZürich");
        int cut = whole.length - 5; // between the two bytes of 'ü'
        ByteBuf composite = Unpooled.compositeBuffer()
                .addComponent(true, Unpooled.wrappedBuffer(whole, 0, cut))
                .addComponent(true, Unpooled.wrappedBuffer(whole, cut, whole.length - cut));
        EmbeddedChannel channel = new EmbeddedChannel(new EslDecoder());

        // when
        channel.writeInbound(composite);
        channel.finish();

        // then
        assertThat(drain(channel)).singleElement().isInstanceOfSatisfying(EslMessage.class,
                m -> assertThat(m.body()).contains("Zürich"));
        assertThat(composite.refCnt()).isZero();
    }

    @Test
    void shouldWriteCommandsAsTheirEncodedBytes() {
        // given
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel(new EslEncoder());
        channel.config().setAllocator(allocator);
        EslCommand speak = EslExecute.app("speak").arg("flite|kal|Grüße\nzwei Zeilen").eventUuid("s-1").build();

        // when
        channel.writeOutbound(EslCommands.connect(), speak);

        // then
        assertThat(readOutbound(channel)).isEqualTo("connect\n\n");
        assertThat(readOutbound(channel)).isEqualTo(new String(speak.toBytes(), StandardCharsets.UTF_8));
        assertThat(channel.finish()).isFalse();
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void shouldLetTheLeakDetectorReportNothingAfterAllCapturesWentThroughThePipeline() throws InterruptedException {
        // given the detector at its most thorough, and the captures decoded with Netty's default (tracked) buffers
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        for (TranscriptStream stream : Transcripts.fromFreeSwitch()) {
            EmbeddedChannel channel = new EmbeddedChannel(new EslDecoder(), new CloseOnMalformedFrameHandler());
            for (byte[] part : Chunking.RANDOM_SMALL_CHUNKS.split(stream.bytes())) {
                channel.writeInbound(channel.alloc().buffer(part.length).writeBytes(part));
            }
            channel.finishAndReleaseAll();
        }
        // and one buffer leaked on purpose, so a silent detector cannot pass this test
        leakOneBufferOnPurpose();

        // when the collector runs, and tracked allocations give the detector its chance to report
        for (int round = 0; round < 100 && LEAKS.stream().noneMatch(l -> l.contains(DELIBERATE)); round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 10; i++) {
                ByteBufAllocator.DEFAULT.buffer(8).release();
            }
        }

        // then
        assertThat(LEAKS).as("the detector is live").anyMatch(l -> l.contains(DELIBERATE));
        assertThat(LEAKS).as("leaks besides the deliberate one").allMatch(l -> l.contains(DELIBERATE));
    }

    private static void leakOneBufferOnPurpose() {
        ByteBufAllocator.DEFAULT.buffer(8).touch(DELIBERATE).writeInt(42);
    }

    private static EmbeddedChannel channel(TrackingAllocator allocator) {
        EmbeddedChannel channel = new EmbeddedChannel(new EslDecoder(), new CloseOnMalformedFrameHandler());
        channel.config().setAllocator(allocator);
        return channel;
    }

    private static ByteBuf buffer(TrackingAllocator allocator, String text) {
        byte[] bytes = bytes(text);
        return allocator.buffer(bytes.length).writeBytes(bytes);
    }

    private static List<Object> drain(EmbeddedChannel channel) {
        List<Object> frames = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        return frames;
    }

    private static String readOutbound(EmbeddedChannel channel) {
        ByteBuf out = channel.readOutbound();
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }
}
