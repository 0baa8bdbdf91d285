package dev.ivrflow.esl.codec;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Put after {@link EslDecoder}: passes every frame on, and after a malformed one logs it and closes the channel,
 * since a stream whose framing is lost cannot be trusted again. The frame still reaches the handlers behind, so
 * a call can be failed with the reason instead of waiting for an event that will never come.
 */
@ChannelHandler.Sharable
public final class CloseOnMalformedFrameHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(CloseOnMalformedFrameHandler.class.getName());

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.fireChannelRead(msg);
        if (msg instanceof EslMalformedFrame malformed) {
            LOG.log(System.Logger.Level.WARNING, "closing {0}: {1}", ctx.channel().remoteAddress(), malformed.describe());
            ctx.close();
        }
    }
}
