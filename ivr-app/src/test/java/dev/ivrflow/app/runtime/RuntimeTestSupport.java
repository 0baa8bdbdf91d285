package dev.ivrflow.app.runtime;

import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.flows.Version;
import dev.ivrflow.esl.fssim.FreeSwitchSimulator;
import dev.ivrflow.esl.outbound.OutboundConnection;
import dev.ivrflow.esl.outbound.OutboundListener;
import dev.ivrflow.flow.port.CallInfo;
import dev.ivrflow.flow.runtime.CallSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The whole application, as {@code ivr start} runs it: the embedded database in a fresh data directory, HTTP and the
 * ESL outbound server on free loopback ports. Calls come from the FreeSWITCH simulator (esl-adapter's test-jar) over
 * real sockets. Every class extending this shares one application context (the same configuration), so tests use
 * their own flow ids and numbers.
 *
 * <p>Calls see a clock set to Wednesday 4 March 2026, 10:00 in New York (the main-line example's "open" scenarios),
 * through the {@link RuntimeConfig#CALL_TIME} clock; everything else uses the real time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RuntimeTestBeans.class)
abstract class RuntimeTestSupport {
    static final Instant CALL_TIME = Instant.parse("2026-03-04T15:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path DATA = tempDir();
    private static final AtomicInteger IDS = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", DATA::toString);
        registry.add("ivr.mongodb.uri", () -> "");
        registry.add("ivr.esl.outbound.drain-timeout", () -> "1s");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    FlowStore store;
    @Autowired
    EslOutboundService esl;
    @Autowired
    FlowCallRouter router;
    @Autowired
    Calls calls;

    WebTestClient client;
    FreeSwitchSimulator freeswitch;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build();
        freeswitch = new FreeSwitchSimulator(esl.address());
    }

    @AfterEach
    void closeSimulator() {
        freeswitch.close();
    }

    WebTestClient as(String user, String... roles) {
        return client.mutateWith(mockUser(user).roles(roles)).mutateWith(csrf());
    }

    WebTestClient viewer() {
        return as("vera", "VIEWER");
    }

    WebTestClient editor() {
        return as("ed", "VIEWER", "EDITOR");
    }

    WebTestClient admin() {
        return as("ada", "VIEWER", "EDITOR", "PUBLISHER", "ADMIN");
    }

    /** A flow id no other test uses. */
    static String uniqueId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    /**
     * A number no other test uses (routes are shared by the classes of this context): its first six characters are
     * already its own, so a test may route any prefix of six characters or more.
     */
    static String uniqueNumber() {
        return "+1" + String.format("%04d", IDS.incrementAndGet()) + "5550100";
    }

    /** Two prompts, then a hang-up: {@code say first}, {@code say second}. */
    static String sayFlow(String id, String first, String second) {
        return """
                {"schema":"ivr-flow/1","id":"%s","name":"Test %s","defaultLanguage":"en-US","start":"hello",
                 "nodes":[
                  {"id":"hello","type":"say","settings":{"text":{"en-US":"%s"}},"exits":{"next":"second"}},
                  {"id":"second","type":"say","settings":{"text":{"en-US":"%s"}},"exits":{"next":"bye"}},
                  {"id":"bye","type":"hangup","settings":{"cause":"normal"}}
                 ]}""".formatted(id, id, first, second);
    }

    /** Stores a draft and publishes it straight through the store (no validation: tests publish broken versions too). */
    Version publish(String id, String json) {
        if (store.findDraft(id).block(TIMEOUT) == null) store.create(id, "Test " + id, json, "test").block(TIMEOUT);
        return store.publish(id, "Test " + id, json, "test publish", "test").block(TIMEOUT);
    }

    static CallInfo callTo(String called, Map<String, String> variables) {
        return new CallInfo("test-" + IDS.incrementAndGet(), "+15550100", "Tester", called, variables);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("ivr-runtime-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the tests observe of the app's calls, as any outbound listener would. */
    static final class Calls implements OutboundListener {
        private final Map<String, CompletableFuture<CallSession>> started = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<CallSession>> ended = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<String>> notRouted = new ConcurrentHashMap<>();

        @Override
        public void callStarted(CallSession session, OutboundConnection connection) {
            future(started, session.callId()).complete(session);
        }

        @Override
        public void callEnded(CallSession session, OutboundConnection connection) {
            future(ended, session.callId()).complete(session);
        }

        @Override
        public void callNotRouted(CallInfo call, String reason) {
            future(notRouted, call.uuid()).complete(reason);
        }

        CallSession awaitStarted(String uuid) throws Exception {
            return future(started, uuid).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        CallSession awaitEnded(String uuid) throws Exception {
            return future(ended, uuid).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        String awaitNotRouted(String uuid) throws Exception {
            return future(notRouted, uuid).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private static <T> CompletableFuture<T> future(Map<String, CompletableFuture<T>> map, String uuid) {
            return map.computeIfAbsent(uuid, k -> new CompletableFuture<>());
        }
    }
}
