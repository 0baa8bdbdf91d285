package dev.ivrflow.app.runtime;

import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.esl.inbound.ConnectionState;
import dev.ivrflow.esl.inbound.InboundClient;
import dev.ivrflow.esl.inbound.InboundClientConfig;
import dev.ivrflow.esl.inbound.InboundHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inbound connection to FreeSWITCH's event socket (api, bgapi, events), when {@code ivr.esl.inbound.host} is
 * set; with no host there is none, and this bean does nothing. The password comes from {@code IVR_ESL_PASSWORD}: a
 * host without it stops the start, since FreeSWITCH would refuse every attempt.
 *
 * <p>Starting does not wait for FreeSWITCH: the client connects in the background and keeps trying with backoff (a
 * refused password is retried only once per maximum backoff), so the application can start before the switch, and
 * {@link #health()} says where the connection stands meanwhile.
 */
public final class EslInboundService implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EslInboundService.class);

    private final IvrProperties.EslInbound settings;
    private volatile InboundClient client;

    public EslInboundService(IvrProperties.EslInbound settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!settings.configured() || client != null) return;
        if (settings.password() == null) {
            throw new IllegalStateException("ivr.esl.inbound.host is set to " + settings.host() + " but no password is: "
                    + "set IVR_ESL_PASSWORD to the password of FreeSWITCH's event_socket.conf");
        }
        InboundClientConfig config = InboundClientConfig.builder().host(settings.host()).port(settings.port())
                .password(settings.password()).build();
        InboundClient c = InboundClient.create(config);
        // The client logs each failed attempt itself; here only the changes an operator acts on.
        AtomicReference<ConnectionState> last = new AtomicReference<>();
        c.addStateListener(h -> {
            ConnectionState before = last.getAndSet(h.state());
            if (before == h.state()) return;
            switch (h.state()) {
                case CONNECTED -> log.info("FreeSWITCH event socket {}: connected", config.target());
                case AUTH_FAILED -> log.error("FreeSWITCH event socket {}: {} (check IVR_ESL_PASSWORD and the ACL of event_socket.conf)",
                        config.target(), h.lastError().orElse("authentication refused"));
                case DISCONNECTED -> {
                    if (before == ConnectionState.CONNECTED) {
                        log.warn("FreeSWITCH event socket {}: connection lost{}; reconnecting", config.target(),
                                h.lastError().map(e -> " (" + e + ")").orElse(""));
                    }
                }
                default -> log.debug("FreeSWITCH event socket {}: {}", config.target(), h.state());
            }
        });
        client = c;
        c.connect().whenComplete((done, error) -> {
            if (error != null) {
                log.warn("FreeSWITCH event socket {}: not connected yet; the client keeps trying in the background",
                        config.target());
            }
        });
    }

    @Override
    public synchronized void stop() {
        InboundClient c = client;
        client = null;
        if (c != null) c.close();
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    @Override
    public int getPhase() {
        return EslOutboundService.PHASE;
    }

    public boolean configured() {
        return settings.configured();
    }

    /** The client, while one runs (for api and bgapi). */
    public Optional<InboundClient> client() {
        return Optional.ofNullable(client);
    }

    /** Where the connection stands; empty when no inbound connection is configured or it is stopped. */
    public Optional<InboundHealth> health() {
        InboundClient c = client;
        return c == null ? Optional.empty() : Optional.of(c.health());
    }

    public String target() {
        return settings.host() + ":" + settings.port();
    }

    static boolean up(InboundHealth h) {
        return h.state() == ConnectionState.CONNECTED;
    }
}
