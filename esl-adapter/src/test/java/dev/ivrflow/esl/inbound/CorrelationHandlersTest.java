package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslCommands;
import dev.ivrflow.esl.codec.EslEncoder;
import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EslHeaders;
import dev.ivrflow.esl.codec.EslMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two correlators in a channel of their own, with time under the test's control: no sockets, no sleeping.
 */
class CorrelationHandlersTest {
    private static final String TARGET = "127.0.0.1:8021";

    /** What a caller heard: the answer or the failure. */
    private record Outcome<T>(T answer, Throwable failure) {
    }

    private final ReplyCorrelator replies = new ReplyCorrelator(TARGET);
    private final BackgroundJobCorrelator jobs = new BackgroundJobCorrelator(TARGET);
    private final List<Object> passedOn = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new EslEncoder(), replies, jobs,
            new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    passedOn.add(msg);
                }
            });

    private List<Outcome<EslMessage>> send(String... commands) {
        List<Outcome<EslMessage>> outcomes = new ArrayList<>();
        for (String command : commands) {
            send(command, Duration.ofSeconds(1), outcomes);
        }
        return outcomes;
    }

    private void send(String command, Duration timeout, List<Outcome<EslMessage>> outcomes) {
        channel.writeOutbound(new PendingReply(EslCommands.api(command), new Pending<>("api " + command, timeout,
                (answer, failure) -> outcomes.add(new Outcome<>(answer, failure)))));
    }

    private static EslMessage apiResponse(String body) {
        return EslMessage.of(EslHeaders.of("Content-Type", "api/response", "Content-Length",
                Integer.toString(body.length())), body);
    }

    @Test
    void shouldPairAnswersWithCommandsInWireOrderAndPassEventsOn() {
        // given three commands written
        channel.freezeTime();
        List<Outcome<EslMessage>> outcomes = send("one", "two", "three");
        List<String> wire = new ArrayList<>();
        for (ByteBuf written; (written = channel.readOutbound()) != null; written.release()) {
            wire.add(written.toString(StandardCharsets.UTF_8));
        }

        // when answers come back with an event among them
        EslEvent event = new EslEvent("DTMF", EslHeaders.of("Event-Name", "DTMF"), null);
        channel.writeInbound(apiResponse("1"), event, apiResponse("2"), apiResponse("3"));

        // then
        assertThat(wire).containsExactly("api one\n\n", "api two\n\n", "api three\n\n");
        assertThat(outcomes).extracting(o -> o.answer().body().orElseThrow()).containsExactly("1", "2", "3");
        assertThat(passedOn).containsExactly(event);
    }

    @Test
    void shouldKeepATimedOutCommandsPlaceSoItsLateAnswerIsDroppedNotMisdelivered() {
        // given two commands, the first of which times out
        channel.freezeTime();
        List<Outcome<EslMessage>> outcomes = new ArrayList<>();
        send("slow", Duration.ofMillis(100), outcomes);
        send("fast", Duration.ofSeconds(1), outcomes);
        drainOutbound();
        channel.advanceTimeBy(100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.failure())
                .isInstanceOf(TimeoutException.class).hasMessage("FreeSWITCH did not answer 'api slow' within 100 ms"));
        assertThat(replies.awaitingCount()).isEqualTo(2);

        // when both answers come, the first late
        channel.writeInbound(apiResponse("slow's answer"), apiResponse("fast's answer"));

        // then the late answer was dropped and the next one went to its own command
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1).answer().body()).contains("fast's answer");
        assertThat(replies.awaitingCount()).isZero();
        assertThat(passedOn).isEmpty();
    }

    @Test
    void shouldDropAnAnswerNobodyAskedForWithoutBreakingTheNextPair() {
        // given
        channel.writeInbound(apiResponse("unsolicited"));
        List<Outcome<EslMessage>> outcomes = send("status");
        drainOutbound();

        // when
        channel.writeInbound(apiResponse("UP"));

        // then
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.answer().body()).contains("UP"));
    }

    @Test
    void shouldFailEveryPendingCommandAndJobWhenTheChannelCloses() {
        // given
        List<Outcome<EslMessage>> outcomes = send("hang");
        List<Outcome<EslEvent>> jobOutcomes = new ArrayList<>();
        jobs.register("job-1", new Pending<>("bgapi originate x", null,
                (answer, failure) -> jobOutcomes.add(new Outcome<>(answer, failure))));
        drainOutbound();

        // when
        channel.close();

        // then
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.failure())
                .isInstanceOf(EslConnectionException.class).hasMessageContaining("closed before it answered 'api hang'"));
        assertThat(jobOutcomes).singleElement().satisfies(o -> assertThat(o.failure())
                .isInstanceOf(EslConnectionException.class).hasMessageContaining("may still have run"));
    }

    @Test
    void shouldMatchABackgroundJobByItsJobUuidAndPassOthersJobsOn() {
        // given a job registered before its bgapi goes out
        List<Outcome<EslEvent>> jobOutcomes = new ArrayList<>();
        jobs.register("ours", new Pending<>("bgapi originate x", null,
                (answer, failure) -> jobOutcomes.add(new Outcome<>(answer, failure))));
        EslEvent theirs = job("someone-elses");
        EslEvent ours = job("ours");

        // when
        channel.writeInbound(theirs, ours);

        // then
        assertThat(jobOutcomes).singleElement().satisfies(o -> assertThat(o.answer()).isSameAs(ours));
        assertThat(passedOn).containsExactly(theirs);
        assertThat(jobs.pendingCount()).isZero();
    }

    @Test
    void shouldFollowTheJobUuidFreeSwitchChoseWhenItIgnoresOurs() {
        // given
        List<Outcome<EslEvent>> jobOutcomes = new ArrayList<>();
        jobs.register("ours", new Pending<>("bgapi x", null, (answer, failure) -> jobOutcomes.add(new Outcome<>(answer, failure))));

        // when
        jobs.rekey("ours", "freeswitchs");
        channel.writeInbound(job("freeswitchs"));

        // then
        assertThat(jobOutcomes).singleElement().satisfies(o -> assertThat(o.answer().jobUuid()).contains("freeswitchs"));
    }

    private static EslEvent job(String jobUuid) {
        return new EslEvent("BACKGROUND_JOB", EslHeaders.of("Event-Name", "BACKGROUND_JOB", "Job-UUID", jobUuid), "+OK\n");
    }

    private void drainOutbound() {
        for (ByteBuf written; (written = channel.readOutbound()) != null; ) {
            written.release();
        }
    }
}
