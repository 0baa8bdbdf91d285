package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEventReader;
import dev.ivrflow.esl.codec.EslEventResult;
import dev.ivrflow.esl.codec.EslMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Turns {@code text/event-plain} and {@code text/event-json} messages into {@link dev.ivrflow.esl.codec.EslEvent}s.
 * An event that cannot be read is logged with the reason and dropped; the connection stays up, because its framing
 * is intact and the next event may be one a call is waiting for.
 */
@ChannelHandler.Sharable
final class EventDecodingHandler extends ChannelInboundHandlerAdapter {
    static final EventDecodingHandler INSTANCE = new EventDecodingHandler();

    private static final System.Logger LOG = System.getLogger(EventDecodingHandler.class.getName());

    private EventDecodingHandler() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof EslMessage message) || !message.contentType().isEvent()) {
            ctx.fireChannelRead(msg);
            return;
        }
        switch (EslEventReader.read(message)) {
            case EslEventResult.Decoded decoded -> ctx.fireChannelRead(decoded.event());
            case EslEventResult.Undecodable undecodable -> LOG.log(System.Logger.Level.WARNING,
                    "dropping an event from FreeSWITCH at {0}: {1}", ctx.channel().remoteAddress(), undecodable.reason());
        }
    }
}
