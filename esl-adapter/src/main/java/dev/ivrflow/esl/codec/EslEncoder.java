package dev.ivrflow.esl.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link EslCommand}s. Commands are checked and encoded when built, so nothing can fail here.
 * Stateless, so one instance can serve every channel.
 */
@ChannelHandler.Sharable
public final class EslEncoder extends MessageToByteEncoder<EslCommand> {
    public EslEncoder() {
        super(EslCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, EslCommand command, ByteBuf out) {
        out.writeBytes(command.encoded());
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, EslCommand command, boolean preferDirect) {
        int size = command.encodedLength();
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }
}
