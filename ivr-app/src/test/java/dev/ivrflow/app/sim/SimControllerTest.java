package dev.ivrflow.app.sim;

import dev.ivrflow.app.flows.FlowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.ivrflow.app.sim.SimTestSupport.JSON_MAP;
import static dev.ivrflow.app.sim.SimTestSupport.SSE;
import static dev.ivrflow.app.sim.SimTestSupport.client;
import static dev.ivrflow.app.sim.SimTestSupport.draft;
import static dev.ivrflow.app.sim.SimTestSupport.example;
import static dev.ivrflow.app.sim.SimTestSupport.input;
import static dev.ivrflow.app.sim.SimTestSupport.named;
import static dev.ivrflow.app.sim.SimTestSupport.names;
import static dev.ivrflow.app.sim.SimTestSupport.publish;
import static dev.ivrflow.app.sim.SimTestSupport.start;
import static dev.ivrflow.app.sim.SimTestSupport.stream;
import static dev.ivrflow.app.sim.SimTestSupport.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimControllerTest {
    static final String WELCOME = "Thank you for calling Northwind Office Supply. This call may be recorded for quality"
            + " and training purposes.";
    static final String MENU = "For sales and new orders, press 1 or say sales. For order status, returns or technical"
            + " support, press 2 or say support. For billing and invoices, press 3 or say billing. To reach our"
            + " receptionist, press 0. To hear these options again, press 9.";
    static final String OPEN = """
            {"flowId": "main-line", "at": "2026-03-04T10:00:00-05:00", "callerNumber": "+12125550147",
             "callerName": "Dana Whitfield", "calledNumber": "+12125550100"}""";

    static final String ADMIN_PASSWORD = "sim-test-admin-password";

    @TempDir
    static Path dataDir;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.security.admin-password", () -> ADMIN_PASSWORD);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    FlowStore store;
    WebTestClient ann;

    @BeforeEach
    void setUp() {
        ann = client(context, "ann");
        draft(store, "main-line", example("main-line"));
    }

    @Test
    void shouldWalkTheMainLineMenuAndStreamEachNodeAndPrompt() throws Exception {
        Map<String, Object> call = start(ann, OPEN);

        assertThat(call).containsEntry("state", "waiting").containsEntry("version", "draft")
                .containsEntry("flowId", "main-line").containsEntry("currentNode", "mainMenu")
                .containsEntry("startedAt", "2026-03-04T10:00-05:00").containsEntry("language", "en-US");
        assertThat(call.get("path")).isEqualTo(List.of("hours", "welcome", "mainMenu"));
        assertThat(call.get("heard")).isEqualTo(List.of(WELCOME, MENU));
        assertThat(map(call.get("waiting"))).containsEntry("node", "mainMenu").containsEntry("expecting", "speech")
                .containsEntry("digitsToo", true);
        String id = (String) call.get("callId");

        // The stream is opened after the start: what already happened is replayed, in the order it happened.
        List<ServerSentEvent<Map<String, Object>>> first = until(stream(ann, id), "waiting");
        assertThat(names(first)).containsExactly("started", "node", "decision", "exit", "node", "heard", "action",
                "exit", "node", "heard", "action", "variables", "waiting");
        assertThat(first).extracting(ServerSentEvent::id).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9",
                "10", "11", "12", "13");
        assertThat(first.get(0).data()).containsEntry("callId", id).containsEntry("flowId", "main-line")
                .containsEntry("version", "draft").containsEntry("callerNumber", "+12125550147");
        assertThat(first.get(1).data()).containsEntry("nodeId", "hours").containsEntry("type", "calendar")
                .containsEntry("label", "Business hours (New York)").containsEntry("subflow", false);
        assertThat(map(first.get(2).data().get("detail"))).containsEntry("decision", "open");
        assertThat(first.get(3).data()).containsEntry("nodeId", "hours").containsEntry("exit", "open")
                .containsEntry("target", "welcome");
        assertThat(first.get(5).data()).containsEntry("text", WELCOME);
        assertThat(first.get(6).data()).containsEntry("action", "play");
        assertThat(first.get(9).data()).containsEntry("text", MENU);
        assertThat(first.get(10).data()).containsEntry("action", "detectSpeech");
        assertThat(first.get(12).data()).containsEntry("node", "mainMenu").containsEntry("expecting", "speech");

        // A subscriber that already has event 13 gets the rest live.
        CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> rest = ann.get()
                .uri("/api/sim/calls/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "13").exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody().filter(e -> e.event() != null)
                .takeUntil(e -> "ended".equals(e.event())).collectList().toFuture();

        Map<String, Object> after = input(ann, id, "{\"digits\": \"1\"}");

        assertThat(after).containsEntry("state", "ended").containsEntry("ended", true)
                .containsEntry("endReason", "hung up by the flow (normal)").containsEntry("currentNode", "end");
        assertThat(after.get("path")).isEqualTo(List.of("hours", "welcome", "mainMenu", "salesQueue", "end"));
        List<ServerSentEvent<Map<String, Object>>> live = rest.get(20, TimeUnit.SECONDS);
        assertThat(live.getFirst().id()).isEqualTo("14");
        assertThat(live.getFirst().event()).isEqualTo("caller");
        assertThat(live.getFirst().data()).containsEntry("digits", "1");
        assertThat(named(live, "node")).extracting(e -> e.data().get("nodeId")).containsExactly("salesQueue", "end");
        assertThat(named(live, "exit")).extracting(e -> e.data().get("exit")).containsExactly("sales", "answered");
        assertThat(named(live, "action")).extracting(e -> e.data().get("action")).containsExactly("queue", "hangup");
        Map<String, Object> ended = live.getLast().data();
        assertThat(ended).containsEntry("reason", "hung up by the flow (normal)")
                .containsEntry("path", List.of("hours", "welcome", "mainMenu", "salesQueue", "end"))
                .containsKey("duration");

        // Everything was sent: a reconnecting EventSource is told to stop.
        ann.get().uri("/api/sim/calls/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", live.getLast().id()).exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldStreamOverTheWireToALoggedInBrowser() throws Exception {
        WebClient http = WebClient.create("http://127.0.0.1:" + port);
        MultiValueMap<String, ResponseCookie> cookies = http.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.releaseBody().thenReturn(r.cookies())
                        : r.createError())
                .block(Duration.ofSeconds(20));
        String session = cookies.getFirst("IVR_SESSION").getValue();
        String xsrf = cookies.getFirst("XSRF-TOKEN").getValue();
        java.util.function.Consumer<org.springframework.http.HttpHeaders> browser = h -> {
            h.add("Cookie", "IVR_SESSION=" + session + "; XSRF-TOKEN=" + xsrf);
            h.add("X-XSRF-TOKEN", xsrf);
        };

        Map<String, Object> call = http.post().uri("/api/sim/calls").headers(browser)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(OPEN)
                .retrieve().bodyToMono(JSON_MAP).block(Duration.ofSeconds(20));
        String id = (String) call.get("callId");
        CompletableFuture<List<ServerSentEvent<Map<String, Object>>>> events = http.get()
                .uri("/api/sim/calls/{id}/events", id).headers(browser).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE).filter(e -> e.event() != null)
                .takeUntil(e -> "ended".equals(e.event())).collectList().toFuture();
        // Whether the stream opens before or after the input, the replay gives it everything from the start.
        http.post().uri("/api/sim/calls/{id}/input", id).headers(browser).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"speech\": \"support\"}").retrieve().toBodilessEntity().block(Duration.ofSeconds(20));

        List<ServerSentEvent<Map<String, Object>>> received = events.get(20, TimeUnit.SECONDS);
        assertThat(received.getFirst().event()).isEqualTo("started");
        assertThat(named(received, "node")).extracting(e -> e.data().get("nodeId"))
                .containsExactly("hours", "welcome", "mainMenu", "supportQueue", "end");
        assertThat(received).extracting(ServerSentEvent::id).doesNotHaveDuplicates();
        assertThat(received.getLast().data()).containsEntry("reason", "hung up by the flow (normal)");

        // Without the CSRF header, the session cookie alone cannot drive a call.
        http.post().uri("/api/sim/calls").header("Cookie", "IVR_SESSION=" + session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(OPEN)
                .exchangeToMono(r -> Mono.just(r.statusCode().value())).as(m -> assertThat(m.block()).isEqualTo(403));
    }

    @Test
    void shouldMoveTheClockWithTheFlowsTimersAndCollectDigits() {
        draft(store, "pin-line", """
                {"schema": "ivr-flow/1", "id": "pin-line", "name": "PIN line", "defaultLanguage": "en-US",
                 "start": "pause", "variables": {"pin": {"type": "string"}},
                 "nodes": [
                   {"id": "pause", "type": "wait", "settings": {"seconds": 30}, "exits": {"next": "pin"}},
                   {"id": "pin", "type": "input", "label": "PIN",
                    "settings": {"prompt": {"en-US": {"tts": "Enter your PIN"}}, "variable": "pin", "minLength": 4,
                                 "maxLength": 4, "terminator": "#"},
                    "exits": {"next": "bye", "failure": "end"}},
                   {"id": "bye", "type": "say",
                    "settings": {"text": {"en-US": "You entered {{pin}} from {{call.vars.sip_from_host}}"}},
                    "exits": {"next": "end"}},
                   {"id": "end", "type": "hangup", "settings": {"cause": "normal"}}]}
                """);

        Map<String, Object> call = start(ann, """
                {"flowId": "pin-line", "at": "2026-06-01T09:00:00+02:00", "variables": {"sip_from_host": "pbx.example.com"}}""");

        assertThat(call).containsEntry("clock", "2026-06-01T09:00:30+02:00").containsEntry("currentNode", "pin");
        assertThat(map(call.get("waiting"))).containsEntry("expecting", "digits").containsEntry("maxDigits", 4)
                .containsEntry("terminators", "#");
        Map<String, Object> after = input(ann, (String) call.get("callId"), "{\"digits\": \"1234#\"}");
        assertThat(map(after.get("variables"))).containsEntry("pin", "1234");
        assertThat(strings(after.get("heard"))).containsExactly("Enter your PIN", "You entered 1234 from pbx.example.com");
        assertThat(after.get("path")).isEqualTo(List.of("pause", "pin", "bye", "end"));
    }

    @Test
    void shouldRouteWhatTheCallerSays() {
        Map<String, Object> call = start(ann, OPEN);
        String id = (String) call.get("callId");

        Map<String, Object> after = input(ann, id, "{\"speech\": \"billing please\", \"confidence\": 0.8}");

        assertThat(after.get("path")).isEqualTo(List.of("hours", "welcome", "mainMenu", "billingQueue", "end"));
        List<ServerSentEvent<Map<String, Object>>> events = until(stream(ann, id), "ended");
        assertThat(named(events, "caller").getFirst().data()).containsEntry("speech", "billing please")
                .containsEntry("confidence", 0.8);
        assertThat(map(named(events, "input").getFirst().data().get("detail"))).containsEntry("speech", "billing please");
    }

    @Test
    void shouldClassifyAFreeFormRequestInTheVoiceFirstExample() {
        draft(store, "voice-first", example("voice-first"));
        Map<String, Object> call = start(ann, "{\"flowId\": \"voice-first\", \"callerNumber\": \"+13125550178\"}");
        assertThat(map(call.get("waiting"))).containsEntry("expecting", "speech").containsEntry("digitsToo", false);

        Map<String, Object> after = input(ann, (String) call.get("callId"),
                "{\"speech\": \"I was just in a car accident on the interstate\"}");

        assertThat(after.get("path")).isEqualTo(List.of("askReason", "classify", "claimsIntro", "claimsQueue", "end"));
        assertThat(map(after.get("variables"))).containsEntry("reason", "I was just in a car accident on the interstate");
    }

    @Test
    void shouldLetTheCallerStaySilentOnTheManualClock() {
        String id = (String) start(ann, OPEN).get("callId");

        Map<String, Object> after = input(ann, id, "{\"silence\": true}");

        assertThat(after).containsEntry("state", "waiting").containsEntry("clock", "2026-03-04T10:00:06-05:00")
                .containsEntry("duration", "PT6S");
        assertThat(strings(after.get("heard"))).containsSubsequence(MENU, "Sorry, I didn't catch that.");
    }

    @Test
    void shouldFollowTheCalendarAtTheGivenTime() {
        Map<String, Object> sunday = start(ann, "{\"flowId\": \"main-line\", \"at\": \"2026-03-08T11:00:00-04:00\"}");

        assertThat(sunday).containsEntry("state", "ended").containsEntry("startedAt", "2026-03-08T11:00-04:00");
        assertThat(sunday.get("path")).isEqualTo(List.of("hours", "closedMessage", "generalVoicemail", "goodbye", "end"));
        List<ServerSentEvent<Map<String, Object>>> events = until(stream(ann, (String) sunday.get("callId")), "ended");
        assertThat(map(named(events, "decision").getFirst().data().get("detail"))).containsEntry("decision", "closed");

        Map<String, Object> thanksgiving = start(ann, "{\"flowId\": \"main-line\", \"at\": \"2026-11-26T10:00:00-05:00\"}");
        assertThat(thanksgiving.get("path")).isEqualTo(List.of("hours", "holidayGreeting", "generalVoicemail", "goodbye", "end"));

        // The call is over: no more input.
        ann.post().uri("/api/sim/calls/{id}/input", sunday.get("callId")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"digits\": \"1\"}").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("has ended"));
    }

    @Test
    void shouldHangUpAndThenRefuseInput() {
        String id = (String) start(ann, OPEN).get("callId");

        Map<String, Object> hungUp = ann.post().uri("/api/sim/calls/{id}/hangup", id).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();

        assertThat(hungUp).containsEntry("state", "ended").containsEntry("endReason", "caller hung up (NORMAL_CLEARING)");
        ann.post().uri("/api/sim/calls/{id}/input", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"speech\": \"sales\"}").exchange().expectStatus().isEqualTo(409);
        ann.post().uri("/api/sim/calls/{id}/hangup", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("ended");
        List<ServerSentEvent<Map<String, Object>>> events = until(stream(ann, id), "ended");
        assertThat(names(events)).endsWith("caller", "action", "input", "variables", "ended");
        assertThat(events.getLast().data()).containsEntry("reason", "caller hung up (NORMAL_CLEARING)");
    }

    @Test
    void shouldShowTheStateOfTheCall() {
        String id = (String) start(ann, OPEN).get("callId");

        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.callId").isEqualTo(id)
                .jsonPath("$.state").isEqualTo("waiting")
                .jsonPath("$.currentNode").isEqualTo("mainMenu")
                .jsonPath("$.language").isEqualTo("en-US")
                .jsonPath("$.path.length()").isEqualTo(3)
                .jsonPath("$.heard[1]").isEqualTo(MENU)
                .jsonPath("$.actions[0].action").isEqualTo("play")
                .jsonPath("$.ended").isEqualTo(false)
                .jsonPath("$.endReason").isEmpty()
                .jsonPath("$.lastEventId").isEqualTo(13);
    }

    @Test
    void shouldRunAPublishedSubflowWithTheScriptedWorld() {
        int version = publish(store, "lang-menu", example("lang-menu"));
        assertThat(version).isEqualTo(1);
        draft(store, "language-selector", example("language-selector"));
        Map<String, Object> call = start(ann, """
                {"flowId": "language-selector", "callerNumber": "+33612345678", "calledNumber": "+33184880000",
                 "world": {"http": [{"status": 200, "body": {"line": "+33612345678",
                   "balance": {"amount": 12.5, "currency": "EUR"}, "data": {"remainingGb": 7.2, "allowanceGb": 20},
                   "plan": {"name": "Alpina 20 Go", "renewsOn": "April 1"}}}]}}""");
        String id = (String) call.get("callId");

        input(ann, id, "{\"digits\": \"1\"}");
        Map<String, Object> after = input(ann, id, "{\"digits\": \"1\"}");

        assertThat(after.get("path")).isEqualTo(List.of("chooseLanguage", "setEnglish", "welcome", "selfService",
                "lang-menu/defaults", "lang-menu/serviceMenu", "lang-menu/balanceLookup", "lang-menu/sayBalance",
                "lang-menu/setBalance", "lang-menu/backToParent", "afterMenu", "goodbye", "end"));
        assertThat(after).containsEntry("language", "en-US");
        assertThat(strings(after.get("heard")))
                .contains("Your balance is 12.5 euros, and you have 7.2 gigabytes of data left until April 1.");
        List<ServerSentEvent<Map<String, Object>>> events = until(stream(ann, id), "ended");
        assertThat(named(events, "node")).filteredOn(e -> Boolean.TRUE.equals(e.data().get("subflow")))
                .extracting(e -> e.data().get("flowId") + "/" + e.data().get("nodeId"))
                .containsExactly("lang-menu/defaults", "lang-menu/serviceMenu", "lang-menu/balanceLookup",
                        "lang-menu/sayBalance", "lang-menu/setBalance", "lang-menu/backToParent");
        assertThat(named(events, "language")).extracting(e -> e.data().get("language")).containsExactly("en-US");
        assertThat(named(events, "action")).extracting(e -> e.data().get("action")).contains("http");
    }

    @Test
    void shouldRefuseADraftWhoseSubflowVersionIsNotPublished() {
        publish(store, "lang-menu", example("lang-menu"));
        String json = example("language-selector").replace("\"id\": \"language-selector\"", "\"id\": \"selector-v9\"")
                .replace("\"version\": 1", "\"version\": 9");
        draft(store, "selector-v9", json);

        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"flowId\": \"selector-v9\"}").exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].pointer").value(p -> assertThat((String) p).matches("/nodes/\\d+/settings/version"))
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("SUBFLOW_UNKNOWN"));
    }

    @Test
    void shouldRefuseADraftWithErrorsListingThemWithPointers() {
        draft(store, "broken", """
                {"schema": "ivr-flow/1", "id": "broken", "name": "Broken", "defaultLanguage": "en-US", "start": "hello",
                 "nodes": [{"id": "hello", "type": "say", "settings": {"text": {"en-US": "Hi {{nobody}}"}},
                            "exits": {"next": "nowhere"}}]}
                """);

        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"flowId\": \"broken\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("draft of flow 'broken'"))
                .jsonPath("$.errors.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(2))
                .jsonPath("$.errors[?(@.pointer == '/nodes/0/exits/next')]").exists()
                .jsonPath("$.errors[?(@.pointer =~ /\\/nodes\\/0\\/settings\\/text.*/)]").exists();
    }

    @Test
    void shouldRefuseADraftThatIsNotAFlowDocument() {
        draft(store, "unreadable", """
                {"schema": "ivr-flow/1", "id": "unreadable", "name": "U", "defaultLanguage": "en-US", "start": "a",
                 "nodes": [{"id": "a", "type": "sing", "settings": {}}]}
                """);

        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"flowId\": \"unreadable\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].pointer").value(p -> assertThat((String) p).startsWith("/nodes/0"));
    }

    @Test
    void shouldAnswer404ForAnUnknownFlowVersionOrCall() {
        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"flowId\": \"nope\"}")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("there is no flow 'nope'");
        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"flowId\": \"main-line\", \"version\": 7}")
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("flow 'main-line' has no published version 7");
        ann.get().uri("/api/sim/calls/{id}", "0f0e0d0c-0000-0000-0000-000000000000").exchange()
                .expectStatus().isNotFound();
        ann.get().uri("/api/sim/calls/{id}/events", "nope").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound();
        ann.post().uri("/api/sim/calls/{id}/input", "nope").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"digits\": \"1\"}").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldCallAPublishedVersion() {
        int v = publish(store, "main-line", example("main-line"));

        Map<String, Object> call = start(ann, "{\"flowId\": \"main-line\", \"version\": " + v
                + ", \"at\": \"2026-03-04T10:00:00-05:00\"}");

        assertThat(call).containsEntry("version", v).containsEntry("state", "waiting");
    }

    static Stream<Arguments> badStarts() {
        return Stream.of(
                Arguments.of("{}", "/flowId"),
                Arguments.of("{\"flowId\": 12}", "/flowId"),
                Arguments.of("{\"flowId\": \"main-line\", \"version\": \"latest\"}", "/version"),
                Arguments.of("{\"flowId\": \"main-line\", \"version\": 0}", "/version"),
                Arguments.of("{\"flowId\": \"main-line\", \"at\": \"tomorrow\"}", "/at"),
                Arguments.of("{\"flowId\": \"main-line\", \"at\": \"2026-03-04T10:00:00\"}", "/at"),
                Arguments.of("{\"flowId\": \"main-line\", \"variables\": {\"a\": {\"b\": 1}}}", "/variables/a"),
                Arguments.of("{\"flowId\": \"main-line\", \"world\": {\"queue\": [\"answered\", \"maybe\"]}}", "/world/queue/1"),
                Arguments.of("{\"flowId\": \"main-line\", \"world\": {\"http\": [{\"status\": 42}]}}", "/world/http/0/status"),
                Arguments.of("{\"flowId\": \"main-line\", \"world\": {\"weather\": \"rain\"}}", "/world/weather"),
                Arguments.of("{\"flowId\": \"main-line\", \"colour\": \"red\"}", "/colour"),
                Arguments.of("{\"flowId\": \"main-line\", \"flowId\": \"other\"}", ""),
                Arguments.of("{\"flowId\": ", ""),
                Arguments.of("[\"main-line\"]", ""));
    }

    @ParameterizedTest
    @MethodSource("badStarts")
    void shouldRefuseABadStartWithAPointer(String body, String pointer) {
        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("{\"digits\": \"1\", \"speech\": \"sales\"}", "/speech"),
                Arguments.of("{\"digits\": \"\"}", "/digits"),
                Arguments.of("{\"digits\": \"12a\"}", "/digits"),
                Arguments.of("{\"digits\": 12}", "/digits"),
                Arguments.of("{\"speech\": \"sales\", \"confidence\": 1.5}", "/confidence"),
                Arguments.of("{\"speech\": \"sales\", \"confidence\": -0.1}", "/confidence"),
                Arguments.of("{\"digits\": \"1\", \"confidence\": 0.5}", "/confidence"),
                Arguments.of("{\"speech\": \"  \"}", "/speech"),
                Arguments.of("{\"silence\": false}", "/silence"),
                Arguments.of("{\"press\": \"1\"}", "/press"),
                Arguments.of("{}", ""),
                Arguments.of("\"1\"", ""),
                Arguments.of("{\"digits\": \"1\"", ""));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void shouldRefuseABadInputWithAPointer(String body, String pointer) {
        String id = (String) start(ann, OPEN).get("callId");

        ann.post().uri("/api/sim/calls/{id}/input", id).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].pointer").value(p -> assertThat(strings(p)).contains(pointer));
        // The call was not touched.
        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectBody().jsonPath("$.path.length()").isEqualTo(3);
    }

    @Test
    void shouldRefuseAnEmptyBody() {
        ann.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].pointer").isEqualTo("");
    }

    @Test
    void shouldSerializeConcurrentInputsToOneCall() {
        String id = (String) start(ann, OPEN).get("callId");

        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(i -> ann.post().uri("/api/sim/calls/{id}/input", id).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"digits\": \"9\"}").exchange().returnResult(String.class).getStatus().value() == 200
                        ? Flux.just(200) : Flux.just(500), 20)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(20).containsOnly(200);
        Map<String, Object> state = ann.get().uri("/api/sim/calls/{id}", id).exchange().expectBody(JSON_MAP)
                .returnResult().getResponseBody();
        assertThat((List<?>) state.get("path")).hasSize(23).last().isEqualTo("mainMenu");
        assertThat(state).containsEntry("state", "waiting");
    }

    @Test
    void shouldHideACallFromOtherUsers() {
        String id = (String) start(ann, OPEN).get("callId");
        WebTestClient bob = client(context, "bob");

        bob.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isNotFound();
        bob.get().uri("/api/sim/calls/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound();
        bob.post().uri("/api/sim/calls/{id}/input", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"digits\": \"1\"}").exchange().expectStatus().isNotFound();
        bob.post().uri("/api/sim/calls/{id}/hangup", id).exchange().expectStatus().isNotFound();
        ann.get().uri("/api/sim/calls/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void shouldNeedALoginAndACsrfTokenWithASessionCookie() {
        SimTestSupport.anonymous(context).post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(OPEN).exchange().expectStatus().isUnauthorized();
        WebTestClient viewer = SimTestSupport.anonymous(context).mutateWith(mockUser("ann").roles("VIEWER"));
        viewer.post().uri("/api/sim/calls").cookie("IVR_SESSION", "a-session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(OPEN).exchange().expectStatus().isForbidden();
        viewer.mutateWith(csrf()).post().uri("/api/sim/calls").cookie("IVR_SESSION", "a-session")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(OPEN).exchange().expectStatus().isCreated();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
