package dev.ivrflow.app.runtime;

import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.outbound.CallServices;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.flow.flowtest.FlowTestFile;
import dev.ivrflow.flow.flowtest.Scenario;
import dev.ivrflow.flow.runtime.CallSession;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with the runtime wired in: it starts with the ESL server and the embedded database, reports both
 * in its health, routes real calls from the FreeSWITCH simulator to published flows, hands unrouted calls back to
 * the dialplan, and counts calls and node times in its metrics.
 */
class RuntimeAppTest extends RuntimeTestSupport {
    private static final Path EXAMPLES = Path.of("..", "flows-examples", "flows");
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void shouldStartTheEslServerOnALoopbackPortAndReportItHealthy() {
        assertThat(esl.address()).isNotNull();
        assertThat(esl.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(esl.address().getPort()).isPositive();

        JsonNode health = admin().get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode eslHealth = health.at("/components/esl");
        assertThat(eslHealth.get("status").asString()).isEqualTo("UP");
        assertThat(eslHealth.at("/details/outbound/status").asString()).isEqualTo("listening");
        assertThat(eslHealth.at("/details/outbound/address").asString()).isEqualTo("127.0.0.1:" + esl.address().getPort());
        assertThat(eslHealth.at("/details/outbound/connections").isNumber()).isTrue();
        assertThat(eslHealth.at("/details/inbound/status").asString()).isEqualTo("not configured");
        assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/details/embedded").asBoolean()).isTrue();
        assertThat(health.at("/components/flows/status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldGiveCallsTheApplicationsOwnJournalTimedForTheNodeMetrics() {
        var journals = context.getBeansOfType(JournalSink.class);
        CallServices services = context.getBean(CallServices.class);

        assertThat(journals).as("the fallback steps aside when the application has a journal").hasSize(1);
        assertThat(services.journal()).isInstanceOfSatisfying(MeteredJournalSink.class,
                metered -> assertThat(metered.delegate()).isSameAs(journals.values().iterator().next()));
        assertThat(services.clock()).isInstanceOf(SystemRuntimeClock.class);
        assertThat(services.http()).isInstanceOf(WebClientHttpPort.class);
        assertThat(services.recordings()).isInstanceOf(MongoRecordingStore.class);
        assertThat(services.clock().now()).as("the calls' clock").isBetween(CALL_TIME, CALL_TIME.plusSeconds(3600));
    }

    @Test
    void shouldShowHealthDetailsOnlyToAdmins() {
        for (var caller : List.of(client, viewer(), editor())) {
            JsonNode health = caller.get().uri("/actuator/health").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.has("components")).as("components shown to a non-admin").isFalse();
        }
    }

    @Test
    void shouldServeAnExampleFlowToACallFromTheSimulatedSwitch() throws Exception {
        String json = Files.readString(EXAMPLES.resolve("main-line.flow.json"));
        FlowTestFile tests = JSON.readValue(Files.readAllBytes(EXAMPLES.resolve("main-line.test.json")), FlowTestFile.class);
        Scenario scenario = tests.scenariosOrEmpty().stream()
                .filter(s -> s.name().equals("open: presses 1, a sales agent answers")).findFirst().orElseThrow();
        SimCall call = scenario.toSimCall();
        editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isCreated();
        editor().put().uri("/api/flows/main-line/numbers/{number}", call.calledNumber()).exchange()
                .expectStatus().isCreated();
        as("pat", "VIEWER", "EDITOR", "PUBLISHER").post().uri("/api/flows/main-line/publish")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "go live")).exchange()
                .expectStatus().isCreated();

        SimulatedCall fs = freeswitch.call(call);
        CallSession session = calls.awaitEnded(fs.uuid());
        FsCallLog log = fs.awaitEnd(TIMEOUT);

        assertThat(session.flow().id()).isEqualTo("main-line");
        assertThat(session.flow().version()).isEqualTo(1);
        assertThat(session.path()).isEqualTo(scenario.expect().path());
        assertThat(log.heard()).isEqualTo(scenario.expect().heard());
        assertThat(log.failure()).as("simulator problems").isNull();
        assertThat(log.exitReceived()).as("the socket was released with exit").isTrue();

        String metrics = admin().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("ivr_calls_active ")
                .containsPattern("ivr_calls_total\\{flow=\"main-line\"[^}]*} 1\\.0")
                .containsPattern("ivr_node_latency_seconds_count\\{[^}]*type=\"menu\"[^}]*} [1-9]")
                .containsPattern("ivr_node_latency_seconds_count\\{[^}]*type=\"calendar\"[^}]*} [1-9]");
    }

    @Test
    void shouldHandACallNoFlowServesBackToTheDialplan() throws Exception {
        SimCall call = new SimCall("+15550111", "Nobody", uniqueNumber(), Map.of(), null, List.of(CallerStep.press("1")), null);

        SimulatedCall fs = freeswitch.call(call, FsScript.none());
        String reason = calls.awaitNotRouted(fs.uuid());
        FsCallLog log = fs.awaitEnd(TIMEOUT);

        assertThat(reason).contains("no flow serves the number " + call.calledNumber());
        assertThat(log.resumed()).as("resume sent, so the dialplan goes on to its fallback").isTrue();
        assertThat(log.apps()).as("nothing was played or answered").doesNotContain("answer", "speak", "playback");
        assertThat(log.exitReceived()).isTrue();
    }

    @Test
    void shouldHandBackACallToAFlowWithNoPublishedVersion() throws Exception {
        String id = uniqueId("draft-only");
        store.create(id, "Draft only", sayFlow(id, "a", "b"), "test").block(TIMEOUT);
        SimCall call = new SimCall(null, null, uniqueNumber(), Map.of("ivr_flow", id), null, List.of(), null);

        SimulatedCall fs = freeswitch.call(call);
        calls.awaitNotRouted(fs.uuid());

        assertThat(fs.awaitEnd(TIMEOUT).resumed()).isTrue();
    }

    @Test
    void shouldCountCallsPerFlowAndKeepTheActiveGaugeAtZeroAfterwards() throws Exception {
        String id = uniqueId("counted");
        publish(id, sayFlow(id, "Hello", "Goodbye"));
        SimCall call = new SimCall(null, null, uniqueNumber(), Map.of("ivr_flow", id), null, List.of(), null);

        for (int i = 0; i < 2; i++) {
            SimulatedCall fs = freeswitch.call(call);
            assertThat(calls.awaitEnded(fs.uuid()).endReason()).isEqualTo("hung up by the flow (normal)");
            assertThat(fs.awaitEnd(TIMEOUT).heard()).containsExactly("Hello", "Goodbye");
        }

        String metrics = prometheusOnceNoCallIsActive();
        assertThat(metrics).containsPattern("ivr_calls_total\\{flow=\"" + id + "\"[^}]*} 2\\.0");
        viewer().get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
    }

    /** The metrics page once the gauge is back to 0 (listeners hear a call's end one after the other). */
    private String prometheusOnceNoCallIsActive() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            String metrics = admin().get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            if (metrics.contains("\nivr_calls_active 0.0") || System.nanoTime() > deadline) {
                assertThat(metrics).contains("\nivr_calls_active 0.0");
                return metrics;
            }
            Thread.sleep(20);
        }
    }
}
