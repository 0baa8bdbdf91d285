package dev.ivrflow.esl.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Netty face of {@link EslParser}: emits {@link EslMessage}s and, at most once, an {@link EslMalformedFrame},
 * after which input is discarded (released, never parsed). A frame cut off when the channel closes is reported
 * as {@link EslMalformedFrame.Reason#TRUNCATED}. The parser keeps its own bounded buffers, so every inbound
 * buffer is consumed whole and the cumulation never grows. One instance per channel.
 */
public final class EslDecoder extends ByteToMessageDecoder {
    private final EslParser parser;

    public EslDecoder() {
        this(EslParserLimits.defaults());
    }

    public EslDecoder(EslParserLimits limits) {
        this.parser = new EslParser(limits);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int readable = in.readableBytes();
        if (parser.isFailed()) {
            in.skipBytes(readable);
            return;
        }
        int count = in.nioBufferCount();
        if (count == 1) {
            parser.feed(in.nioBuffer(in.readerIndex(), readable), out::add);
        } else if (count > 1) {
            for (ByteBuffer part : in.nioBuffers(in.readerIndex(), readable)) {
                parser.feed(part, out::add);
            }
        } else {
            parser.feed(ByteBuffer.wrap(ByteBufUtil.getBytes(in, in.readerIndex(), readable, false)), out::add);
        }
        in.skipBytes(readable);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        parser.endOfInput().ifPresent(out::add);
    }
}
