package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EslCommands;
import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslMalformedFrame;
import dev.ivrflow.esl.codec.EslMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection to port 8021, last in its pipeline: it answers {@code auth/request} with {@code auth}, turns
 * {@code -ERR invalid} and {@code text/rude-rejection} into clear errors, and hands events to its owner. It also
 * writes commands, so the reply correlators it sits behind see them in wire order.
 *
 * <p>Everything here runs on the channel's event loop, and so do the owner's callbacks. Exactly one of
 * {@link Owner#handshakeFailed} and {@link Owner#lost} is called per connection, and only one time.
 */
final class InboundSession extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(InboundSession.class.getName());

    /** The client, told what happens to this connection. All calls come on the event loop. */
    interface Owner {
        void authenticated(InboundSession session);

        void handshakeFailed(InboundSession session, EslException error);

        void lost(InboundSession session, EslConnectionException error);

        void event(InboundSession session, EslEvent event);
    }

    private enum Phase { AWAITING_AUTH_REQUEST, AUTHENTICATING, AUTHENTICATED, ENDED }

    private final Owner owner;
    private final String target;
    private final String password;
    private final Duration handshakeTimeout;
    private final ReplyCorrelator replies;
    private final BackgroundJobCorrelator jobs;
    private Channel channel;
    private Phase phase = Phase.AWAITING_AUTH_REQUEST;
    private ScheduledFuture<?> handshakeTimer;
    private String disconnectNotice;
    private String malformed;
    private String ioError;

    InboundSession(Owner owner, String target, String password, Duration handshakeTimeout, ReplyCorrelator replies,
                   BackgroundJobCorrelator jobs) {
        this.owner = owner;
        this.target = target;
        this.password = password;
        this.handshakeTimeout = handshakeTimeout;
        this.replies = replies;
        this.jobs = jobs;
    }

    Channel channel() {
        return channel;
    }

    boolean isAuthenticated() {
        return phase == Phase.AUTHENTICATED;
    }

    /** Writes a command; {@code reply} hears its answer, a timeout, or the connection's loss, on the event loop. */
    void send(EslCommand command, String description, Duration timeout, Pending.Callback<? super EslMessage> reply) {
        Pending<EslMessage> pending = new Pending<>(description, timeout, reply);
        channel.writeAndFlush(new PendingReply(command, pending)).addListener(written -> {
            if (!written.isSuccess()) { // also when the pipeline was already torn down and the correlator never saw it
                pending.fail(new EslConnectionException("could not send '" + description + "' to FreeSWITCH at "
                        + target, written.cause()));
            }
        });
    }

    /**
     * Sends {@code bgapi} with our own Job-UUID, registered first, so the BACKGROUND_JOB is matched even when it comes
     * before the {@code +OK Job-UUID} reply. {@code result} hears the job's event or why there will be none.
     */
    void bgapi(String apiCommand, String jobUuid, Duration replyTimeout, Duration jobTimeout,
               Pending.Callback<? super EslEvent> result) {
        String description = "bgapi " + apiCommand;
        jobs.register(jobUuid, new Pending<>(description + " (Job-UUID " + jobUuid + ")", jobTimeout, result));
        send(EslCommands.bgapi(apiCommand, jobUuid), description, replyTimeout, (reply, failure) -> {
            if (failure instanceof EslConnectionException) {
                jobs.lost(jobUuid, failure);
            } else if (failure != null) {
                jobs.fail(jobUuid, failure);
            } else if (!reply.isOk()) {
                String text = reply.replyText().orElse("(no Reply-Text)");
                jobs.fail(jobUuid, new EslCommandException("FreeSWITCH at " + target + " refused '" + description
                        + "': " + text, text));
            } else {
                reply.jobUuid().filter(id -> !id.equals(jobUuid)).ifPresent(id -> jobs.rekey(jobUuid, id));
            }
        });
    }

    /** Closes the connection; the loss is reported through the owner as usual. */
    void close() {
        channel.close();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshakeTimer = ctx.executor().schedule(() -> fail(new EslConnectionException("FreeSWITCH at " + target
                + " did not complete the event socket handshake within " + Pending.human(handshakeTimeout)
                + (phase == Phase.AWAITING_AUTH_REQUEST ? " (no auth/request came; is this port 8021 of FreeSWITCH?)"
                : " (no answer to auth)"))), handshakeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case EslEvent event -> {
                if (phase == Phase.AUTHENTICATED) {
                    owner.event(this, event);
                }
            }
            case EslMessage message -> read(message);
            case EslMalformedFrame frame -> malformed = frame.describe(); // CloseOnMalformedFrameHandler closes
            default -> LOG.log(System.Logger.Level.DEBUG, "ignoring {0} from {1}", msg, target);
        }
    }

    private void read(EslMessage message) {
        EslContentType type = message.contentType();
        if (type.equals(EslContentType.AUTH_REQUEST)) {
            if (phase == Phase.AWAITING_AUTH_REQUEST) {
                phase = Phase.AUTHENTICATING;
                send(EslCommands.auth(password), "auth", null, this::authAnswered);
            }
        } else if (type.equals(EslContentType.RUDE_REJECTION)) {
            String text = message.body().orElse("").strip();
            fail(new EslAccessDeniedException("FreeSWITCH at " + target + " refused this client's address by its ACL "
                    + "(apply-inbound-acl in event_socket.conf) and said: \"" + text + "\"", text));
        } else if (type.equals(EslContentType.DISCONNECT_NOTICE)) {
            disconnectNotice = message.body().orElse("").strip();
            LOG.log(System.Logger.Level.DEBUG, "FreeSWITCH at {0} is disconnecting: {1}", target, disconnectNotice);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "ignoring {0} from {1}", message, target);
        }
    }

    private void authAnswered(EslMessage reply, Throwable failure) {
        if (failure != null || phase != Phase.AUTHENTICATING) {
            return; // the connection went away; channelInactive reports it
        }
        if (reply.isOk()) {
            phase = Phase.AUTHENTICATED;
            cancelHandshakeTimer();
            owner.authenticated(this);
        } else {
            fail(new EslAuthenticationException("FreeSWITCH rejected the event socket password for " + target
                    + " (it answered '" + reply.replyText().orElse("") + "'; compare the 'password' param in "
                    + "event_socket.conf)"));
        }
    }

    private void fail(EslException error) {
        if (phase == Phase.ENDED || phase == Phase.AUTHENTICATED) {
            return;
        }
        phase = Phase.ENDED;
        cancelHandshakeTimer();
        owner.handshakeFailed(this, error);
        channel.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelHandshakeTimer();
        Phase was = phase;
        phase = Phase.ENDED;
        if (was == Phase.AUTHENTICATED) {
            owner.lost(this, new EslConnectionException("the connection to FreeSWITCH at " + target + " was lost"
                    + because()));
        } else if (was != Phase.ENDED) {
            owner.handshakeFailed(this, new EslConnectionException("FreeSWITCH at " + target
                    + " closed the connection before the event socket handshake completed" + because()));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "closing the connection to " + target + " after an I/O error", cause);
        ioError = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        ctx.close();
    }

    private String because() {
        if (malformed != null) {
            return ": " + malformed;
        }
        if (ioError != null) {
            return ": " + ioError;
        }
        return disconnectNotice == null ? "" : " (FreeSWITCH said: " + disconnectNotice.replace('\n', ' ') + ")";
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
            handshakeTimer = null;
        }
    }
}
