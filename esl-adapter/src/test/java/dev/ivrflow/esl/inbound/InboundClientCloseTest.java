package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.fssim.inbound.SimulatedConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.WAIT;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

class InboundClientCloseTest {
    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD);

    @AfterEach
    void stop() {
        fs.close();
    }

    @Test
    void shouldSayExitThenReleaseTheConnectionAndEveryThread() throws InterruptedException {
        // given a client that connected, subscribed and called
        Set<String> before = Fixtures.clientThreads();
        InboundClient client = InboundClient.create(config(fs).build());
        Fixtures.StateRecorder states = new Fixtures.StateRecorder();
        client.addStateListener(states);
        await(client.connect());
        await(client.subscribe(EventFormat.JSON, "DTMF"));
        await(client.api("status"));
        SimulatedConnection connection = fs.awaitConnection(1, WAIT);

        // when
        client.close();

        // then
        assertThat(connection.commandLines()).endsWith("exit");
        assertThat(connection.awaitClosed(WAIT)).isTrue();
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(states.states()).endsWith(ConnectionState.CLOSED);
        assertThat(Fixtures.clientThreads()).isSubsetOf(before);
        assertThat(failure(client.api("status"))).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void shouldFailWhateverIsStillPendingWhenClosed() {
        // given a call FreeSWITCH will never answer
        fs.holdApi("hang");
        InboundClient client = InboundClient.create(config(fs).closeTimeout(Duration.ofMillis(100)).build());
        await(client.connect());
        CompletionStage<EslMessage> pending = client.api("hang");
        fs.awaitConnection(1, WAIT).awaitCommandLine("api hang", WAIT);

        // when
        client.close();

        // then
        assertThat(failure(pending)).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("closed before it answered 'api hang'");
    }

    @Test
    void shouldStopRetryingWhenClosedWhileFreeSwitchIsDown() throws InterruptedException {
        // given a client retrying against a port nothing listens on
        Set<String> before = Fixtures.clientThreads();
        InboundClient client = InboundClient.create(Fixtures.config("127.0.0.1", Fixtures.refusedPort()).build());
        CompletionStage<Void> connecting = client.connect();
        failure(connecting);

        // when
        client.close();

        // then
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Fixtures.clientThreads()).isSubsetOf(before);
    }

    @Test
    void shouldFailConnectOnAClientClosedBeforeItStarted() {
        // given
        InboundClient client = InboundClient.create(config(fs).build());

        // when
        client.close();

        // then
        assertThat(failure(client.connect())).isInstanceOf(EslConnectionException.class).hasMessageContaining("closed");
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(fs.connections()).isEmpty();
    }

    @Test
    void shouldCloseFromInsideAListenerAndMoreThanOnce() throws InterruptedException {
        // given a listener that closes the client once it is connected
        InboundClient client = InboundClient.create(config(fs).build());
        CountDownLatch closedFromListener = new CountDownLatch(1);
        client.addStateListener(health -> {
            if (health.state() == ConnectionState.CONNECTED) {
                client.close();
                closedFromListener.countDown();
            }
        });

        // when
        client.connect();

        // then
        assertThat(closedFromListener.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Fixtures.awaitState(client, ConnectionState.CLOSED);
        client.close();
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    }
}
