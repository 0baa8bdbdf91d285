package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.fssim.inbound.CapturedEvents;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.fssim.inbound.SimulatedConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.ivrflow.esl.inbound.ConnectionState.AUTH_FAILED;
import static dev.ivrflow.esl.inbound.ConnectionState.CONNECTED;
import static dev.ivrflow.esl.inbound.ConnectionState.CONNECTING;
import static dev.ivrflow.esl.inbound.ConnectionState.DISCONNECTED;
import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.WAIT;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.awaitState;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.eventually;
import static dev.ivrflow.esl.inbound.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

class InboundClientReconnectTest {
    private static final String CALL = "9ec0a105-a592-4bb2-a752-9739f6132efe";

    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD);
    private final Fixtures.StateRecorder states = new Fixtures.StateRecorder();
    private InboundClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fs.close();
    }

    private InboundClient client(InboundClientConfig config) {
        client = InboundClient.create(config);
        client.addStateListener(states);
        return client;
    }

    @Test
    void shouldReconnectReauthenticateAndRestoreEverySubscriptionAfterTheServerDropsTheConnection() {
        // given a connected client with events, a CUSTOM subclass and a filter
        client(config(fs).build());
        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        client.addEventListener(heard::add);
        await(client.subscribe(EventFormat.JSON, List.of("CHANNEL_ANSWER", "DTMF")));
        await(client.subscribeCustom(EventFormat.JSON, List.of("conference::maintenance")));
        await(client.addFilter("Unique-ID", CALL));
        await(client.connect());

        // when FreeSWITCH goes away without a word
        fs.dropConnections();
        SimulatedConnection second = fs.awaitConnection(2, WAIT);
        awaitState(client, CONNECTED);
        states.awaitCount(CONNECTED, 2);

        // then the new connection was given auth and then everything the old one had, before CONNECTED
        assertThat(second.commandLines()).containsExactly(
                "auth " + PASSWORD,
                "event json CHANNEL_ANSWER DTMF CUSTOM conference::maintenance",
                "filter Unique-ID " + CALL);
        assertThat(second.subscribedEvents()).containsExactlyInAnyOrder("CHANNEL_ANSWER", "DTMF", "CUSTOM");
        assertThat(states.states()).containsSubsequence(CONNECTED, DISCONNECTED, CONNECTING, CONNECTED);
        assertThat(client.health().lastError()).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo("the connection to FreeSWITCH at 127.0.0.1:" + fs.port() + " was lost: Connection reset"));

        // and events flow on the new connection, api too
        fs.emit(CapturedEvents.dtmf(CALL, "9"));
        eventually("the DTMF", () -> !heard.isEmpty());
        assertThat(heard.getFirst().dtmfDigit()).contains("9");
        assertThat(await(client.api("echo back")).body()).contains("back");
    }

    @Test
    void shouldWaitLongerAfterEachFailedAttemptUpToTheMaximum() {
        // given FreeSWITCH that drops the next four connections at once
        fs.dropNextConnections(4);
        client(config(fs).backoff(Duration.ofMillis(20), Duration.ofMillis(60)).build());

        // when
        failure(client.connect());
        awaitState(client, CONNECTED);
        states.awaitCount(CONNECTED, 1);

        // then the attempts were 20, 40, 60 and 60 ms apart at least
        List<Instant> attempts = states.seen.stream().filter(h -> h.state() == CONNECTING).map(InboundHealth::since).toList();
        assertThat(attempts).hasSize(5);
        List<Long> gaps = List.of(20L, 40L, 60L, 60L);
        for (int i = 0; i < gaps.size(); i++) {
            assertThat(Duration.between(attempts.get(i), attempts.get(i + 1)).toMillis()).as("gap " + i)
                    .isGreaterThanOrEqualTo(gaps.get(i) - 1);
        }
        assertThat(fs.connections()).hasSize(5);
        assertThat(client.health().failedAttempts()).isZero();
    }

    @Test
    void shouldRetryARefusedPasswordOnlyAtTheMaximumIntervalAndRecoverOnceItIsFixed() {
        // given a password FreeSWITCH does not accept, and a fast initial backoff
        fs.password("changed-on-the-freeswitch-side");
        client(config(fs).backoff(Duration.ofMillis(5), Duration.ofMillis(200)).build());

        // when
        failure(client.connect());
        SimulatedConnection second = fs.awaitConnection(2, WAIT);
        states.awaitCount(CONNECTING, 2);

        // then the second try came at the maximum backoff, not the initial one
        List<Instant> attempts = states.seen.stream().filter(h -> h.state() == CONNECTING).map(InboundHealth::since).toList();
        assertThat(Duration.between(attempts.get(0), attempts.get(1)).toMillis()).isGreaterThanOrEqualTo(199);
        assertThat(states.states()).startsWith(CONNECTING, AUTH_FAILED, CONNECTING);
        second.awaitCommandLine("auth " + PASSWORD, WAIT);
        assertThat(second.commandLines()).containsExactly("auth " + PASSWORD);

        // and once FreeSWITCH's password is put right, the client comes up by itself
        fs.password(PASSWORD);
        awaitState(client, CONNECTED);
    }

    @Test
    void shouldNeverTryAgainAfterARefusedPasswordWhenToldToStop() throws InterruptedException {
        // given
        client(config(fs).password("wrong").authFailurePolicy(AuthFailurePolicy.STOP)
                .backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build());

        // when
        failure(client.connect());
        Thread.sleep(100); // five maximum backoffs

        // then
        assertThat(fs.connections()).hasSize(1);
        assertThat(client.state()).isEqualTo(AUTH_FAILED);
    }

    @Test
    void shouldStayDisconnectedWhenReconnectingIsDisabled() throws InterruptedException {
        // given
        client(config(fs).reconnect(false).build());
        await(client.connect());

        // when
        fs.dropConnections();
        awaitState(client, DISCONNECTED);
        Thread.sleep(100); // ten initial backoffs

        // then
        assertThat(fs.connections()).hasSize(1);
        assertThat(failure(client.api("status"))).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("not connected to FreeSWITCH at 127.0.0.1:" + fs.port() + " (DISCONNECTED: "
                        + "the connection to FreeSWITCH at 127.0.0.1:" + fs.port() + " was lost");
    }

    @Test
    void shouldKeepTryingAfterAFailedFirstAttemptSoAnApplicationCanStartBeforeFreeSwitch() {
        // given FreeSWITCH not ready for the first two attempts
        fs.dropNextConnections(2);
        client(config(fs).build());

        // when
        Throwable first = failure(client.connect());

        // then the first attempt's failure is reported (reset during the connect or right after), and the client
        // comes up anyway
        assertThat(first).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("FreeSWITCH")
                .hasMessageContaining("127.0.0.1:" + fs.port())
                .hasMessageNotContaining(": /127.0.0.1");
        awaitState(client, CONNECTED);
        assertThat(fs.connections()).hasSize(3);
    }
}
