package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslMessage;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.util.ArrayDeque;

/**
 * Pairs each {@code command/reply} and {@code api/response} with the command it answers. FreeSWITCH handles one
 * connection's commands one after another and answers each exactly once, so the answers come back in the order the
 * commands went out: a queue is enough, and it is filled here, in {@code write}, in wire order.
 *
 * <p>A command that times out keeps its place in the queue: its late answer still arrives, and taking it out would
 * hand that answer to the next caller. The late answer is dropped instead. Everything else (events, notices) is
 * passed on. One instance per channel; all of it runs on the channel's event loop.
 */
final class ReplyCorrelator extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(ReplyCorrelator.class.getName());

    private final String target;
    private final ArrayDeque<PendingReply> awaiting = new ArrayDeque<>();
    private boolean closed;

    ReplyCorrelator(String target) {
        this.target = target;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof PendingReply pending)) {
            ctx.write(msg, promise);
            return;
        }
        if (closed) {
            EslConnectionException error = new EslConnectionException("the connection to FreeSWITCH at " + target
                    + " is closed; '" + pending.reply().description() + "' was not sent");
            pending.reply().fail(error);
            promise.tryFailure(error);
            return;
        }
        awaiting.add(pending);
        pending.reply().startTimer(ctx.executor(), "answer", () -> { });
        promise.addListener(written -> {
            if (!written.isSuccess() && awaiting.remove(pending)) {
                pending.reply().fail(new EslConnectionException("could not send '" + pending.reply().description()
                        + "' to FreeSWITCH at " + target, written.cause()));
            }
        });
        ctx.write(pending.command(), promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EslMessage message && isReply(message)) {
            PendingReply pending = awaiting.poll();
            if (pending == null) {
                LOG.log(System.Logger.Level.WARNING, "FreeSWITCH at {0} sent a reply no command was waiting for: {1}",
                        target, message);
            } else if (!pending.reply().complete(message)) {
                LOG.log(System.Logger.Level.DEBUG, "dropping the late answer to ''{0}'' from {1}",
                        pending.reply().description(), target);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        failAll();
    }

    /** Commands written but not yet answered (timed-out ones included, until their answer arrives). */
    int awaitingCount() {
        return awaiting.size();
    }

    private static boolean isReply(EslMessage message) {
        return message.is(EslContentType.API_RESPONSE) || message.is(EslContentType.COMMAND_REPLY);
    }

    private void failAll() {
        closed = true;
        for (PendingReply pending; (pending = awaiting.poll()) != null; ) {
            pending.reply().fail(new EslConnectionException("the connection to FreeSWITCH at " + target
                    + " closed before it answered '" + pending.reply().description() + "'"));
        }
    }
}
