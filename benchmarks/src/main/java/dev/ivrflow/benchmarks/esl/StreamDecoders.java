package dev.ivrflow.benchmarks.esl;

import dev.ivrflow.esl.codec.EslDecoder;
import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EslParser;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.freeswitch.esl.client.transport.event.EslEvent;
import org.freeswitch.esl.client.transport.message.EslFrameDecoder;
import org.jboss.netty.buffer.ChannelBuffers;
import org.jboss.netty.handler.codec.embedder.DecoderEmbedder;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * The decoders the codec benchmark compares, each fed a captured stream read by read. One instance is one
 * connection: it keeps its state from one stream to the next, which is valid because every capture ends between
 * frames. {@link #feed} hands every decoded object to the sink and returns how many there were.
 */
public abstract sealed class StreamDecoders {
    /** What each decoder hands on per frame: a message, or for the "events" variants an event where it makes one. */
    public abstract int feed(byte[][] reads, Consumer<Object> sink);

    public abstract String describe();

    public static List<String> names() {
        return List.of("oursParser", "oursParserEvents", "oursNetty", "oursNettyEvents", "theirsFrames", "theirsEvents");
    }

    public static StreamDecoders create(String name) {
        return switch (name) {
            case "oursParser" -> new OursParser(false);
            case "oursParserEvents" -> new OursParser(true);
            case "oursNetty" -> new OursNetty(false);
            case "oursNettyEvents" -> new OursNetty(true);
            case "theirsFrames" -> new Theirs(false);
            case "theirsEvents" -> new Theirs(true);
            default -> throw new IllegalArgumentException("unknown decoder " + name + "; one of " + names());
        };
    }

    /** Our EslParser with no Netty; with {@code events}, each event message is read into an EslEvent too. */
    static final class OursParser extends StreamDecoders {
        private final EslParser parser = new EslParser();
        private final boolean events;
        private Consumer<Object> sink;
        private int count;
        private final Consumer<EslFrame> frames = this::frame;

        OursParser(boolean events) {
            this.events = events;
        }

        @Override
        public int feed(byte[][] reads, Consumer<Object> sink) {
            this.sink = sink;
            count = 0;
            for (byte[] read : reads) {
                parser.feed(ByteBuffer.wrap(read), frames);
            }
            return count;
        }

        private void frame(EslFrame frame) {
            count++;
            if (events && frame instanceof EslMessage message && message.contentType().isEvent()) {
                sink.accept(EslEventReader.read(message));
            } else {
                sink.accept(frame);
            }
        }

        @Override
        public String describe() {
            return "EslParser" + (events ? " + EslEventReader" : "");
        }
    }

    /**
     * Our EslDecoder in an EmbeddedChannel; with {@code events}, followed by what the outbound pipeline does next
     * (the runtime's EslEventDecoding, package-private, reimplemented here line for line: an event message becomes
     * an EslEvent).
     */
    static final class OursNetty extends StreamDecoders {
        private final EmbeddedChannel channel;
        private final boolean events;

        OursNetty(boolean events) {
            this.events = events;
            channel = events ? new EmbeddedChannel(new EslDecoder(), new EventDecoding()) : new EmbeddedChannel(new EslDecoder());
        }

        @Override
        public int feed(byte[][] reads, Consumer<Object> sink) {
            int count = 0;
            for (byte[] read : reads) {
                channel.writeInbound(Unpooled.wrappedBuffer(read));
                for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
                    count++;
                    sink.accept(message);
                }
            }
            return count;
        }

        @Override
        public String describe() {
            return "EslDecoder in an EmbeddedChannel" + (events ? " + event decoding" : "");
        }

        @ChannelHandler.Sharable
        private static final class EventDecoding extends ChannelInboundHandlerAdapter {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof EslMessage message && message.contentType().isEvent()) {
                    if (EslEventReader.read(message) instanceof EslEventResult.Decoded decoded) {
                        ctx.fireChannelRead(decoded.event());
                    } else {
                        ctx.fireChannelRead(msg); // counted all the same: the benchmark checks counts, not content
                    }
                    return;
                }
                ctx.fireChannelRead(msg);
            }
        }
    }

    /**
     * The peer: org.freeswitch.esl.client 0.9.2's EslFrameDecoder (a Netty 3 ReplayingDecoder) in Netty 3's
     * DecoderEmbedder. Constructed as its outbound pipeline does, {@code (8192, true)}: unknown outer headers are
     * kept as body lines; without that flag it throws on the connect reply (the channel data are headers it does
     * not know) and on disconnect notices. With {@code events}, a {@code text/event-plain} message becomes its
     * EslEvent, exactly what its client handler does; it has nothing for {@code text/event-json} (its client handler
     * logs "Unexpected message content type" and drops the message), so those stay raw body lines.
     */
    static final class Theirs extends StreamDecoders {
        private final DecoderEmbedder<Object> embedder = new DecoderEmbedder<>(new EslFrameDecoder(8192, true));
        private final boolean events;

        Theirs(boolean events) {
            this.events = events;
        }

        @Override
        public int feed(byte[][] reads, Consumer<Object> sink) {
            int count = 0;
            for (byte[] read : reads) {
                embedder.offer(ChannelBuffers.wrappedBuffer(read));
                for (Object message = embedder.poll(); message != null; message = embedder.poll()) {
                    count++;
                    if (events && message instanceof org.freeswitch.esl.client.transport.message.EslMessage m
                            && "text/event-plain".equals(m.getContentType())) {
                        sink.accept(new EslEvent(m));
                    } else {
                        sink.accept(message);
                    }
                }
            }
            return count;
        }

        @Override
        public String describe() {
            return "org.freeswitch.esl.client 0.9.2 EslFrameDecoder(8192, true) in Netty 3 DecoderEmbedder"
                    + (events ? " + EslEvent for text/event-plain" : "");
        }
    }
}
