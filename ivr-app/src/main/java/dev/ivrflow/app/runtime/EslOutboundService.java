package dev.ivrflow.app.runtime;

import dev.ivrflow.esl.channel.ModuleSpeech;
import dev.ivrflow.esl.outbound.OutboundConnection;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.esl.outbound.OutboundServer;
import dev.ivrflow.esl.outbound.OutboundSettings;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.port.SpeechCommands;
import dev.ivrflow.flow.runtime.CallSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ESL outbound server as part of the application's lifecycle: it starts listening once the application is up
 * (after the publish watcher has loaded what is live) and stops with it.
 *
 * <p>Stopping drains first: new calls are handed back to the dialplan (the router refuses them, the server sends
 * {@code resume}), and calls in progress may go on for up to {@code drainTimeout}; then every remaining socket is
 * closed. A dialplan that lists several {@code socket} targets one after the other moves a handed-back caller on to
 * the next instance.
 */
public final class EslOutboundService implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EslOutboundService.class);
    /** After the web server (which starts at DEFAULT_PHASE - 1024), so calls arrive on a started application. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final boolean enabled;
    private final OutboundSettings settings;
    private final FlowCallRouter router;
    private final OutboundListener listener;
    private final Duration drainTimeout;
    private final SpeechCommands speech;

    private volatile OutboundServer server;
    private volatile InetSocketAddress address;

    public EslOutboundService(boolean enabled, OutboundSettings settings, FlowCallRouter router,
                              List<OutboundListener> listeners, Duration drainTimeout) {
        this(enabled, settings, router, listeners, drainTimeout, ModuleSpeech.INSTANCE);
    }

    /** With the speech commands calls speak and recognise through (mrcp-adapter's, from {@link SpeechConfig}). */
    public EslOutboundService(boolean enabled, OutboundSettings settings, FlowCallRouter router,
                              List<OutboundListener> listeners, Duration drainTimeout, SpeechCommands speech) {
        this.enabled = enabled;
        this.settings = settings;
        this.router = router;
        this.listener = new Listeners(List.copyOf(listeners));
        this.drainTimeout = drainTimeout;
        this.speech = speech;
    }

    @Override
    public synchronized void start() {
        if (!enabled || server != null) {
            if (!enabled) log.info("the ESL outbound server is disabled (ivr.esl.outbound.enabled=false): this instance takes no calls");
            return;
        }
        OutboundServer s = OutboundServer.builder(router).settings(settings).listener(listener).speech(speech).build();
        try {
            address = s.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new IllegalStateException("interrupted while starting the ESL outbound server", e);
        } catch (RuntimeException e) {
            s.close();
            throw new IllegalStateException("the ESL outbound server cannot listen on " + settings.bindAddress() + ":"
                    + settings.port() + " (ivr.esl.outbound.host/port): " + e.getMessage(), e);
        }
        server = s;
        log.info("taking calls: FreeSWITCH's dialplan should run `socket {}:{} async full`",
                address.getHostString(), address.getPort());
    }

    @Override
    public void stop() {
        OutboundServer s;
        synchronized (this) {
            s = server;
            server = null;
        }
        if (s == null) return;
        router.drain();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        int open = s.connectionCount();
        if (open > 0) log.info("draining: {} call(s) in progress may go on for up to {}", open, drainTimeout);
        while (s.connectionCount() > 0 && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (s.connectionCount() > 0) log.warn("closing {} call socket(s) still open after {}", s.connectionCount(), drainTimeout);
        s.close();
        log.info("the ESL outbound server is stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Where the server listens, or null when it does not. */
    public InetSocketAddress address() {
        return server == null ? null : address;
    }

    /** Sockets open: calls being served, or being set up or released. */
    public int connectionCount() {
        OutboundServer s = server;
        return s == null ? 0 : s.connectionCount();
    }

    /** Every listener hears every event; one that fails does not keep the others (or the call) from going on. */
    private record Listeners(List<OutboundListener> all) implements OutboundListener {
        @Override
        public void callStarted(CallSession session, OutboundConnection connection) {
            for (OutboundListener l : all) safely(() -> l.callStarted(session, connection));
        }

        @Override
        public void callEnded(CallSession session, OutboundConnection connection) {
            for (OutboundListener l : all) safely(() -> l.callEnded(session, connection));
        }

        @Override
        public void callNotRouted(CallInfo call, String reason) {
            for (OutboundListener l : all) safely(() -> l.callNotRouted(call, reason));
        }

        @Override
        public void connectionClosed(OutboundConnection connection) {
            for (OutboundListener l : all) safely(() -> l.connectionClosed(connection));
        }

        private static void safely(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("an outbound call listener failed", e);
            }
        }
    }
}
