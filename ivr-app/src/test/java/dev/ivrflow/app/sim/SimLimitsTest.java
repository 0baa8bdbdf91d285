package dev.ivrflow.app.sim;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.ivrflow.app.flows.FlowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.ivrflow.app.sim.SimTestSupport.client;
import static dev.ivrflow.app.sim.SimTestSupport.draft;
import static dev.ivrflow.app.sim.SimTestSupport.example;
import static dev.ivrflow.app.sim.SimTestSupport.start;
import static dev.ivrflow.app.sim.SimTestSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

/** How many simulated calls may run, and how long they live: three in all, two per user, on a clock we move. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimLimitsTest {
    static final String OPEN = "{\"flowId\": \"main-line\", \"at\": \"2026-03-04T10:00:00-05:00\"}";
    static final String CLOSED = "{\"flowId\": \"main-line\", \"at\": \"2026-03-08T11:00:00-04:00\"}";
    static final AtomicLong NANOS = new AtomicLong();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.sim.max-calls", () -> "3");
        registry.add("ivr.sim.max-calls-per-user", () -> "2");
    }

    @TestConfiguration
    static class ManualTicker {
        @Bean
        Ticker simTicker() {
            return NANOS::get;
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    FlowStore store;
    @Autowired
    SimCalls calls;
    WebTestClient ann;
    WebTestClient bob;
    final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ann = client(context, "ann");
        bob = client(context, "bob");
        draft(store, "main-line", example("main-line"));
    }

    @AfterEach
    void hangUpEverything() {
        for (String id : started) {
            ann.post().uri("/api/sim/calls/{id}/hangup", id).exchange();
            bob.post().uri("/api/sim/calls/{id}/hangup", id).exchange();
        }
        assertThat(calls.active()).isZero();
    }

    @Test
    void shouldRefuseCallsBeyondTheLimitsUntilOneEnds() {
        started.add(id(start(ann, OPEN)));
        started.add(id(start(ann, OPEN)));

        refused(ann, "you already have 2 simulated calls in progress");
        started.add(id(start(bob, OPEN)));
        refused(bob, "there are already 3 simulated calls in progress");
        assertThat(calls.active()).isEqualTo(3);

        ann.post().uri("/api/sim/calls/{id}/hangup", started.getFirst()).exchange().expectStatus().isOk();

        started.add(id(start(bob, OPEN)));
        refused(ann, "there are already 3 simulated calls in progress");
    }

    @Test
    void shouldNotCountCallsThatHaveEnded() {
        for (int i = 0; i < 4; i++) {
            Map<String, Object> call = start(ann, CLOSED);
            assertThat(call).containsEntry("state", "ended");
        }
        assertThat(calls.active()).isZero();
    }

    @Test
    void shouldHangUpACallLeftIdleAndForgetIt() throws Exception {
        String id = id(start(ann, OPEN));
        started.add(id);
        CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> events = stream(ann, id)
                .takeUntil(e -> "ended".equals(e.event())).collectList().toFuture();
        assertThat(calls.active()).isEqualTo(1);

        NANOS.addAndGet(Duration.ofMinutes(9).toNanos());
        calls.expireIdleCalls();
        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isOk();

        NANOS.addAndGet(Duration.ofMinutes(11).toNanos());
        calls.expireIdleCalls();

        List<ServerSentEvent<Map<String, Object>>> received = events.get(20, TimeUnit.SECONDS);
        assertThat(received.getLast().event()).isEqualTo("ended");
        assertThat(received.getLast().data())
                .containsEntry("reason", "the simulated call expired after 10 minutes without activity");
        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(calls.active()).isZero();
    }

    @Test
    void shouldKeepAnEndedCallReadableForAWhile() {
        String id = id(start(ann, CLOSED));

        NANOS.addAndGet(Duration.ofMinutes(4).toNanos());
        calls.expireIdleCalls();
        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("ended");

        NANOS.addAndGet(Duration.ofMinutes(6).toNanos());
        calls.expireIdleCalls();
        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldForgetTheOldestEndedCallsFirstAndKeepCallsInProgress() {
        String live = id(start(ann, OPEN));
        started.add(live);
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < 3 * SimCallRegistry.ENDED_PER_LIVE + 1; i++) ended.add(id(start(bob, CLOSED)));

        bob.get().uri("/api/sim/calls/{id}", ended.getFirst()).exchange().expectStatus().isNotFound();
        bob.get().uri("/api/sim/calls/{id}", ended.getLast()).exchange().expectStatus().isOk();
        ann.get().uri("/api/sim/calls/{id}", live).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("waiting");
    }

    private static void refused(WebTestClient client, String why) {
        client.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(OPEN).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith(why));
    }

    private static String id(Map<String, Object> call) {
        return (String) call.get("callId");
    }
}
