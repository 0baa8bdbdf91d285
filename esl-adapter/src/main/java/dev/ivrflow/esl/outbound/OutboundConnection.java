package dev.ivrflow.esl.outbound;

import dev.ivrflow.esl.channel.EslApp;
import dev.ivrflow.esl.channel.EslCallChannel;
import dev.ivrflow.esl.channel.EslCallControl;
import dev.ivrflow.esl.channel.EslRequestFailed;
import dev.ivrflow.esl.channel.EslRequestFailed.Kind;
import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EslCommands;
import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslExecute;
import dev.ivrflow.esl.codec.EslMalformedFrame;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.concurrent.SerialExecutor;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.runtime.CallSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One call's outbound socket, from FreeSWITCH's connect to the last byte:
 * <ol>
 *   <li>{@code connect}: the reply is the channel data, read into {@link CallInfo};</li>
 *   <li>{@code myevents json}: the call's own events, as JSON;</li>
 *   <li>{@code linger}: FreeSWITCH keeps the socket after the hang-up until we say {@code exit}, so no trailing
 *       event is lost;</li>
 *   <li>the {@link CallRouter} chooses the flow (on the call's serial executor); with none, the
 *       {@link UnroutedCallPolicy} applies;</li>
 *   <li>{@code answer} (unless the dialplan does it), then the {@link CallSession} runs on an
 *       {@link EslCallChannel}.</li>
 * </ol>
 * Events go to the session in the order they arrived, through its serial executor: CHANNEL_HANGUP (or the linger
 * disconnect notice, or the socket closing, or a malformed frame) tells it the caller is gone, after which every
 * running application is abandoned. When the session ends the socket is released with {@code exit}: at once after a
 * blind transfer (the call lives on in the dialplan), else once FreeSWITCH confirms the hang-up, with a timeout.
 *
 * <p>Nothing here blocks: Netty's thread only parses, matches and hands over. All mutable state is touched on the
 * channel's event loop, except what is marked volatile or atomic.
 */
public final class OutboundConnection extends ChannelInboundHandlerAdapter implements EslCallControl {
    private static final System.Logger LOG = System.getLogger(OutboundConnection.class.getName());

    private final OutboundSettings settings;
    private final CallRouter router;
    private final Executor delegate;
    private final OutboundListener listener;
    private final SpeechCommands speech;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong eventUuids = new AtomicLong();
    private final AtomicBoolean hangupSent = new AtomicBoolean();

    private volatile Channel channel;
    private volatile EslCorrelator correlator;
    private volatile SerialExecutor executor;
    private volatile CallInfo info;
    private volatile CallSession session;
    private volatile EslCallChannel callChannel;
    private volatile boolean callDown;

    private volatile String hangupCause;
    private volatile boolean closed;

    // event loop only
    private boolean lingerNotice;
    private boolean sessionEnded;
    private boolean handedOff;
    private boolean exitSent;
    private ScheduledFuture<?> releaseTimer;

    OutboundConnection(OutboundSettings settings, CallRouter router, Executor delegate, OutboundListener listener,
                       SpeechCommands speech) {
        this.settings = settings;
        this.router = router;
        this.delegate = delegate;
        this.listener = listener;
        this.speech = speech;
    }

    // ---- what observers may ask ----

    /** The call, once FreeSWITCH answered {@code connect}; null before. */
    public CallInfo callInfo() {
        return info;
    }

    /** The flow's session, once the call is routed; null before (and for calls no flow serves). */
    public CallSession session() {
        return session;
    }

    /** Commands sent whose answer has not come yet (replies, and completions of running applications). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Nothing in flight and nothing queued for the call: it waits only for time to pass (or has ended). */
    public boolean idle() {
        SerialExecutor e = executor;
        return inFlight.get() == 0 && (e == null || e.idle());
    }

    public boolean isOpen() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    // ---- EslCallControl ----

    @Override
    public String uuid() {
        return info == null ? null : info.uuid();
    }

    @Override
    public CompletionStage<EslEvent> execute(EslApp app) {
        if (callDown) {
            return CompletableFuture.failedFuture(new EslRequestFailed(Kind.CALL_GONE,
                    app.name() + ": the call has already hung up"));
        }
        EslCommand command;
        String eventUuid = "ivr-" + eventUuids.incrementAndGet() + "-" + info.uuid();
        try {
            EslExecute execute = EslExecute.app(app.name()).eventUuid(eventUuid).eventLock(true);
            if (app.arg() != null && app.argInBody()) {
                execute.argInBody(app.arg());
            } else if (app.arg() != null) {
                execute.arg(app.arg());
            }
            command = execute.build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new EslRequestFailed(Kind.INVALID_ARGUMENT,
                    app.name() + ": " + e.getMessage()));
        }
        if (app.name().equals("hangup")) {
            hangupSent.set(true);
        }
        String description = app.name() + (app.arg() == null ? "" : " " + abbreviate(app.arg()));
        EslRequest request = EslRequest.execute(command, eventUuid, app.completionTimeout(), description, inFlight);
        send(request);
        return request.completion;
    }

    @Override
    public CompletionStage<String> api(String command) {
        EslCommand api;
        try {
            api = EslCommands.api(command);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new EslRequestFailed(Kind.INVALID_ARGUMENT, e.getMessage()));
        }
        EslRequest request = EslRequest.command(api, inFlight);
        send(request);
        return request.reply.thenApply(reply -> reply.body().orElse(""));
    }

    @Override
    public void handedOff() {
        Channel c = channel;
        if (c != null) {
            c.eventLoop().execute(() -> handedOff = true);
        }
    }

    @Override
    public Executor executor() {
        return executor;
    }

    // ---- the socket ----

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        correlator = ctx.pipeline().get(EslCorrelator.class);
        executor = new SerialExecutor(delegate, "call from " + ctx.channel().remoteAddress());
        command(EslCommands.connect())
                .thenCompose(reply -> {
                    Optional<CallInfo> call = ChannelData.callInfo(reply.headers());
                    if (call.isEmpty()) {
                        throw new EslRequestFailed(Kind.REFUSED, "connect: the reply names no channel (no Unique-ID)");
                    }
                    info = call.get();
                    return command(EslCommands.myevents(EventFormat.JSON));
                })
                .thenCompose(reply -> command(EslCommands.linger()))
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: setting up the call failed, closing: {1}",
                                ctx.channel().remoteAddress(), describe(error));
                        ctx.close();
                    } else {
                        executor.execute(this::route);
                    }
                });
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case EslEvent event -> onEvent(event);
            case EslMessage message when message.is(EslContentType.DISCONNECT_NOTICE) -> onDisconnectNotice(message);
            case EslMalformedFrame malformed -> {
                // CloseOnMalformedFrameHandler closes the socket right after; the session learns why from us
                hangupCause = "malformed frame from FreeSWITCH (" + malformed.reason() + ")";
            }
            case EslMessage message -> LOG.log(System.Logger.Level.DEBUG, "{0}: ignored {1}", uuid(), message);
            default -> LOG.log(System.Logger.Level.DEBUG, "{0}: ignored {1}", uuid(), msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        cancelReleaseTimer();
        // the session hears first, so a request failing below cannot send it down an error exit
        callGone(hangupCause != null ? hangupCause : "the socket closed");
        EslCorrelator c = correlator;
        if (c != null) {
            c.failAll("the socket closed");
        }
        listener.connectionClosed(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "{0}: socket error, closing: {1}", uuid(), cause.toString());
        ctx.close();
    }

    private void onEvent(EslEvent event) {
        CallInfo call = info;
        if (call != null && event.uniqueId().filter(id -> !id.equals(call.uuid())).isPresent()) {
            return;
        }
        switch (event.name()) {
            case "DTMF" -> {
                EslCallChannel c = callChannel;
                if (c != null) {
                    event.dtmfDigit().ifPresent(c::dtmf);
                }
            }
            case "DETECTED_SPEECH" -> {
                EslCallChannel c = callChannel;
                if (c != null) {
                    c.speechEvent(event.header("Speech-Type").orElse(""), speechHeaders(event),
                            event.body().orElse(null));
                }
            }
            case "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE" -> callGone(event.hangupCause().orElse("NORMAL_CLEARING"));
            default -> {
            }
        }
    }

    /** The headers a speech event adds to the channel's (recogniser results: {@code ASR-*}, and its type). */
    private static Map<String, String> speechHeaders(EslEvent event) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : new String[] {"Speech-Type", "ASR-Completion-Cause", "ASR-Completion-Reason",
                "ASR-Waveform-URI", "ASR-Waveform-Size", "ASR-Waveform-Duration"}) {
            event.header(name).ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    private void onDisconnectNotice(EslMessage notice) {
        String disposition = notice.header("Content-Disposition").orElse("linger");
        if (!disposition.equalsIgnoreCase("linger")) {
            return; // the goodbye after our own exit
        }
        lingerNotice = true;
        callGone(hangupCause != null ? hangupCause : "NORMAL_CLEARING");
        if (sessionEnded || session == null) {
            sendExit();
        }
    }

    /** The caller (or FreeSWITCH) ended the call: tell the session, then drop what can no longer complete. */
    private void callGone(String cause) {
        if (hangupCause == null || !callDown) {
            hangupCause = cause;
        }
        boolean first = !callDown;
        callDown = true;
        CallSession s = session;
        if (first && s != null && !sessionEnded) {
            s.hungUp(cause);
        }
        EslCorrelator c = correlator;
        if (c != null && !closed) {
            c.abandonRunning("the call hung up (" + cause + ")");
        }
    }

    // ---- routing and the session ----

    /** On the call's executor: choose the flow and start it, or deal with a call no flow serves. */
    private void route() {
        CallInfo call = info;
        Optional<CallStart> start;
        try {
            start = router.route(call);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "call " + call.uuid() + " from " + call.callerNumber() + " to "
                    + call.calledNumber() + ": routing failed", e);
            notRouted(call, "routing failed: " + e, "NORMAL_TEMPORARY_FAILURE");
            return;
        }
        if (start.isEmpty()) {
            notRouted(call, "no flow serves the number " + call.calledNumber(), "UNALLOCATED_NUMBER");
            return;
        }
        if (callDown) {
            channel.eventLoop().execute(this::sendExit);
            return;
        }
        CallStart s = start.get();
        EslCallChannel eslChannel = new EslCallChannel(call, this, s.services().clock(), settings.channel(),
                speech);
        callChannel = eslChannel;
        CallSession created = new CallSession(call.uuid(), s.flow(), s.services().withChannel(eslChannel), s.handlers(),
                s.limits(), executor, this::sessionEnded);
        session = created;
        listener.callStarted(created, this);
        if (settings.answerCalls()) {
            execute(EslApp.quick("answer", null, settings.channel().quickAppTimeout())).whenComplete((done, error) -> {
                if (error != null) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: answer failed: {1}", call.uuid(), error.getMessage());
                }
            });
        }
        created.start();
        if (callDown) {
            // hung up while we were routing: the session must still hear it (it was not there to be told)
            created.hungUp(hangupCause == null ? "NORMAL_CLEARING" : hangupCause);
        }
    }

    private void notRouted(CallInfo call, String reason, String cause) {
        LOG.log(System.Logger.Level.WARNING, "call {0} from {1} to {2} not served: {3}; {4}", call.uuid(),
                call.callerNumber(), call.calledNumber(), reason,
                settings.unrouted() == UnroutedCallPolicy.RESUME_DIALPLAN
                        ? "handing it back to the dialplan (resume)" : "hanging up with " + cause);
        listener.callNotRouted(call, reason);
        if (settings.unrouted() == UnroutedCallPolicy.RESUME_DIALPLAN) {
            command(EslCommand.of("resume")).whenComplete((reply, error) -> {
                if (error != null) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: resume failed ({1}); hanging up with {2}", call.uuid(),
                            describe(error), cause);
                    execute(EslApp.quick("hangup", cause, settings.channel().quickAppTimeout()));
                    waitForHangupThenExit();
                } else {
                    channel.eventLoop().execute(this::sendExit);
                }
            });
        } else {
            execute(EslApp.quick("hangup", cause, settings.channel().quickAppTimeout()));
            waitForHangupThenExit();
        }
    }

    /** Called by the session (on its executor) when it ends. */
    private void sessionEnded(CallSession ended) {
        channel.eventLoop().execute(() -> {
            sessionEnded = true;
            listener.callEnded(ended, this);
            if (handedOff || lingerNotice || closed) {
                sendExit();
                return;
            }
            if (!callDown && !hangupSent.get()) {
                LOG.log(System.Logger.Level.INFO, "{0}: the flow ended with the call up ({1}); hanging up",
                        uuid(), ended.endReason());
                execute(EslApp.quick("hangup", "NORMAL_CLEARING", settings.channel().quickAppTimeout()));
            }
            armReleaseTimer();
        });
    }

    private void waitForHangupThenExit() {
        channel.eventLoop().execute(() -> {
            if (lingerNotice) {
                sendExit();
            } else {
                armReleaseTimer();
            }
        });
    }

    /** FreeSWITCH should confirm the hang-up with its linger notice; if it does not, release the socket anyway. */
    private void armReleaseTimer() {
        if (releaseTimer == null && !exitSent && !closed) {
            releaseTimer = channel.eventLoop().schedule(() -> {
                LOG.log(System.Logger.Level.WARNING, "{0}: no disconnect notice within {1}; releasing the socket",
                        uuid(), settings.lingerTimeout());
                sendExit();
            }, settings.lingerTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void cancelReleaseTimer() {
        if (releaseTimer != null) {
            releaseTimer.cancel(false);
            releaseTimer = null;
        }
    }

    /** {@code exit}: FreeSWITCH answers {@code +OK bye} and closes; we close too if it does not. */
    private void sendExit() {
        if (exitSent || closed) {
            return;
        }
        exitSent = true;
        cancelReleaseTimer();
        Channel c = channel;
        command(EslCommands.exit()).whenComplete((reply, error) -> c.close());
    }

    // ---- plumbing ----

    private CompletableFuture<EslMessage> command(EslCommand command) {
        EslRequest request = EslRequest.command(command, inFlight);
        send(request);
        return request.reply;
    }

    private void send(EslRequest request) {
        Channel c = channel;
        if (c == null || closed) {
            request.fail(Kind.CONNECTION_CLOSED, request.description() + ": the socket is closed");
            return;
        }
        c.writeAndFlush(request).addListener(f -> {
            if (!f.isSuccess()) {
                request.fail(Kind.CONNECTION_CLOSED, request.description() + ": " + f.cause());
            }
        });
    }

    private static String describe(Throwable error) {
        Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    @Override
    public String toString() {
        return "OutboundConnection[" + (info == null ? "connecting" : info.uuid()) + "]";
    }
}
