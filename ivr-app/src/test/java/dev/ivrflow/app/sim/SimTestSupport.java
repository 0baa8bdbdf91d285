package dev.ivrflow.app.sim;

import dev.ivrflow.app.flows.FlowStore;
import dev.ivrflow.app.flows.FlowStoreException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** Clients, flows and stream reading shared by the simulator's HTTP tests. */
final class SimTestSupport {
    static final Path EXAMPLES = Path.of("../flows-examples/flows");
    static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    private SimTestSupport() {
    }

    /** A client of the application (with its security filters) signed in as this viewer, sending CSRF tokens. */
    static WebTestClient client(ApplicationContext context, String user) {
        return anonymous(context).mutateWith(mockUser(user).roles("VIEWER")).mutateWith(csrf());
    }

    static WebTestClient anonymous(ApplicationContext context) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String example(String id) {
        try {
            return Files.readString(EXAMPLES.resolve(id + ".flow.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the JSON as the flow's draft, creating the flow when it is new. */
    static void draft(FlowStore store, String id, String json) {
        store.draft(id)
                .flatMap(d -> store.save(id, d.name(), json, d.revision(), "test"))
                .onErrorResume(FlowStoreException.class, e -> e.reason() == FlowStoreException.Reason.NOT_FOUND
                        ? store.create(id, id, json, "test") : Mono.error(e))
                .block(Duration.ofSeconds(10));
    }

    static int publish(FlowStore store, String id, String json) {
        return store.publish(id, id, json, "test", "test").block(Duration.ofSeconds(10)).version();
    }

    static Map<String, Object> start(WebTestClient client, String body) {
        return client.post().uri("/api/sim/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/sim/calls/[0-9a-f-]{36}")
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    static Map<String, Object> input(WebTestClient client, String id, String body) {
        return client.post().uri("/api/sim/calls/{id}/input", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    static Flux<ServerSentEvent<Map<String, Object>>> stream(WebTestClient client, String id) {
        return client.get().uri("/api/sim/calls/{id}/events", id).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody()
                .filter(e -> e.event() != null);
    }

    /** The stream's events up to and including the first of the given name (after skipping {@code skip} of them). */
    static List<ServerSentEvent<Map<String, Object>>> until(Flux<ServerSentEvent<Map<String, Object>>> stream,
                                                            String name) {
        return stream.takeUntil(e -> name.equals(e.event())).collectList().block(Duration.ofSeconds(20));
    }

    static List<String> names(List<ServerSentEvent<Map<String, Object>>> events) {
        return events.stream().map(ServerSentEvent::event).toList();
    }

    static List<ServerSentEvent<Map<String, Object>>> named(List<ServerSentEvent<Map<String, Object>>> events,
                                                           String name) {
        return events.stream().filter(e -> name.equals(e.event())).toList();
    }
}
