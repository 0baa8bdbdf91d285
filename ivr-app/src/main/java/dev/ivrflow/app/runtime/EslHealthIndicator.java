package dev.ivrflow.app.runtime;

import dev.ivrflow.esl.inbound.InboundHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code esl} in {@code /actuator/health}: UP when the outbound server listens (or is disabled on purpose) and the
 * inbound connection, when one is configured, is CONNECTED; DOWN otherwise, with the inbound client's last error.
 * Details (for ADMIN): where the server listens and how many call sockets are open; the inbound state, since when,
 * the last error and the failed attempts.
 */
public final class EslHealthIndicator implements HealthIndicator {
    private final EslOutboundService outbound;
    private final EslInboundService inbound;

    public EslHealthIndicator(EslOutboundService outbound, EslInboundService inbound) {
        this.outbound = outbound;
        this.inbound = inbound;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> out = new LinkedHashMap<>();
        if (!outbound.enabled()) {
            out.put("status", "disabled");
        } else {
            InetSocketAddress address = outbound.address();
            out.put("status", address == null ? "not listening" : "listening");
            if (address != null) out.put("address", address.getHostString() + ":" + address.getPort());
            out.put("connections", outbound.connectionCount());
            up = address != null;
        }
        Map<String, Object> in = new LinkedHashMap<>();
        if (!inbound.configured()) {
            in.put("status", "not configured");
        } else {
            in.put("target", inbound.target());
            Optional<InboundHealth> h = inbound.health();
            if (h.isEmpty()) {
                in.put("state", "STOPPED");
                up = false;
            } else {
                InboundHealth health = h.get();
                in.put("state", health.state().name());
                in.put("since", health.since().toString());
                health.lastError().ifPresent(e -> in.put("lastError", e));
                in.put("failedAttempts", health.failedAttempts());
                up &= EslInboundService.up(health);
            }
        }
        return (up ? Health.up() : Health.down()).withDetail("outbound", out).withDetail("inbound", in).build();
    }
}
