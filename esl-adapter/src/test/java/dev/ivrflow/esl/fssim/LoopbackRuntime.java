package dev.ivrflow.esl.fssim;

import dev.ivrflow.esl.channel.ModuleSpeech;
import dev.ivrflow.esl.outbound.CallStart;
import dev.ivrflow.esl.outbound.OutboundConnection;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.esl.outbound.OutboundServer;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.runtime.CallSession;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The runtime's outbound server on a loopback ephemeral port, as tests and benchmarks drive it: calls are routed by
 * the uuid the simulator gave them ({@link #expect}) or by a function, and each call's session and connection can
 * be awaited. {@link #runUntilEnded} plays the part of time: while a call waits for nothing but a timer (no command
 * in flight, nothing queued), it moves the call's shared clock to that timer, so wait nodes and limits take no real
 * time.
 */
public final class LoopbackRuntime implements AutoCloseable {
    private final OutboundServer server;
    private final InetSocketAddress address;
    private final Map<String, CallStart> expected = new ConcurrentHashMap<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private volatile Function<CallInfo, Optional<CallStart>> fallbackRouter = info -> Optional.empty();

    /** One call as the runtime saw it. */
    public static final class Call {
        final CompletableFuture<CallInfo> routed = new CompletableFuture<>();
        final CompletableFuture<CallSession> started = new CompletableFuture<>();
        final CompletableFuture<CallSession> ended = new CompletableFuture<>();
        final CompletableFuture<String> notRouted = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        volatile OutboundConnection connection;

        public OutboundConnection connection() {
            return connection;
        }

        public CallSession awaitStarted(Duration timeout) throws InterruptedException, TimeoutException {
            return get(started, timeout);
        }

        public CallSession awaitEnded(Duration timeout) throws InterruptedException, TimeoutException {
            return get(ended, timeout);
        }

        public String awaitNotRouted(Duration timeout) throws InterruptedException, TimeoutException {
            return get(notRouted, timeout);
        }

        public void awaitClosed(Duration timeout) throws InterruptedException, TimeoutException {
            get(closed, timeout);
        }

        public CallInfo awaitRouted(Duration timeout) throws InterruptedException, TimeoutException {
            return get(routed, timeout);
        }

        public boolean ended() {
            return ended.isDone();
        }

        private static <T> T get(CompletableFuture<T> f, Duration timeout) throws InterruptedException, TimeoutException {
            try {
                return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    public LoopbackRuntime(OutboundSettings settings) throws InterruptedException {
        this(settings, ModuleSpeech.INSTANCE);
    }

    /** A runtime whose calls speak and recognise through {@code speech} (mrcp-adapter's UniMrcpSpeech in tests). */
    public LoopbackRuntime(OutboundSettings settings, SpeechCommands speech) throws InterruptedException {
        OutboundListener listener = new OutboundListener() {
            @Override
            public void callStarted(CallSession session, OutboundConnection connection) {
                Call c = call(session.callId());
                c.connection = connection;
                c.started.complete(session);
            }

            @Override
            public void callEnded(CallSession session, OutboundConnection connection) {
                call(session.callId()).ended.complete(session);
            }

            @Override
            public void callNotRouted(CallInfo info, String reason) {
                call(info.uuid()).notRouted.complete(reason);
            }

            @Override
            public void connectionClosed(OutboundConnection connection) {
                if (connection.uuid() != null) {
                    Call c = call(connection.uuid());
                    c.connection = connection;
                    c.closed.complete(null);
                }
            }
        };
        server = OutboundServer.builder(info -> {
                    call(info.uuid()).routed.complete(info);
                    CallStart start = expected.remove(info.uuid());
                    return start != null ? Optional.of(start) : fallbackRouter.apply(info);
                })
                .settings(settings.withBindAddress("127.0.0.1").withPort(0))
                .listener(listener)
                .speech(speech)
                .build();
        address = server.start();
    }

    public InetSocketAddress address() {
        return address;
    }

    public OutboundServer server() {
        return server;
    }

    /** The call with this uuid runs {@code start}. */
    public void expect(String uuid, CallStart start) {
        expected.put(uuid, start);
    }

    /** Routes calls nobody {@link #expect}ed. */
    public void routeOthers(Function<CallInfo, Optional<CallStart>> router) {
        this.fallbackRouter = router;
    }

    public Call call(String uuid) {
        return calls.computeIfAbsent(uuid, k -> new Call());
    }

    /**
     * Waits for the call's session to end, moving {@code clock} to the next timer whenever the call waits for
     * nothing else (checked twice, a millisecond apart, so a result on its way is never overtaken).
     */
    public CallSession runUntilEnded(String uuid, VirtualClock clock, Duration timeout)
            throws InterruptedException, TimeoutException {
        Call c = call(uuid);
        long deadline = System.nanoTime() + timeout.toNanos();
        c.awaitStarted(timeout);
        int quietChecks = 0;
        while (!c.ended.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("call " + uuid + " did not end within " + timeout + "; pending timers "
                        + clock.pending());
            }
            OutboundConnection connection = c.connection;
            boolean quiet = connection != null && connection.idle() && connection.isOpen();
            quietChecks = quiet ? quietChecks + 1 : 0;
            if (quietChecks >= 3 && clock.nextTimer() != null) {
                clock.advanceToNextTimer();
                quietChecks = 0;
                continue;
            }
            try {
                c.ended.get(1, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return c.ended.join();
    }

    @Override
    public void close() {
        server.close();
    }
}
