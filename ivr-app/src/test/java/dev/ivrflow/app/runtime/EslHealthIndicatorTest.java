package dev.ivrflow.app.runtime;

import dev.ivrflow.app.config.IvrProperties;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.inbound.ConnectionState;
import dev.ivrflow.esl.outbound.OutboundSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code esl} health: the outbound server, and the inbound connection against a simulated FreeSWITCH. */
class EslHealthIndicatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final EslOutboundService disabledOutbound = new EslOutboundService(false, OutboundSettings.DEFAULT, null,
            List.of(), Duration.ZERO);
    private InboundFreeSwitch freeswitch;
    private EslInboundService inbound;

    @AfterEach
    void stop() {
        if (inbound != null) inbound.stop();
        if (freeswitch != null) freeswitch.close();
    }

    private Health awaitInbound(EslHealthIndicator indicator, ConnectionState state) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Health h = indicator.health();
        while (!state.name().equals(inboundDetails(h).get("state")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            h = indicator.health();
        }
        assertThat(inboundDetails(h)).containsEntry("state", state.name());
        return h;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inboundDetails(Health h) {
        return (Map<String, Object>) h.getDetails().get("inbound");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outboundDetails(Health h) {
        return (Map<String, Object>) h.getDetails().get("outbound");
    }

    @Test
    void shouldBeUpWhenTheInboundConnectionIsConnected() throws Exception {
        freeswitch = InboundFreeSwitch.start("s3cret-pass");
        inbound = new EslInboundService(new IvrProperties.EslInbound(freeswitch.host(), freeswitch.port(), "s3cret-pass"));
        inbound.start();

        Health h = awaitInbound(new EslHealthIndicator(disabledOutbound, inbound), ConnectionState.CONNECTED);

        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(inboundDetails(h)).containsEntry("target", freeswitch.host() + ":" + freeswitch.port());
        assertThat(outboundDetails(h)).containsEntry("status", "disabled");
        assertThat(inbound.client()).isPresent();
    }

    @Test
    void shouldBeDownWithTheErrorWhenThePasswordIsRefused() throws Exception {
        freeswitch = InboundFreeSwitch.start("the-right-one");
        inbound = new EslInboundService(new IvrProperties.EslInbound(freeswitch.host(), freeswitch.port(), "a-wrong-one"));
        inbound.start();

        Health h = awaitInbound(new EslHealthIndicator(disabledOutbound, inbound), ConnectionState.AUTH_FAILED);

        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(inboundDetails(h)).containsKey("lastError");
        assertThat(h.toString()).doesNotContain("a-wrong-one").doesNotContain("the-right-one");
    }

    @Test
    void shouldBeDownWithTheErrorWhenFreeSwitchIsNotThere() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        inbound = new EslInboundService(new IvrProperties.EslInbound("127.0.0.1", closedPort, "whatever"));
        inbound.start();

        EslHealthIndicator indicator = new EslHealthIndicator(disabledOutbound, inbound);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!inboundDetails(indicator.health()).containsKey("lastError") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Health h = indicator.health();

        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(inboundDetails(h).get("state")).isIn("DISCONNECTED", "CONNECTING");
        assertThat(inboundDetails(h)).containsKey("lastError");
    }

    @Test
    void shouldRefuseToStartWithAHostButNoPassword() {
        inbound = new EslInboundService(new IvrProperties.EslInbound("127.0.0.1", 8021, ""));

        assertThatThrownBy(inbound::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("IVR_ESL_PASSWORD");
        assertThat(inbound.isRunning()).isFalse();
    }

    @Test
    void shouldNotConnectAtAllWithoutAHost() {
        inbound = new EslInboundService(new IvrProperties.EslInbound(null, null, null));
        inbound.start();

        Health h = new EslHealthIndicator(disabledOutbound, inbound).health();

        assertThat(inbound.client()).isEmpty();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(inboundDetails(h)).containsEntry("status", "not configured");
    }

    @Test
    void shouldBeDownWhenTheOutboundServerIsNotListening() {
        EslOutboundService notStarted = new EslOutboundService(true, OutboundSettings.DEFAULT, null, List.of(), Duration.ZERO);
        inbound = new EslInboundService(new IvrProperties.EslInbound(null, null, null));

        Health h = new EslHealthIndicator(notStarted, inbound).health();

        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(outboundDetails(h)).containsEntry("status", "not listening");
    }
}
