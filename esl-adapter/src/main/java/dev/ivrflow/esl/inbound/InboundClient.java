package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.CloseOnMalformedFrameHandler;
import dev.ivrflow.esl.codec.EslCommand;
import dev.ivrflow.esl.codec.EslCommands;
import dev.ivrflow.esl.codec.EslDecoder;
import dev.ivrflow.esl.codec.EslEncoder;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EventFormat;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The inbound Event Socket connection (FreeSWITCH port 8021): api and bgapi commands, event subscriptions, and a
 * connection that comes back by itself.
 *
 * <pre>{@code
 * InboundClient fs = InboundClient.create(InboundClientConfig.builder().password(secret).build());
 * fs.addEventListener(event -> ...);             // runs on the client's own threads, one event at a time
 * fs.subscribe(EventFormat.JSON, List.of("CHANNEL_HANGUP_COMPLETE"));
 * fs.connect().toCompletableFuture().join();     // fails with the first attempt's error, named and explained
 * fs.api("status").thenAccept(reply -> ...);     // the api/response; its body is the command's output
 * fs.bgapi("originate ...").thenAccept(job -> ...); // the BACKGROUND_JOB's body, with a success flag
 * }</pre>
 *
 * <p><b>Threads.</b> One Netty event loop does the I/O and all connection bookkeeping. Listeners run one at a time, in
 * the order FreeSWITCH sent the events, on the client's virtual threads (or the configured executor); stages
 * returned by this class complete on virtual threads too. So user code never runs on the event loop, and may block.
 *
 * <p><b>Commands</b> are checked where they are built ({@link EslCommands}): a CR or LF in an argument throws
 * {@link IllegalArgumentException} at once, before anything is sent. A command sent while the client is not
 * {@link ConnectionState#CONNECTED} fails at once with {@link EslConnectionException}; nothing is queued across a
 * reconnect, because the caller is the one who knows whether sending it twice is safe. Every stage has a timeout
 * ({@link TimeoutException}), and a dropped connection fails every pending stage with {@link EslConnectionException}.
 *
 * <p><b>Reconnecting.</b> After a drop, or a failed attempt, the client tries again with exponential backoff, sends
 * {@code auth} and then every subscription and filter it was given, and only then reports CONNECTED. A refused
 * password or address never retries at the fast pace: see {@link AuthFailurePolicy}. {@link #connect()} reports the
 * first attempt; the client keeps trying after a failed first attempt too (unless reconnecting is disabled), so an
 * application can start before FreeSWITCH and report {@link #health()} meanwhile.
 */
public final class InboundClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(InboundClient.class.getName());
    private static final EslEncoder ENCODER = new EslEncoder();
    private static final CloseOnMalformedFrameHandler CLOSE_ON_MALFORMED = new CloseOnMalformedFrameHandler();
    private static final String BACKGROUND_JOB = BackgroundJobCorrelator.BACKGROUND_JOB;
    /** Commands whose effect the client tracks itself; sent behind its back they would be lost on reconnect. */
    private static final Set<String> MANAGED_VERBS =
            Set.of("auth", "userauth", "exit", "event", "nixevent", "noevents", "filter", "myevents", "divert_events");

    private final InboundClientConfig config;
    private final String target;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ExecutorService threads;
    private final SerialExecutor delivery;
    private final List<Consumer<? super EslEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super InboundHealth>> stateListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();

    // confined to the event loop
    private final Backoff backoff;
    private final EventSubscriptions subscriptions = new EventSubscriptions();
    private final List<CompletableFuture<Void>> closeWaiters = new ArrayList<>();
    private InboundSession current;
    private ScheduledFuture<?> nextAttempt;
    private boolean started;
    private boolean closing;
    private boolean closed;
    private int failedAttempts;

    // written on the event loop, read anywhere
    private volatile Thread ioThread;
    private volatile InboundSession live;
    private volatile InboundHealth health;

    private InboundClient(InboundClientConfig config) {
        this.config = config;
        this.target = config.target();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("esl-inbound-io", true),
                NioIoHandler.newFactory());
        this.loop = group.next();
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("esl-inbound-", 0).factory());
        this.delivery = new SerialExecutor(config.eventExecutor() == null ? threads : config.eventExecutor());
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), config.backoffJitter(),
                config.jitterSource());
        this.health = new InboundHealth(ConnectionState.DISCONNECTED, config.clock().instant(), Optional.empty(), 0);
    }

    /** A client that does nothing until {@link #connect()}; listeners and subscriptions can be set up first. */
    public static InboundClient create(InboundClientConfig config) {
        return new InboundClient(Objects.requireNonNull(config, "config"));
    }

    /**
     * Starts connecting. The stage completes when the first connection is authenticated and subscribed, or fails with
     * that first attempt's error: {@link EslConnectionException} (refused, timed out, closed),
     * {@link EslAuthenticationException} (wrong password) or {@link EslAccessDeniedException} (ACL). Calling it again
     * returns the same outcome and starts nothing new.
     */
    public CompletionStage<Void> connect() {
        onLoop(firstConnection, () -> {
            if (closing) {
                throw closedError("connect");
            }
            if (!started) {
                started = true;
                attempt();
            }
        });
        return firstConnection.copy();
    }

    /**
     * Runs {@code api <command>}. The stage gets the {@code api/response}, whose body is the command's output as
     * FreeSWITCH wrote it: {@code +OK ...}, {@code -ERR ...} (an unknown command is {@code -ERR x Command not found!}),
     * or data. FreeSWITCH runs an api to the end before it reads the next command on the connection, so use bgapi
     * for anything slow (originate).
     */
    public CompletionStage<EslMessage> api(String command) {
        return api(command, config.apiTimeout());
    }

    /** {@link #api(String)} with its own timeout, for a command known to be slow. */
    public CompletionStage<EslMessage> api(String command, Duration timeout) {
        EslCommand wire = EslCommands.api(command);
        return request(wire, "api " + command, requirePositive(timeout));
    }

    /**
     * Runs {@code bgapi <command>} with a Job-UUID chosen here, and completes with the BACKGROUND_JOB's result. The job
     * is registered before the command is written, so an event that arrives before the {@code +OK Job-UUID} reply
     * is not lost. FreeSWITCH only sends BACKGROUND_JOB to connections subscribed to it, so the first bgapi adds that
     * subscription (in the current format) when the application has not; it is kept across reconnects like the rest.
     * A connection lost before the result arrives fails the stage; the job may still have run.
     */
    public CompletionStage<BackgroundJobResult> bgapi(String command) {
        return bgapi(command, config.backgroundJobTimeout());
    }

    /** {@link #bgapi(String)} waiting up to {@code jobTimeout} for the job, such as an originate's ring time. */
    public CompletionStage<BackgroundJobResult> bgapi(String command, Duration jobTimeout) {
        requirePositive(jobTimeout);
        String jobUuid = UUID.randomUUID().toString();
        EslCommands.bgapi(command, jobUuid); // checked here, so a bad command throws to the caller
        CompletableFuture<BackgroundJobResult> result = new CompletableFuture<>();
        onLoop(result, () -> {
            InboundSession session = requireLive("bgapi " + command);
            ensureBackgroundJobEvents(session);
            session.bgapi(command, jobUuid, config.apiTimeout(), jobTimeout,
                    (event, failure) -> finish(result, event == null ? null : BackgroundJobResult.of(command, event),
                            failure));
        });
        return result;
    }

    /**
     * Sends any other command answered by exactly one {@code command/reply}, such as {@code sendmsg <uuid>} built with
     * {@link dev.ivrflow.esl.codec.EslExecute}. Use {@link #subscribe} and the filter methods for events, so they are
     * restored after a reconnect, and never {@code auth} or {@code exit}.
     */
    public CompletionStage<EslMessage> send(EslCommand command) {
        Objects.requireNonNull(command, "command");
        String verb = command.line().split(" ", 2)[0].toLowerCase(Locale.ROOT);
        if (MANAGED_VERBS.contains(verb)) {
            throw new IllegalArgumentException("'" + verb + "' is managed by the client (connect, subscribe, "
                    + "addFilter, close), so it can be restored after a reconnect; do not send it directly");
        }
        return request(command, command.line(), config.apiTimeout());
    }

    /**
     * Subscribes to events by name ({@code ALL} included), in addition to earlier subscriptions. FreeSWITCH keeps one
     * format per connection, set by the latest request, so this format then applies to every event. The stage
     * completes when FreeSWITCH confirmed, or at once when not connected (it is sent after the next {@code auth}).
     */
    public CompletionStage<Void> subscribe(EventFormat format, Collection<String> eventNames) {
        List<String> names = List.copyOf(eventNames);
        EslCommand command = EventSubscriptions.eventCommand(format, names);
        return changeSubscriptions(command, s -> s.addEvents(format, names));
    }

    public CompletionStage<Void> subscribe(EventFormat format, String... eventNames) {
        return subscribe(format, List.of(eventNames));
    }

    /** Subscribes to CUSTOM events of these subclasses, such as {@code conference::maintenance}. */
    public CompletionStage<Void> subscribeCustom(EventFormat format, Collection<String> subclasses) {
        List<String> names = List.copyOf(subclasses);
        EslCommand command = EventSubscriptions.customCommand(format, names);
        return changeSubscriptions(command, s -> s.addSubclasses(format, names));
    }

    /**
     * {@code filter <header> <value>}: once any filter is set, FreeSWITCH only sends events matching one of them.
     * Kept and restored like subscriptions.
     */
    public CompletionStage<Void> addFilter(String header, String value) {
        EslCommand command = EslCommands.filter(header, value);
        return changeSubscriptions(command, s -> s.addFilter(header, value));
    }

    public CompletionStage<Void> removeFilter(String header, String value) {
        EslCommand command = EslCommands.filterDelete(header, value);
        return changeSubscriptions(command, s -> s.removeFilter(header, value));
    }

    /**
     * Hears every event FreeSWITCH sends on this connection, except the BACKGROUND_JOBs of our own bgapi calls (those
     * complete their stage instead). Called one event at a time, in order, never on the I/O thread.
     */
    public ListenerRegistration addEventListener(Consumer<? super EslEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /** Hears every change of {@link ConnectionState}, in order, on the same threads as event listeners. */
    public ListenerRegistration addStateListener(Consumer<? super InboundHealth> listener) {
        Objects.requireNonNull(listener, "listener");
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    public ConnectionState state() {
        return health.state();
    }

    public InboundHealth health() {
        return health;
    }

    public InboundClientConfig config() {
        return config;
    }

    /**
     * Sends {@code exit} when connected (FreeSWITCH answers {@code +OK bye} and a disconnect notice), closes the
     * connection, fails whatever is still pending, tells state listeners {@link ConnectionState#CLOSED}, and stops
     * the client's threads. Waits at most about three close timeouts; safe to call more than once, and from a
     * listener (it then does not wait for the listener's own thread).
     */
    @Override
    public void close() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        try {
            loop.execute(() -> beginClose(stopped));
        } catch (RejectedExecutionException alreadyStopped) {
            stopped.complete(null);
        }
        Duration timeout = config.closeTimeout();
        if (loop.inEventLoop() || delivery.isRunningOnCurrentThread()) {
            // called back from our own thread: waiting here would wait for ourselves; finish when closed instead
            stopped.orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                    .whenComplete((done, failure) -> releaseThreads());
            return;
        }
        await(stopped, timeout.multipliedBy(2));
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        try {
            delivery.execute(() -> delivered.complete(null)); // listeners hear CLOSED before their threads stop
            await(delivered, timeout);
        } catch (RejectedExecutionException alreadyStopped) {
            // nothing left to deliver
        }
        var loopStopped = releaseThreads();
        try {
            threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            loopStopped.awaitUninterruptibly(timeout.toMillis() * 2);
            Thread io = ioThread;
            if (io != null) {
                io.join(timeout); // the termination future completes just before the thread ends
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Future<?> releaseThreads() {
        threads.shutdown();
        return group.shutdownGracefully(0, config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- connection lifecycle, all on the event loop ----

    private void attempt() {
        nextAttempt = null;
        if (closing) {
            return;
        }
        changeState(ConnectionState.CONNECTING, null);
        InboundSession[] mine = new InboundSession[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ReplyCorrelator replies = new ReplyCorrelator(target);
                        BackgroundJobCorrelator jobs = new BackgroundJobCorrelator(target);
                        InboundSession session = new InboundSession(new Owner(), target, config.password(),
                                config.connectTimeout(), replies, jobs);
                        mine[0] = session;
                        current = session;
                        channel.pipeline()
                                .addLast("decoder", new EslDecoder(config.parserLimits()))
                                .addLast("encoder", ENCODER)
                                .addLast("close-on-malformed", CLOSE_ON_MALFORMED)
                                .addLast("replies", replies)
                                .addLast("events", EventDecodingHandler.INSTANCE)
                                .addLast("background-jobs", jobs)
                                .addLast("session", session);
                    }
                });
        bootstrap.connect(config.host(), config.port()).addListener((ChannelFuture connecting) -> {
            if (!connecting.isSuccess() && current == mine[0]) {
                current = null;
                attemptFailed(connectError(connecting.cause()));
            }
        });
    }

    private EslConnectionException connectError(Throwable cause) {
        String why;
        if (cause instanceof ConnectTimeoutException) {
            why = "no answer within " + Pending.human(config.connectTimeout());
        } else if (cause instanceof ConnectException) {
            why = "connection refused (is FreeSWITCH running, with mod_event_socket listening on that address?)";
        } else if (closing) {
            why = "the client was closed";
        } else {
            // Netty appends the address ("Connection reset by peer: /127.0.0.1:8021"); ours is already in the message
            why = String.valueOf(cause.getMessage()).replaceFirst(": /[^ ]*$", "");
        }
        return new EslConnectionException("could not connect to the FreeSWITCH event socket at " + target + ": " + why,
                cause);
    }

    private void attemptFailed(EslException error) {
        failedAttempts++;
        if (closing) {
            finish(firstConnection, null, error);
            finishClose();
            return;
        }
        boolean refused = error instanceof EslAuthenticationException || error instanceof EslAccessDeniedException;
        changeState(refused ? ConnectionState.AUTH_FAILED : ConnectionState.DISCONNECTED, error.getMessage());
        finish(firstConnection, null, error); // after the state, so a caller woken by it sees the state it explains
        if (!config.reconnect()) {
            LOG.log(System.Logger.Level.WARNING, "{0}; not reconnecting (disabled)", error.getMessage());
        } else if (!refused) {
            scheduleAttempt(backoff.next(), error);
        } else if (config.authFailurePolicy() == AuthFailurePolicy.RETRY_AT_MAX_BACKOFF) {
            scheduleAttempt(backoff.atMax(), error);
        } else {
            LOG.log(System.Logger.Level.ERROR, "{0}; not trying again (AuthFailurePolicy.STOP)", error.getMessage());
        }
    }

    private void scheduleAttempt(Duration delay, EslException why) {
        LOG.log(System.Logger.Level.WARNING, "{0}; trying again in {1}", why.getMessage(), Pending.human(delay));
        nextAttempt = loop.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Authenticated: give the new connection every subscription and filter, then report CONNECTED. */
    private void authenticated(InboundSession session) {
        if (session != current || closing) {
            session.close();
            return;
        }
        List<EslCommand> restore = subscriptions.restoreCommands();
        int[] unanswered = {restore.size()};
        if (restore.isEmpty()) {
            becomeLive(session);
            return;
        }
        for (EslCommand command : restore) {
            session.send(command, command.line(), config.apiTimeout(), (reply, failure) -> {
                if (failure == null && !reply.isOk()) {
                    LOG.log(System.Logger.Level.WARNING, "FreeSWITCH at {0} refused ''{1}'' on reconnect: {2}", target,
                            command.line(), reply.replyText().orElse(""));
                }
                if (--unanswered[0] == 0 && session == current && !closing) {
                    becomeLive(session);
                }
            });
        }
    }

    private void becomeLive(InboundSession session) {
        live = session;
        backoff.reset();
        failedAttempts = 0;
        changeState(ConnectionState.CONNECTED, null);
        finish(firstConnection, null, null);
    }

    private void lost(InboundSession session, EslConnectionException error) {
        if (session != current) {
            return;
        }
        current = null;
        live = null;
        if (closing) {
            finishClose();
            return;
        }
        changeState(ConnectionState.DISCONNECTED, error.getMessage());
        if (config.reconnect()) {
            scheduleAttempt(backoff.next(), error);
        } else {
            LOG.log(System.Logger.Level.WARNING, "{0}; not reconnecting (disabled)", error.getMessage());
        }
    }

    private void ensureBackgroundJobEvents(InboundSession session) {
        if (subscriptions.covers(BACKGROUND_JOB)) {
            return;
        }
        EventFormat format = subscriptions.formatOr(config.defaultEventFormat());
        List<String> names = List.of(BACKGROUND_JOB);
        EslCommand command = EventSubscriptions.eventCommand(format, names);
        subscriptions.addEvents(format, names);
        session.send(command, command.line(), config.apiTimeout(), (reply, failure) -> {
            if (failure == null && !reply.isOk()) {
                LOG.log(System.Logger.Level.WARNING, "FreeSWITCH at {0} refused ''{1}'': {2}; bgapi results will "
                        + "time out", target, command.line(), reply.replyText().orElse(""));
            }
        });
    }

    private CompletionStage<Void> changeSubscriptions(EslCommand command, Consumer<EventSubscriptions> change) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        onLoop(result, () -> {
            if (closing) {
                throw closedError(command.line());
            }
            change.accept(subscriptions);
            InboundSession session = current;
            if (session == null || !session.isAuthenticated()) {
                finish(result, null, null); // recorded; sent right after the next auth
                return;
            }
            session.send(command, command.line(), config.apiTimeout(), (reply, failure) -> {
                if (failure != null) {
                    finish(result, null, failure);
                } else if (!reply.isOk()) {
                    String text = reply.replyText().orElse("");
                    finish(result, null, new EslCommandException("FreeSWITCH at " + target + " refused '"
                            + command.line() + "': " + text, text));
                } else {
                    finish(result, null, null);
                }
            });
        });
        return result;
    }

    private CompletionStage<EslMessage> request(EslCommand wire, String description, Duration timeout) {
        CompletableFuture<EslMessage> result = new CompletableFuture<>();
        onLoop(result, () -> requireLive(description).send(wire, description, timeout,
                (reply, failure) -> finish(result, reply, failure)));
        return result;
    }

    private static Duration requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a timeout must be positive, was " + timeout);
        }
        return timeout;
    }

    private InboundSession requireLive(String what) {
        if (closing) {
            throw closedError(what);
        }
        InboundSession session = live;
        if (session == null) {
            InboundHealth now = health;
            throw new EslConnectionException("not connected to FreeSWITCH at " + target + " (" + now.state()
                    + now.lastError().map(e -> ": " + e).orElse("") + "); '" + what + "' was not sent");
        }
        return session;
    }

    private EslConnectionException closedError(String what) {
        return new EslConnectionException("the inbound client for FreeSWITCH at " + target + " is closed; '" + what
                + "' was not sent");
    }

    private void beginClose(CompletableFuture<Void> stopped) {
        ioThread = Thread.currentThread();
        closeWaiters.add(stopped);
        if (closed) {
            stopped.complete(null);
            return;
        }
        if (closing) {
            return;
        }
        closing = true;
        if (nextAttempt != null) {
            nextAttempt.cancel(false);
            nextAttempt = null;
        }
        InboundSession session = current;
        if (session == null) {
            finishClose();
        } else if (session.isAuthenticated() && session.channel().isActive()) {
            session.send(EslCommands.exit(), "exit", config.closeTimeout(), (reply, failure) -> session.close());
        } else {
            session.close();
        }
    }

    private void finishClose() {
        if (closed) {
            return;
        }
        closed = true;
        current = null;
        live = null;
        changeState(ConnectionState.CLOSED, null);
        finish(firstConnection, null, new EslConnectionException("the inbound client for FreeSWITCH at " + target
                + " was closed before it connected"));
        closeWaiters.forEach(waiter -> waiter.complete(null));
        closeWaiters.clear();
    }

    private void changeState(ConnectionState state, String error) {
        InboundHealth before = health;
        InboundHealth now = new InboundHealth(state,
                state == before.state() ? before.since() : config.clock().instant(),
                error == null ? before.lastError() : Optional.of(error), failedAttempts);
        health = now;
        if (state != before.state()) {
            deliver(() -> stateListeners.forEach(listener -> call(listener, now)));
        }
    }

    private void dispatch(EslEvent event) {
        deliver(() -> eventListeners.forEach(listener -> call(listener, event)));
    }

    private void deliver(Runnable task) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException stopped) {
            LOG.log(System.Logger.Level.DEBUG, "not delivered after close: listeners of {0}", target);
        }
    }

    private static <T> void call(Consumer<? super T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an inbound ESL listener threw on " + value, e);
        }
    }

    // ---- hand-offs between threads ----

    /** Runs {@code task} on the event loop; whatever it throws, or a loop already stopped, fails {@code result}. */
    private void onLoop(CompletableFuture<?> result, Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    finish(result, null, e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            finish(result, null, closedError("a command"));
        }
    }

    /** Completes a caller's stage on a virtual thread, so nothing the caller chains to it runs on the event loop. */
    private <T> void finish(CompletableFuture<T> future, T value, Throwable failure) {
        if (future.isDone()) {
            return;
        }
        Runnable completion = failure == null ? () -> future.complete(value) : () -> future.completeExceptionally(failure);
        try {
            threads.execute(completion);
        } catch (RejectedExecutionException stopped) {
            completion.run();
        }
    }

    private static void await(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "gave up waiting during close", e);
        }
    }

    /** The sessions' view of the client; kept apart so these callbacks are not part of the public API. */
    private final class Owner implements InboundSession.Owner {
        @Override
        public void authenticated(InboundSession session) {
            InboundClient.this.authenticated(session);
        }

        @Override
        public void handshakeFailed(InboundSession session, EslException error) {
            if (session == current) {
                current = null;
                attemptFailed(error);
            }
        }

        @Override
        public void lost(InboundSession session, EslConnectionException error) {
            InboundClient.this.lost(session, error);
        }

        @Override
        public void event(InboundSession session, EslEvent event) {
            if (session == current) {
                dispatch(event);
            }
        }
    }
}
