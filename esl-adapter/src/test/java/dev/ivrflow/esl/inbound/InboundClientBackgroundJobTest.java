package dev.ivrflow.esl.inbound;

import dev.ivrflow.esl.codec.EslEvent;
import dev.ivrflow.esl.codec.EventFormat;
import dev.ivrflow.esl.fssim.inbound.BackgroundJobTiming;
import dev.ivrflow.esl.fssim.inbound.InboundFreeSwitch;
import dev.ivrflow.esl.fssim.inbound.ReceivedCommand;
import dev.ivrflow.esl.fssim.inbound.SimulatedConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static dev.ivrflow.esl.inbound.Fixtures.PASSWORD;
import static dev.ivrflow.esl.inbound.Fixtures.WAIT;
import static dev.ivrflow.esl.inbound.Fixtures.await;
import static dev.ivrflow.esl.inbound.Fixtures.config;
import static dev.ivrflow.esl.inbound.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

class InboundClientBackgroundJobTest {
    private static final String ORIGINATE = "originate {origination_caller_id_number=5552000}loopback/7001 &park()";
    private static final String ORIGINATED = "+OK c1a6a04a-8424-453b-a8ee-22133e812403\n";

    private final InboundFreeSwitch fs = InboundFreeSwitch.start(PASSWORD).onApi("originate", ORIGINATED);
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
    void shouldCompleteWithTheJobsOutputUnderTheJobUuidTheClientChose() {
        // given
        SimulatedConnection connection = connect(config(fs).build());

        // when
        BackgroundJobResult job = await(client.bgapi(ORIGINATE));

        // then
        ReceivedCommand bgapi = connection.awaitCommand(c -> c.verb().equals("bgapi"), WAIT);
        assertThat(bgapi.line()).isEqualTo("bgapi " + ORIGINATE);
        assertThat(job.jobUuid()).isEqualTo(bgapi.header("Job-UUID").orElseThrow());
        assertThat(job.success()).isTrue();
        assertThat(job.body()).isEqualTo(ORIGINATED);
        assertThat(job.command()).isEqualTo(ORIGINATE);
        assertThat(job.event().header("Job-Command")).contains("originate");
    }

    @Test
    void shouldNotLoseABackgroundJobThatArrivesBeforeItsReply() {
        // given FreeSWITCH writes the BACKGROUND_JOB before the +OK Job-UUID reply
        fs.backgroundJobTiming(BackgroundJobTiming.BEFORE_REPLY);
        connect(config(fs).build());

        // when
        List<CompletionStage<BackgroundJobResult>> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(client.bgapi(ORIGINATE));
        }

        // then every job completes, and replies stay paired with their commands afterwards
        jobs.forEach(job -> assertThat(await(job).body()).isEqualTo(ORIGINATED));
        assertThat(await(client.api("echo still-in-step")).body()).contains("still-in-step");
    }

    @Test
    void shouldSubscribeToBackgroundJobItselfBeforeTheFirstBgapi() {
        // given an application that subscribed to nothing
        SimulatedConnection connection = connect(config(fs).build());

        // when
        await(client.bgapi(ORIGINATE));
        await(client.bgapi(ORIGINATE));

        // then FreeSWITCH was asked for BACKGROUND_JOB first (it sends it only to subscribers), and once
        assertThat(connection.commandLines()).containsExactly("auth " + PASSWORD, "event json BACKGROUND_JOB",
                "bgapi " + ORIGINATE, "bgapi " + ORIGINATE);
    }

    @Test
    void shouldAskForBackgroundJobInTheFormatAlreadyInUse() {
        // given
        SimulatedConnection connection = connect(config(fs).build());
        await(client.subscribe(EventFormat.PLAIN, "CHANNEL_ANSWER"));

        // when
        await(client.bgapi(ORIGINATE));

        // then
        assertThat(connection.commandLines()).contains("event plain BACKGROUND_JOB");
        assertThat(connection.format()).isEqualTo(EventFormat.PLAIN);
    }

    @Test
    void shouldReportAJobThatFailedAsUnsuccessfulWithFreeSwitchsText() {
        // given
        fs.onApi("originate", "-ERR NO_ROUTE_DESTINATION\n");
        connect(config(fs).build());

        // when
        BackgroundJobResult job = await(client.bgapi("originate loopback/404 &park()"));

        // then
        assertThat(job.success()).isFalse();
        assertThat(job.body()).isEqualTo("-ERR NO_ROUTE_DESTINATION\n");
    }

    @Test
    void shouldTimeOutWhenTheJobNeverReports() {
        // given
        fs.backgroundJobTiming(BackgroundJobTiming.NEVER);
        connect(config(fs).build());

        // when
        Throwable error = failure(client.bgapi(ORIGINATE, Duration.ofMillis(150)));

        // then
        assertThat(error).isInstanceOf(TimeoutException.class)
                .hasMessageStartingWith("FreeSWITCH did not report background job 'bgapi " + ORIGINATE + " (Job-UUID ")
                .hasMessageEndingWith("within 150 ms");
    }

    @Test
    void shouldFailAPendingJobWhenTheConnectionDropsAndSayItMayHaveRun() {
        // given a job FreeSWITCH accepted and has not finished
        fs.backgroundJobTiming(BackgroundJobTiming.NEVER);
        SimulatedConnection connection = connect(config(fs).build());
        CompletionStage<BackgroundJobResult> job = client.bgapi(ORIGINATE);
        connection.awaitCommand(c -> c.verb().equals("bgapi"), WAIT);

        // when
        fs.dropConnections();

        // then
        assertThat(failure(job)).isInstanceOf(EslConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + fs.port())
                .hasMessageContaining("closed before 'bgapi " + ORIGINATE)
                .hasMessageEndingWith("reported its result; the job may still have run");
    }

    @Test
    void shouldKeepOurOwnJobsFromListenersButPassOtherEventsOn() {
        // given a listener of every event
        connect(config(fs).build());
        List<EslEvent> heard = new CopyOnWriteArrayList<>();
        client.addEventListener(heard::add);
        await(client.subscribe(EventFormat.JSON, "ALL"));

        // when
        BackgroundJobResult job = await(client.bgapi(ORIGINATE));
        await(client.api("echo done"));
        Fixtures.eventually("the API events", () -> heard.size() >= 2);

        // then the job's event completed the bgapi instead; the API events FreeSWITCH fires reach listeners
        assertThat(heard).extracting(EslEvent::name).containsOnly("API");
        assertThat(heard).noneMatch(e -> e.jobUuid().equals(java.util.Optional.of(job.jobUuid())));
    }
}
