package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

class InboundClientAuthenticationTest {
    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD);
    private InboundClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fs.close();
    }

    @Test
    void shouldAuthenticateWithThePasswordAndReportConnected() {
        // given
        client = InboundClient.create(config(fs).build());

        // when
        await(client.connect());

        // then
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(client.health().isUp()).isTrue();
        assertThat(fs.awaitConnection(1, Fixtures.WAIT).commandLines()).containsExactly("auth " + PASSWORD);
    }

    @Test
    void shouldFailWithAClearErrorWhenFreeSwitchRejectsThePassword() {
        // given
        client = InboundClient.create(config(fs).password("not-the-password").build());

        // when
        Throwable error = failure(client.connect());

        // then
        assertThat(error).isInstanceOf(EslAuthenticationException.class)
                .hasMessageStartingWith("FreeSWITCH rejected the event socket password for 127.0.0.1:" + fs.port())
                .hasMessageContaining("-ERR invalid")
                .hasMessageNotContaining("not-the-password");
        assertThat(client.state()).isEqualTo(ConnectionState.AUTH_FAILED);
        assertThat(client.health().lastError()).hasValueSatisfying(e -> assertThat(e).contains("rejected the event socket password"));
    }

    @Test
    void shouldNameHostAndPortWhenTheConnectionIsRefused() {
        // given nothing listening on the port
        int port = Fixtures.refusedPort();
        client = InboundClient.create(Fixtures.config("127.0.0.1", port).build());

        // when
        Throwable error = failure(client.connect());

        // then
        assertThat(error).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("could not connect to the FreeSWITCH event socket at 127.0.0.1:" + port)
                .hasMessageContaining("connection refused");
        assertThat(client.state()).isIn(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING);
    }

    @Test
    void shouldQuoteFreeSwitchWhenItsAclRejectsThisClient() {
        // given FreeSWITCH's apply-inbound-acl does not list us
        fs.rudeRejection(true);
        client = InboundClient.create(config(fs).build());

        // when
        Throwable error = failure(client.connect());

        // then
        assertThat(error).isInstanceOf(EslAccessDeniedException.class)
                .hasMessageContaining("FreeSWITCH at 127.0.0.1:" + fs.port())
                .hasMessageContaining("ACL")
                .hasMessageContaining("\"Access Denied, go away.\"");
        assertThat(((EslAccessDeniedException) error).freeSwitchText()).isEqualTo("Access Denied, go away.");
        assertThat(client.state()).isEqualTo(ConnectionState.AUTH_FAILED);
        assertThat(fs.awaitConnection(1, Fixtures.WAIT).commands()).isEmpty();
    }

    @Test
    void shouldGiveUpTheHandshakeWhenNothingAsksForAuth() throws IOException {
        // given a server that accepts and then says nothing, as a wrong service on that port might
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(Duration.ofSeconds(2));
                } catch (IOException | InterruptedException e) {
                    // test over
                }
            });
            client = InboundClient.create(Fixtures.config("127.0.0.1", silent.getLocalPort())
                    .connectTimeout(Duration.ofMillis(150)).reconnect(false).build());

            // when
            Throwable error = failure(client.connect());

            // then
            assertThat(error).isInstanceOf(EslConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + silent.getLocalPort())
                    .hasMessageContaining("did not complete the event socket handshake within 150 ms")
                    .hasMessageContaining("no auth/request");
            assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
        }
    }

    @Test
    void shouldNeverShowThePasswordWhenTheConfigurationIsPrinted() {
        // given
        InboundClientConfig config = config(fs).password("s3cret-value").build();

        // when
        String printed = config.toString();

        // then
        assertThat(printed).doesNotContain("s3cret-value").contains("password ****").contains("127.0.0.1:" + fs.port());
    }
}
