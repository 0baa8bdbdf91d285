package dev.ivrflow.app.runtime;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.fssim.FsCallLog;
import dev.ivrflow.esl.fssim.FsScript;
import dev.ivrflow.esl.fssim.SimulatedCall;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.sim.SimCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Two instances of the application sharing one database (a wire-compatible MongoDB server started here on a
 * loopback port), as in a scaled-out deployment: a version published through instance A is what instance B routes
 * new calls to within a second, while a call B was already running stays on the version it started with.
 */
class TwoInstancesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(1);

    @TempDir
    static Path dataDir;

    private static MongoServer mongo;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        a = instance("a", uri);
        b = instance("b", uri);
    }

    private static ConfigurableApplicationContext instance(String name, String uri) {
        return StandaloneApp.start(
                "--server.port=0", "--server.address=127.0.0.1",
                "--ivr.mongodb.uri=" + uri, "--ivr.mongodb.database=two-instances",
                "--ivr.data-dir=" + dataDir.resolve(name),
                "--ivr.esl.outbound.port=0", "--ivr.esl.outbound.drain-timeout=1s");
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
        if (mongo != null) mongo.shutdownNow();
    }

    private static WebTestClient client(ConfigurableApplicationContext app, String user, String... roles) {
        return WebTestClient.bindToApplicationContext(app).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build()
                .mutateWith(mockUser(user).roles(roles)).mutateWith(csrf());
    }

    /** Saves the draft on A (creating it the first time) and publishes it there; returns when A has answered. */
    private static void publishOnA(String flowId, String first, String second) {
        String json = RuntimeTestSupport.sayFlow(flowId, first, second);
        WebTestClient editor = client(a, "ed", "VIEWER", "EDITOR");
        String etag = editor.get().uri("/api/flows/{id}", flowId).exchange().returnResult(String.class)
                .getResponseHeaders().getETag();
        if (etag == null) {
            editor.post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                    .expectStatus().isCreated();
        } else {
            editor.put().uri("/api/flows/{id}", flowId).header(HttpHeaders.IF_MATCH, etag)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange().expectStatus().isOk();
        }
        client(a, "pat", "VIEWER", "EDITOR", "PUBLISHER").post().uri("/api/flows/{id}/publish", flowId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "ship it")).exchange()
                .expectStatus().isCreated();
    }

    /** How long until B routes a new call to the number to {@code version}. */
    private static Duration untilBRoutes(String number, int version) throws InterruptedException {
        FlowCallRouter router = b.getBean(FlowCallRouter.class);
        long start = System.nanoTime();
        while (true) {
            Optional<FlowCallRouter.Decision> d = router.decide(new CallInfo("probe", "+15550100", "Probe", number, Map.of()));
            if (d.isPresent() && d.get().version() == version) return Duration.ofNanos(System.nanoTime() - start);
            if (System.nanoTime() - start > TIMEOUT.toNanos()) {
                throw new AssertionError("B still routes to " + d + " after " + TIMEOUT + ", expected version " + version);
            }
            Thread.sleep(2);
        }
    }

    private static void routeOnA(String flowId, String number) {
        client(a, "ed", "VIEWER", "EDITOR").put().uri("/api/flows/{id}/numbers/{n}", flowId, number).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void shouldRouteNewCallsOnBToAVersionPublishedOnAWithinASecondWhileACallInProgressStaysOnItsVersion()
            throws Exception {
        String flow = "in-progress";
        String number = "+15557770100";
        publishOnA(flow, "Version one, first prompt", "Version one, second prompt");
        routeOnA(flow, number);
        untilBRoutes(number, 1);

        try (FreeSwitchSimulator switchB = new FreeSwitchSimulator(b.getBean(EslOutboundService.class).address())) {
            // A call on version 1 that is still in its first prompt (3 s of real time) while version 2 is published.
            SimulatedCall inProgress = switchB.call(new SimCall("+15550001", "Early", number, Map.of(), null, List.of(), null),
                    FsScript.none().delays("speak", Duration.ofSeconds(3)));
            LiveCalls live = b.getBean(LiveCalls.class);
            LiveCalls.LiveCall early = awaitLive(live, inProgress.uuid());
            assertThat(early.flowVersion()).isEqualTo(1);

            publishOnA(flow, "Version two, first prompt", "Version two, second prompt");
            Duration delay = untilBRoutes(number, 2);
            System.out.println("publish on A to new calls routed to it on B: " + delay.toMillis() + " ms");
            assertThat(delay).as("a publish on A is live on B").isLessThan(LIVE_WITHIN);

            assertThat(live.find(inProgress.uuid())).as("the early call is still in progress")
                    .hasValueSatisfying(c -> assertThat(c.flowVersion()).isEqualTo(1));
            SimulatedCall fresh = switchB.call(new SimCall("+15550002", "Late", number, Map.of(), null, List.of(), null));
            assertThat(fresh.awaitEnd(TIMEOUT).heard())
                    .containsExactly("Version two, first prompt", "Version two, second prompt");

            FsCallLog earlyLog = inProgress.awaitEnd(TIMEOUT);
            assertThat(earlyLog.heard()).as("the call that started on version 1 finished on version 1")
                    .containsExactly("Version one, first prompt", "Version one, second prompt");
        }
    }

    @Test
    void shouldMakeEveryPublishOnALiveOnBWithinASecond() throws Exception {
        String flow = "every-publish";
        String number = "+15557770200";
        publishOnA(flow, "Round 0", "Bye");
        routeOnA(flow, number);
        untilBRoutes(number, 1);
        List<Long> millis = new ArrayList<>();
        for (int version = 2; version <= 9; version++) {
            publishOnA(flow, "Round " + version, "Bye");
            Duration delay = untilBRoutes(number, version);
            millis.add(delay.toMillis());
            assertThat(delay).as("version %d", version).isLessThan(LIVE_WITHIN);
        }
        Collections.sort(millis);
        System.out.println("publish on A to routed on B, ms (sorted): " + millis);
    }

    private static LiveCalls.LiveCall awaitLive(LiveCalls live, String uuid) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LiveCalls.LiveCall> c = live.find(uuid);
            if (c.isPresent()) return c.get();
            Thread.sleep(5);
        }
        throw new AssertionError("call " + uuid + " never started on B");
    }
}
