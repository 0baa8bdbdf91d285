package dev.ivrflow.app.calls;

import dev.ivrflow.app.journal.JournalWriter;
import dev.ivrflow.app.journal.SimulatedCalls;
import dev.ivrflow.flow.port.JournalSink;
import dev.ivrflow.flow.runtime.CompiledFlow;
import dev.ivrflow.flow.runtime.JournalEvent;
import dev.ivrflow.flow.runtime.JournalEvent.Kind;
import dev.ivrflow.flow.sim.CallerStep;
import dev.ivrflow.flow.sim.SimCall;
import dev.ivrflow.flow.sim.SimWorld;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The calls API over the application, with the journal written by simulated calls of the example flows through the
 * application's own journal writer into the embedded database: journeys, search, the live stream, per-node
 * statistics checked against the simulations, and bad parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CallsApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final SimulatedCalls SIMS = new SimulatedCalls();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.mongodb.uri", () -> "");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JournalWriter writer;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(120)).build();
    }

    private WebTestClient viewer() {
        return client.mutateWith(mockUser("vera").roles("VIEWER"));
    }

    /** A GET of this URI as written (already encoded: {@code %2B} is a plus sign). */
    private JsonNode get(String uri) {
        byte[] body = viewer().get().uri(URI.create(uri)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode problem(String uri, int status) {
        byte[] body = viewer().get().uri(URI.create(uri)).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        JsonNode p = JSON.readTree(body);
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asString()).isNotBlank();
        return p;
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) out.add(e.path("pointer").asString());
        return out;
    }

    private List<SimulatedCalls.Call> run(CompiledFlow flow, List<SimCall> scripts) throws InterruptedException {
        Random random = new Random(11);
        List<SimulatedCalls.Call> calls = new ArrayList<>();
        for (SimCall s : scripts) calls.add(SIMS.start(flow, UUID.randomUUID().toString(), s, writer).finish(random));
        awaitWritten();
        return calls;
    }

    private void awaitWritten() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (writer.backlog() > 0) {
            if (System.nanoTime() > end) throw new AssertionError("the journal was not written: " + writer.stats());
            Thread.sleep(20);
        }
    }

    private static SimCall caller(String number, Instant at, CallerStep... steps) {
        return new SimCall(number, null, "+12125550100", null, at, List.of(steps), SimWorld.DEFAULT);
    }

    @Test
    void shouldBeTheJournalSinkOfEveryCallWithItsBacklogGauge() {
        assertThat(context.getBeansOfType(JournalSink.class).values()).containsExactly(writer);
        Gauge backlog = context.getBean(MeterRegistry.class).find("ivr_journal_backlog").gauge();
        assertThat(backlog).isNotNull();
        assertThat(backlog.value()).isEqualTo((double) writer.backlog());
    }

    // ---- journeys ----

    @Test
    void shouldGiveACallsJourneyInOrderWithItsSummary() throws Exception {
        CompiledFlow flow = SIMS.flow("main-line", 2);
        SimulatedCalls.Call call = run(flow, List.of(caller("+12125550147", Instant.parse("2026-03-04T15:00:00Z"),
                CallerStep.press("7"), CallerStep.press("1")))).getFirst();

        JsonNode journey = get("/api/calls/" + call.id());

        assertThat(journey.path("callId").asString()).isEqualTo(call.id());
        assertThat(journey.path("flowId").asString()).isEqualTo("main-line");
        assertThat(journey.path("flowVersion").asInt()).isEqualTo(2);
        assertThat(journey.path("live").asBoolean()).isFalse();
        assertThat(journey.path("truncated").asBoolean()).isFalse();
        List<JournalEvent> wrote = call.journal();
        JsonNode events = journey.path("events");
        assertThat(events.size()).isEqualTo(wrote.size());
        for (int i = 0; i < wrote.size(); i++) {
            JsonNode e = events.get(i);
            assertThat(e.path("seq").asLong()).isEqualTo(i);
            assertThat(e.path("kind").asString()).isEqualTo(wrote.get(i).kind().name());
            assertThat(e.path("at").asString()).isEqualTo(wrote.get(i).at().toString());
            assertThat(e.path("nodeId").asString(null)).isEqualTo(wrote.get(i).nodeId());
        }
        assertThat(events.get(0).path("detail").path("callerNumber").asString()).isEqualTo("+12125550147");
        JsonNode invalid = events.valueStream().filter(e -> e.path("detail").has("invalid")).findFirst().orElseThrow();
        assertThat(invalid.path("nodeId").asString()).isEqualTo("mainMenu");
        assertThat(invalid.path("detail").path("invalid").asString()).isEqualTo("7");
        assertThat(invalid.path("detail").path("try").asInt()).isEqualTo(1);

        JsonNode summary = journey.path("summary");
        assertThat(summary.path("caller").asString()).isEqualTo("+12125550147");
        assertThat(summary.path("called").asString()).isEqualTo("+12125550100");
        assertThat(summary.path("startedAt").asString()).isEqualTo("2026-03-04T15:00:00Z");
        assertThat(summary.path("endedAt").asString()).isEqualTo(wrote.getLast().at().toString());
        assertThat(summary.path("durationMs").asLong())
                .isEqualTo(Duration.between(wrote.getFirst().at(), wrote.getLast().at()).toMillis());
        assertThat(summary.path("endReason").asString()).isEqualTo(call.session().endReason());
        assertThat(summary.path("lastNodeId").asString()).isEqualTo("end");
        assertThat(summary.path("pathLength").asInt()).isEqualTo(call.session().path().size());
    }

    @Test
    void shouldAnswerNotFoundForACallTheJournalDoesNotKnow() {
        problem("/api/calls/" + UUID.randomUUID(), 404);
    }

    @Test
    void shouldRefuseABadCallIdNamingIt() {
        JsonNode p = problem("/api/calls/-starts-with-a-dash", 400);
        assertThat(pointers(p)).containsExactly("/path/callId");
        assertThat(p.path("errors").get(0).path("expected").asString()).contains("call id");
    }

    @Test
    void shouldNeedALogin() {
        client.get().uri("/api/calls").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/flows/main-line/versions/1/stats").exchange().expectStatus().isUnauthorized();
    }

    // ---- search ----

    @Test
    void shouldFindCallsByCallerAndPageThroughThemNewestFirst() throws Exception {
        CompiledFlow flow = SIMS.flow("main-line", 3);
        Instant t0 = Instant.parse("2026-03-11T15:00:00Z");
        List<SimCall> scripts = new ArrayList<>();
        for (int i = 0; i < 12; i++) scripts.add(caller("+13135550001", t0.plusSeconds(60L * i), CallerStep.press("1")));
        for (int i = 0; i < 5; i++) scripts.add(caller("+13135550002", t0.plusSeconds(60L * i), CallerStep.press("2")));
        List<SimulatedCalls.Call> calls = run(flow, scripts);

        List<String> seen = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/calls?caller=%2B13135550001&limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode c : page.path("calls")) {
                assertThat(c.path("caller").asString()).isEqualTo("+13135550001");
                assertThat(c.path("flowId").asString()).isEqualTo("main-line");
                assertThat(c.path("flowVersion").asInt()).isEqualTo(3);
                seen.add(c.path("callId").asString());
                starts.add(Instant.parse(c.path("startedAt").asString()));
            }
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(calls.subList(0, 12).stream().map(SimulatedCalls.Call::id).toList());
        assertThat(starts).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode window = get("/api/calls?caller=%2B13135550002&from=2026-03-11T15:01:00Z&to=2026-03-11T10:04:00-05:00");
        assertThat(window.path("calls").size()).isEqualTo(3);
        assertThat(window.path("next").isNull()).isTrue();
        JsonNode byNumber = get("/api/calls?called=%2B12125550100&flowId=main-line&from=2026-03-11T15:00:00Z&to=2026-03-11T16:00:00Z&limit=200");
        assertThat(byNumber.path("calls").size()).isEqualTo(17);
        assertThat(get("/api/calls?flowId=no-such-flow").path("calls").size()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            from=yesterday                                   | /query/from
            to=2026-13-01T00:00:00Z                          | /query/to
            from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z | /query/to
            limit=0                                          | /query/limit
            limit=201                                        | /query/limit
            limit=ten                                        | /query/limit
            limit=                                           | /query/limit
            flowId=Main_Line                                 | /query/flowId
            caller=                                          | /query/caller
            called=a%20b                                     | /query/called
            cursor=bm90LWEtY3Vyc29y                          | /query/cursor
            """)
    void shouldRefuseABadSearchParameterNamingIt(String query, String pointer) {
        JsonNode p = problem("/api/calls?" + query, 400);
        assertThat(pointers(p)).containsExactly(pointer);
        assertThat(p.path("errors").get(0).path("expected").asString()).isNotBlank();
    }

    @Test
    void shouldReportEveryBadSearchParameterAtOnce() {
        JsonNode p = problem("/api/calls?from=x&to=y&limit=0&flowId=A", 400);
        assertThat(pointers(p)).containsExactlyInAnyOrder("/query/from", "/query/to", "/query/limit", "/query/flowId");
    }

    // ---- live ----

    @Test
    void shouldStreamASnapshotOfActiveCallsThenTheirProgress() throws Exception {
        CompiledFlow flow = SIMS.flow("main-line", 4);
        Instant at = Instant.parse("2026-03-04T15:00:00Z");
        SimulatedCalls.Call waiting = SIMS.start(flow, "live-" + UUID.randomUUID(), caller("+14145550001", at,
                CallerStep.press("1")), writer);
        SimulatedCalls.Call other = SIMS.start(flow, "live-" + UUID.randomUUID(), caller("+14145550002", at,
                CallerStep.press("2")), writer);
        assertThat(waiting.ended()).isFalse();

        CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> stream = viewer().get().uri("/api/calls/live")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE).getResponseBody().filter(e -> e.event() != null)
                .takeUntil(e -> "ended".equals(e.event()) && waiting.id().equals(callId(e)))
                .collectList().toFuture();
        Thread.sleep(300);
        waiting.next(Duration.ofSeconds(2));
        assertThat(waiting.ended()).isTrue();

        List<ServerSentEvent<Map<String, Object>>> events = stream.get(30, TimeUnit.SECONDS);
        int ready = indexOf(events, "ready");
        List<String> snapshot = events.subList(0, ready).stream().filter(e -> "active".equals(e.event()))
                .map(CallsApiTest::callId).toList();
        assertThat(snapshot).contains(waiting.id(), other.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshotCall = (Map<String, Object>) events.get(snapshot.indexOf(waiting.id())).data().get("call");
        assertThat(snapshotCall).containsEntry("nodeId", "mainMenu").containsEntry("caller", "+14145550001")
                .containsEntry("flowId", "main-line").containsEntry("flowVersion", 4);
        List<ServerSentEvent<Map<String, Object>>> mine = events.subList(ready + 1, events.size()).stream()
                .filter(e -> waiting.id().equals(callId(e))).toList();
        assertThat(mine).extracting(ServerSentEvent::event).first().isEqualTo("progress");
        assertThat(mine).extracting(ServerSentEvent::event).last().isEqualTo("ended");
        List<Object> kinds = mine.stream().<Object>map(e -> ((Map<?, ?>) e.data().get("event")).get("kind")).toList();
        assertThat(kinds).containsSubsequence("INPUT", "EXIT_TAKEN", "NODE_ENTERED", "CALL_ENDED");
        List<JournalEvent> wrote = waiting.journal();
        long firstSeq = ((Number) ((Map<?, ?>) mine.getFirst().data().get("event")).get("seq")).longValue();
        assertThat(firstSeq + mine.size()).as("no event missed or repeated").isEqualTo(wrote.size());

        other.next(Duration.ofSeconds(1));
        awaitWritten();
    }

    private static String callId(ServerSentEvent<Map<String, Object>> e) {
        Object call = e.data() == null ? null : e.data().get("call");
        return call instanceof Map<?, ?> m ? (String) m.get("callId") : null;
    }

    private static int indexOf(List<ServerSentEvent<Map<String, Object>>> events, String name) {
        for (int i = 0; i < events.size(); i++) if (name.equals(events.get(i).event())) return i;
        throw new AssertionError("no " + name + " event in " + events);
    }

    // ---- statistics ----

    @Test
    void shouldCountEachNodeOfTwoThousandCallsAsTheSimulationsWent() throws Exception {
        // Given 2,000 calls of the main line, on version 5, with callers of every kind
        CompiledFlow flow = SIMS.flow("main-line", 5);
        Random random = new Random(2026);
        List<SimCall> scripts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) scripts.add(SimulatedCalls.mainLineCaller(random, i));
        long started = System.nanoTime();
        List<SimulatedCalls.Call> calls = run(flow, scripts);
        long written = System.nanoTime();

        // When the designer asks for the version's statistics
        JsonNode stats = get("/api/flows/main-line/versions/5/stats");
        long answered = System.nanoTime();

        // Then each count is what the calls did
        Expected expected = Expected.of(calls);
        assertThat(stats.path("flowId").asString()).isEqualTo("main-line");
        assertThat(stats.path("version").asInt()).isEqualTo(5);
        assertThat(stats.path("calls").asLong()).isEqualTo(2_000);
        assertThat(stats.path("started").asLong()).isEqualTo(2_000);
        assertThat(stats.path("events").asLong()).isEqualTo(expected.events);
        JsonNode nodes = stats.path("nodes");
        assertThat(new TreeMap<>(toMap(nodes)).keySet()).isEqualTo(expected.entries.keySet());
        for (String node : expected.entries.keySet()) {
            JsonNode n = nodes.path(node);
            assertThat(n.path("entries").asLong()).as("%s entries", node).isEqualTo(expected.entries.get(node));
            assertThat(longs(n.path("exits"))).as("%s exits", node).isEqualTo(expected.exits.getOrDefault(node, Map.of()));
            assertThat(longs(n.path("edges"))).as("%s edges", node).isEqualTo(expected.edges.getOrDefault(node, Map.of()));
            assertThat(n.path("timeouts").asLong()).as("%s timeouts", node).isEqualTo(expected.count(expected.timeouts, node));
            assertThat(n.path("invalid").asLong()).as("%s invalid", node).isEqualTo(expected.count(expected.invalid, node));
            assertThat(n.path("hangups").asLong()).as("%s hangups", node).isEqualTo(expected.count(expected.hangups, node));
            assertThat(n.path("ended").asLong()).as("%s ended", node).isEqualTo(expected.count(expected.ended, node));
            assertThat(n.path("failures").asLong()).as("%s failures", node).isEqualTo(expected.count(expected.failures, node));
            List<Long> dwell = expected.dwell.get(node);
            JsonNode d = n.path("dwell");
            assertThat(d.path("visits").asLong()).as("%s visits", node).isEqualTo(dwell.size());
            assertThat(d.path("exact").asBoolean()).isTrue();
            assertThat(d.path("medianMs").asLong()).as("%s median", node).isEqualTo(Expected.median(dwell));
            assertThat(d.path("p90Ms").asLong()).as("%s p90", node).isEqualTo(Expected.p90(dwell));
        }
        // And with the simulations' own record: the paths they took and where they ended
        Map<String, Long> pathCounts = new HashMap<>();
        Map<String, Long> endCounts = new HashMap<>();
        for (SimulatedCalls.Call c : calls) {
            c.session().path().forEach(p -> pathCounts.merge(p, 1L, Long::sum));
            endCounts.merge(c.session().currentNodeId(), 1L, Long::sum);
        }
        pathCounts.forEach((node, n) -> assertThat(nodes.path(node).path("entries").asLong()).isEqualTo(n));
        endCounts.forEach((node, n) -> assertThat(nodes.path(node).path("ended").asLong()).isEqualTo(n));
        assertThat(nodes.path("mainMenu").path("timeouts").asLong()).isPositive();
        assertThat(nodes.path("mainMenu").path("invalid").asLong()).isPositive();
        assertThat(nodes.path("mainMenu").path("hangups").asLong()).isPositive();
        assertThat(nodes.path("mainMenu").path("edges").path("failure").asLong())
                .as("timeout and invalid are not wired: they follow failure")
                .isEqualTo(nodes.path("mainMenu").path("exits").path("timeout").asLong()
                        + nodes.path("mainMenu").path("exits").path("invalid").asLong()
                        + nodes.path("mainMenu").path("exits").path("failure").asLong());

        // A time range counts only what happened in it
        JsonNode sunday = get("/api/flows/main-line/versions/5/stats?from=2026-03-08T00:00:00Z&to=2026-03-09T00:00:00Z");
        long closed = calls.stream().filter(c -> c.journal().getFirst().at().isAfter(Instant.parse("2026-03-08T00:00:00Z"))
                && c.journal().getFirst().at().isBefore(Instant.parse("2026-03-09T00:00:00Z"))).count();
        assertThat(sunday.path("started").asLong()).isEqualTo(closed);
        assertThat(sunday.path("nodes").path("hours").path("exits").path("closed").asLong()).isEqualTo(closed);
        assertThat(sunday.path("nodes").has("mainMenu")).isFalse();
        System.out.printf("stats: %d calls, %d events; simulated and written in %d ms, statistics answered in %d ms%n",
                calls.size(), expected.events, (written - started) / 1_000_000, (answered - written) / 1_000_000);
    }

    @Test
    void shouldAnswerEmptyStatisticsForAVersionNoCallRan() {
        JsonNode stats = get("/api/flows/main-line/versions/99/stats?from=2026-01-01T00:00:00Z");
        assertThat(stats.path("calls").asLong()).isZero();
        assertThat(stats.path("nodes").size()).isZero();
        assertThat(stats.path("from").asString()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/flows/Main_Line/versions/1/stats                          | /path/flowId
            /api/flows/main-line/versions/0/stats                          | /path/version
            /api/flows/main-line/versions/latest/stats                     | /path/version
            /api/flows/main-line/versions/1/stats?from=2026-03-01          | /query/from
            /api/flows/main-line/versions/1/stats?to=soon                  | /query/to
            /api/flows/main-line/versions/1/stats?from=2026-03-02T00:00:00Z&to=2026-03-02T00:00:00Z | /query/to
            """)
    void shouldRefuseBadStatisticsParametersNamingThem(String uri, String pointer) {
        assertThat(pointers(problem(uri, 400))).containsExactly(pointer);
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> out = new HashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> out = new TreeMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    /** The statistics computed the simple way, from each call's whole journal in memory. */
    private static final class Expected {
        long events;
        final Map<String, Long> entries = new TreeMap<>();
        final Map<String, Map<String, Long>> exits = new HashMap<>();
        final Map<String, Map<String, Long>> edges = new HashMap<>();
        final Map<String, Long> timeouts = new HashMap<>();
        final Map<String, Long> invalid = new HashMap<>();
        final Map<String, Long> hangups = new HashMap<>();
        final Map<String, Long> ended = new HashMap<>();
        final Map<String, Long> failures = new HashMap<>();
        final Map<String, List<Long>> dwell = new HashMap<>();

        static Expected of(List<SimulatedCalls.Call> calls) {
            Expected x = new Expected();
            Set<Kind> boundaries = Set.of(Kind.NODE_ENTERED, Kind.CALL_ENDED);
            for (SimulatedCalls.Call c : calls) {
                List<JournalEvent> j = c.journal();
                x.events += j.size();
                for (int i = 0; i < j.size(); i++) {
                    JournalEvent e = j.get(i);
                    String n = e.nodeId();
                    switch (e.kind()) {
                        case NODE_ENTERED -> {
                            x.entries.merge(n, 1L, Long::sum);
                            for (int k = i + 1; k < j.size(); k++) {
                                if (boundaries.contains(j.get(k).kind())) {
                                    x.dwell.computeIfAbsent(n, key -> new ArrayList<>())
                                            .add(Duration.between(e.at(), j.get(k).at()).toMillis());
                                    break;
                                }
                            }
                        }
                        case EXIT_TAKEN -> {
                            x.exits.computeIfAbsent(n, key -> new TreeMap<>()).merge(e.exit(), 1L, Long::sum);
                            if (e.detail().get("via") instanceof String via) {
                                x.edges.computeIfAbsent(n, key -> new TreeMap<>()).merge(via, 1L, Long::sum);
                            }
                        }
                        case INPUT -> {
                            if (Boolean.TRUE.equals(e.detail().get("timeout"))) x.timeouts.merge(n, 1L, Long::sum);
                            if (e.detail().containsKey("invalid")) x.invalid.merge(n, 1L, Long::sum);
                            if (e.detail().containsKey("hangup")) x.hangups.merge(n, 1L, Long::sum);
                        }
                        case CALL_ENDED -> x.ended.merge(n, 1L, Long::sum);
                        case NODE_FAILED -> x.failures.merge(n, 1L, Long::sum);
                        default -> {
                        }
                    }
                }
            }
            return x;
        }

        long count(Map<String, Long> m, String node) {
            return m.getOrDefault(node, 0L);
        }

        static long median(List<Long> values) {
            List<Long> s = values.stream().sorted().toList();
            int mid = s.size() / 2;
            return s.size() % 2 == 1 ? s.get(mid) : Math.round((s.get(mid - 1) + s.get(mid)) / 2.0);
        }

        static long p90(List<Long> values) {
            List<Long> s = values.stream().sorted().toList();
            return s.get((int) Math.ceil(0.9 * s.size()) - 1);
        }
    }
}
