package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslCommands;
import dev.ivrflow.esl.codec.EslContentType;
import dev.ivrflow.esl.codec.EslExecute;
import dev.ivrflow.esl.codec.EslMessage;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.fssim.inbound.ReceivedCommand;
import dev.ivrflow.esl.fssim.inbound.SimulatedConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.WAIT;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundClientApiTest {
    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD);
    private InboundClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        fs.close();
    }

    private SimulatedConnection connect(InboundClientConfig config) {
        client = InboundClient.create(config);
        await(client.connect());
        return fs.awaitConnection(1, WAIT);
    }

    @Test
    void shouldReturnTheApiResponseWithTheCommandsOutputAsBody() {
        // given
        SimulatedConnection connection = connect(config(fs).build());

        // when
        EslMessage reply = await(client.api("status"));

        // then
        assertThat(reply.contentType()).isEqualTo(EslContentType.API_RESPONSE);
        assertThat(reply.body()).contains(InboundFreeSwitch.CAPTURED_STATUS);
        assertThat(connection.commandLines()).containsExactly("auth " + PASSWORD, "api status");
    }

    @Test
    void shouldReturnAnUnknownCommandsErrorAsItsOutputNotAsAFailure() {
        // given
        connect(config(fs).build());

        // when
        EslMessage reply = await(client.api("bogus_command_xyz"));

        // then
        assertThat(reply.isErr()).isTrue();
        assertThat(reply.body()).contains("-ERR bogus_command_xyz Command not found!\n");
    }

    @Test
    void shouldPairEachOf200ConcurrentCallsWithItsOwnAnswer() throws InterruptedException {
        // given
        SimulatedConnection connection = connect(config(fs).build());
        List<CompletionStage<EslMessage>> replies = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);

        // when 200 threads call at once
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<CompletionStage<EslMessage>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String token = "call-" + i;
                calls.add(callers.submit(() -> {
                    start.await();
                    return client.api("echo " + token);
                }));
            }
            start.countDown();
            for (var call : calls) {
                replies.add(call.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }

        // then every caller gets the answer to its own command
        for (int i = 0; i < 200; i++) {
            assertThat(await(replies.get(i)).body()).contains("call-" + i);
        }
        assertThat(connection.commands()).filteredOn(c -> c.line().startsWith("api echo ")).hasSize(200);
    }

    @Test
    void shouldTimeOutASlowCallAndStillPairTheNextCallWithItsOwnAnswer() {
        // given an api FreeSWITCH answers only after the caller stopped waiting
        CountDownLatch callerGaveUp = new CountDownLatch(1);
        fs.onApi("slow", call -> {
            callerGaveUp.await();
            return "late\n";
        });
        connect(config(fs).apiTimeout(Duration.ofMillis(100)).build());

        // when (the next call waits behind the slow one, as it would in FreeSWITCH)
        Throwable timedOut = failure(client.api("slow"));
        CompletionStage<EslMessage> nextCall = client.api("echo next", WAIT);
        callerGaveUp.countDown();
        EslMessage next = await(nextCall);

        // then the late answer was dropped, not handed to the next caller
        assertThat(timedOut).isInstanceOf(TimeoutException.class)
                .hasMessage("FreeSWITCH did not answer 'api slow' within 100 ms");
        assertThat(next.body()).contains("next");
    }

    @Test
    void shouldFailAPendingCallWithAClearErrorWhenTheConnectionDrops() {
        // given an api FreeSWITCH is still working on
        fs.holdApi("hang");
        SimulatedConnection connection = connect(config(fs).build());
        CompletionStage<EslMessage> pending = client.api("hang");
        connection.awaitCommandLine("api hang", WAIT);

        // when
        fs.dropConnections();

        // then
        assertThat(failure(pending)).isInstanceOf(EslConnectionException.class)
                .hasMessage("the connection to FreeSWITCH at 127.0.0.1:" + fs.port() + " closed before it answered 'api hang'");
    }

    @Test
    void shouldFailAtOnceWhenNotConnected() {
        // given a client never connected
        client = InboundClient.create(config(fs).build());

        // when
        Throwable error = failure(client.api("status"));

        // then
        assertThat(error).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("not connected to FreeSWITCH at 127.0.0.1:" + fs.port())
                .hasMessageContaining("'api status' was not sent");
    }

    @Test
    void shouldRefuseALineBreakInACommandBeforeAnythingIsSent() {
        // given
        SimulatedConnection connection = connect(config(fs).build());

        // when / then
        assertThatThrownBy(() -> client.api("status\n\napi system rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain CR, LF or NUL");
        await(client.api("version"));
        assertThat(connection.commandLines()).containsExactly("auth " + PASSWORD, "api version");
    }

    @Test
    void shouldSendASendmsgAndReturnItsReply() {
        // given
        SimulatedConnection connection = connect(config(fs).build());

        // when
        EslMessage reply = await(client.send(EslExecute.app("playback").uuid("9ec0a105-a592-4bb2-a752-9739f6132efe")
                .arg("tone_stream://%(300,0,800)").eventUuid("inbound-step-42").build()));

        // then
        assertThat(reply.isOk()).isTrue();
        ReceivedCommand sendmsg = connection.awaitCommand(c -> c.verb().equals("sendmsg"), WAIT);
        assertThat(sendmsg.line()).isEqualTo("sendmsg 9ec0a105-a592-4bb2-a752-9739f6132efe");
        assertThat(sendmsg.header("execute-app-arg")).contains("tone_stream://%(300,0,800)");
        assertThat(sendmsg.header("Event-UUID")).contains("inbound-step-42");
    }

    @Test
    void shouldRefuseToSendCommandsWhoseEffectTheClientKeepsItself() {
        // given
        connect(config(fs).build());

        // when / then
        assertThatThrownBy(() -> client.send(EslCommands.noevents()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'noevents' is managed by the client");
        assertThatThrownBy(() -> client.send(EslCommands.filter("Unique-ID", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.send(EslCommands.exit())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCompleteStagesOffTheIoThreadSoCallersMayBlock() {
        // given
        connect(config(fs).build());

        // when
        String thread = await(client.api("version").thenApply(reply -> Thread.currentThread().getName()));
        String nested = await(client.api("version").thenApply(reply -> await(client.api("echo inner")).body().orElse("")));

        // then
        assertThat(thread).doesNotStartWith("esl-inbound-io");
        assertThat(nested).isEqualTo("inner");
    }
}
