package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.channel.EslRequestFailed.Kind;
import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslMessage;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Matches what FreeSWITCH sends back to the commands that caused it, and nothing else (STYLE 9):
 * <ul>
 *   <li>{@code command/reply} and {@code api/response} answer commands strictly in the order they were written, so
 *       they complete the oldest waiting {@link EslRequest} (one FIFO for both: mod_event_socket handles one
 *       command at a time per socket);</li>
 *   <li>CHANNEL_EXECUTE_COMPLETE completes the execute whose Event-UUID it carries as Application-UUID, however
 *       the events and replies interleave (an event may come before the {@code +OK} of its own command).</li>
 * </ul>
 * Every request has a reply timeout, and executes of quick applications a completion timeout: both fail the
 * request ({@link Kind#TIMED_OUT}) so the flow moves on. A timed-out request keeps its place in the FIFO, so a late
 * reply is absorbed instead of being taken for the next command's. Runs on the channel's event loop only.
 */
final class EslCorrelator extends ChannelDuplexHandler {
    private static final System.Logger LOG = System.getLogger(EslCorrelator.class.getName());
    private static final String EXECUTE_COMPLETE = "CHANNEL_EXECUTE_COMPLETE";

    private final Duration replyTimeout;
    private final ArrayDeque<EslRequest> awaitingReply = new ArrayDeque<>();
    private final Map<String, EslRequest> running = new HashMap<>();
    private final Map<EslRequest, List<ScheduledFuture<?>>> timers = new HashMap<>();
    private boolean closed;

    EslCorrelator(Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof EslRequest request)) {
            ctx.write(msg, promise);
            return;
        }
        if (closed) {
            request.fail(Kind.CONNECTION_CLOSED, request.description() + ": the socket is closed");
            promise.trySuccess();
            return;
        }
        awaitingReply.add(request);
        if (request.isExecute()) {
            running.put(request.eventUuid, request);
        }
        List<ScheduledFuture<?>> scheduled = new ArrayList<>(2);
        ScheduledFuture<?> replyTimer = ctx.executor().schedule(() -> replyTimedOut(request), replyTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
        scheduled.add(replyTimer);
        // An execute's completion can be minutes away (a menu, a queue): its reply timer has no purpose once the
        // reply is in, and left scheduled it would hold memory for every waiting call.
        request.reply.whenComplete((m, e) -> replyTimer.cancel(false));
        if (request.isExecute() && request.completionTimeout != null) {
            scheduled.add(ctx.executor().schedule(() -> completionTimedOut(request),
                    request.completionTimeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        timers.put(request, scheduled);
        request.completion().whenComplete((v, e) -> cancelTimers(request));
        ctx.write(request.command, promise).addListener(written -> {
            if (!written.isSuccess()) {
                request.fail(Kind.CONNECTION_CLOSED, request.description() + ": could not be written: "
                        + written.cause());
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EslMessage message
                && (message.is(EslContentType.COMMAND_REPLY) || message.is(EslContentType.API_RESPONSE))) {
            EslRequest request = awaitingReply.poll();
            if (request == null) {
                LOG.log(System.Logger.Level.WARNING, "{0}: a {1} with no command waiting for it, ignored: {2}",
                        ctx.channel().remoteAddress(), message.contentType(), message);
                return;
            }
            if (request.isExecute() && message.isErr()) {
                running.remove(request.eventUuid);
            }
            request.replied(message);
            return;
        }
        if (msg instanceof EslEvent event && EXECUTE_COMPLETE.equals(event.name())) {
            event.applicationUuid().map(running::remove).ifPresent(request -> request.completed(event));
        }
        ctx.fireChannelRead(msg);
    }

    /** The call is gone: applications still running will never give a result worth having. */
    void abandonRunning(String why) {
        List<EslRequest> abandoned = new ArrayList<>(running.values());
        running.clear();
        abandoned.forEach(r -> r.fail(Kind.CALL_GONE, r.description() + ": " + why));
    }

    /** The socket closed: nothing will answer any more. */
    void failAll(String why) {
        closed = true;
        List<EslRequest> all = new ArrayList<>(awaitingReply);
        all.addAll(running.values());
        awaitingReply.clear();
        running.clear();
        all.forEach(r -> r.fail(Kind.CONNECTION_CLOSED, r.description() + ": " + why));
        timers.values().forEach(list -> list.forEach(t -> t.cancel(false)));
        timers.clear();
    }

    int waiting() {
        return awaitingReply.size() + running.size();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        failAll("the connection handler was removed");
    }

    private void replyTimedOut(EslRequest request) {
        if (!request.reply.isDone()) {
            // keep its place in the FIFO: a late reply must not be taken for the next command's
            running.remove(request.eventUuid == null ? "" : request.eventUuid);
            request.fail(Kind.TIMED_OUT, request.description() + ": no reply from FreeSWITCH within " + replyTimeout);
        }
    }

    private void completionTimedOut(EslRequest request) {
        if (!request.done()) {
            running.remove(request.eventUuid);
            request.fail(Kind.TIMED_OUT, request.description() + ": did not complete within " + request.completionTimeout);
        }
    }

    private void cancelTimers(EslRequest request) {
        List<ScheduledFuture<?>> scheduled = timers.remove(request);
        if (scheduled != null) {
            scheduled.forEach(t -> t.cancel(false));
        }
    }
}
