package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Turns {@code text/event-json} and {@code text/event-plain} messages into {@link dev.ivrflow.esl.codec.EslEvent}s
 * once, so the handlers behind read events, not bodies. Every other frame passes unchanged. An event body that
 * cannot be read is logged and dropped: the frame itself was well formed, so the stream stays usable.
 */
@ChannelHandler.Sharable
final class EslEventDecoding extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(EslEventDecoding.class.getName());

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EslMessage message && message.contentType().isEvent()) {
            switch (EslEventReader.read(message)) {
                case EslEventResult.Decoded decoded -> ctx.fireChannelRead(decoded.event());
                case EslEventResult.Undecodable undecodable -> LOG.log(System.Logger.Level.WARNING,
                        "{0}: an event could not be read and was dropped: {1}", ctx.channel().remoteAddress(),
                        undecodable.reason());
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
