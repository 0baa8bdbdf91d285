package dev.ivrflow.app.runtime;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/numbers}, {@code GET /api/flows/{flowId}/numbers} (VIEWER), {@code PUT} and {@code DELETE
 * /api/flows/{flowId}/numbers/{number}} (EDITOR): routes as the designer and CI manage them, and bad input answered
 * 400 problem+json naming the place.
 */
class NumbersApiTest extends RuntimeTestSupport {

    private String flow() {
        String id = uniqueId("numbers");
        publish(id, sayFlow(id, "Hi", "Bye"));
        return id;
    }

    private static JsonNode json(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.has("pointer") ? e.get("pointer").asString() : null));
        return out;
    }

    @Test
    void shouldRouteANumberToAFlowAndListIt() {
        String id = flow();
        String number = uniqueNumber();

        JsonNode created = json(editor().put().uri("/api/flows/{id}/numbers/{n}", id, number)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "Main line DID"))
                .exchange().expectStatus().isCreated());

        assertThat(created.get("number").asString()).isEqualTo(number);
        assertThat(created.get("flowId").asString()).isEqualTo(id);
        assertThat(created.get("description").asString()).isEqualTo("Main line DID");
        assertThat(created.get("liveVersion").asInt()).isEqualTo(1);
        assertThat(created.get("updatedBy").asString()).isEqualTo("ed");
        JsonNode all = json(viewer().get().uri("/api/numbers").exchange().expectStatus().isOk());
        assertThat(all.findValuesAsString("number")).contains(number);
        JsonNode ofFlow = json(viewer().get().uri("/api/flows/{id}/numbers", id).exchange().expectStatus().isOk());
        assertThat(ofFlow.findValuesAsString("number")).containsExactly(number);
        assertThat(router.decide(callTo(number, Map.of()))).hasValueSatisfying(d -> assertThat(d.flowId()).isEqualTo(id));
    }

    @Test
    void shouldAcceptNoBodyAndAnswer200WhenTheRouteExisted() {
        String id = flow();
        String number = uniqueNumber();
        editor().put().uri("/api/flows/{id}/numbers/{n}", id, number).exchange().expectStatus().isCreated();

        editor().put().uri("/api/flows/{id}/numbers/{n}", id, number).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("flowId", id)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldRefuseToTakeAnotherFlowsNumberUnlessAskedToReplaceIt() {
        String first = flow();
        String second = flow();
        String number = uniqueNumber();
        editor().put().uri("/api/flows/{id}/numbers/{n}", first, number).exchange().expectStatus().isCreated();

        JsonNode conflict = json(editor().put().uri("/api/flows/{id}/numbers/{n}", second, number).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(conflict.get("detail").asString()).contains(first).contains("replace");

        JsonNode moved = json(editor().put().uri("/api/flows/{id}/numbers/{n}", second, number)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("replace", true)).exchange().expectStatus().isOk());
        assertThat(moved.get("flowId").asString()).isEqualTo(second);
        assertThat(moved.get("previousFlowId").asString()).isEqualTo(first);
    }

    @Test
    void shouldLetOnlyOneOfManyFlowsTakeAFreeNumberAtOnce() throws Exception {
        String number = uniqueNumber();
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < 6; i++) flows.add(flow());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(flows.size());
        try {
            List<java.util.concurrent.Future<HttpStatus>> answers = new ArrayList<>();
            for (String id : flows) {
                answers.add(pool.submit(() -> HttpStatus.valueOf(editor().put().uri("/api/flows/{id}/numbers/{n}", id, number)
                        .exchange().returnResult(Void.class).getStatus().value())));
            }
            List<HttpStatus> statuses = new ArrayList<>();
            for (var a : answers) statuses.add(a.get());

            assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT);
            assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRemoveARouteOnlyFromItsOwnFlow() {
        String id = flow();
        String other = flow();
        String number = uniqueNumber();
        editor().put().uri("/api/flows/{id}/numbers/{n}", id, number).exchange().expectStatus().isCreated();

        editor().delete().uri("/api/flows/{id}/numbers/{n}", other, number).exchange().expectStatus().isNotFound();
        editor().delete().uri("/api/flows/{id}/numbers/{n}", id, number).exchange().expectStatus().isNoContent();
        editor().delete().uri("/api/flows/{id}/numbers/{n}", id, number).exchange().expectStatus().isNotFound();

        assertThat(router.decide(callTo(number, Map.of()))).isEmpty();
    }

    @Test
    void shouldAcceptStarAndHashAndAFlowThatIsOnlyADraft() {
        String draftOnly = uniqueId("draft");
        store.create(draftOnly, "Draft", sayFlow(draftOnly, "a", "b"), "test").block(TIMEOUT);

        JsonNode created = json(editor().put().uri("/api/flows/{id}/numbers/{n}", draftOnly, "*98#").exchange()
                .expectStatus().isCreated());

        assertThat(created.get("number").asString()).isEqualTo("*98#");
        assertThat(created.has("liveVersion")).as("nothing published yet").isFalse();
        editor().delete().uri("/api/flows/{id}/numbers/{n}", draftOnly, "*98#").exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldAnswer404ForAFlowThatDoesNotExist() {
        JsonNode problem = json(editor().put().uri("/api/flows/no-such-flow/numbers/{n}", uniqueNumber()).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("detail").asString()).contains("no-such-flow");
        viewer().get().uri("/api/flows/no-such-flow/numbers").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldRefuseBadNumbersAndFlowIdsNamingTheParameter() {
        String id = flow();
        for (String bad : List.of("12a4", "+", "++1", "1-800-FLOWERS", "1".repeat(33), "12 34", "١٢٣")) {
            JsonNode problem = json(editor().put().uri("/api/flows/{id}/numbers/{n}", id, bad).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(problem.get("errors")).as(bad).hasSize(1);
            assertThat(problem.at("/errors/0/message").asString()).as(bad).startsWith("path parameter 'number'");
            assertThat(problem.at("/errors/0/expected").asString()).isEqualTo(NumberRoutes.NUMBER_PATTERN);
        }
        JsonNode both = json(editor().put().uri("/api/flows/Bad_Id/numbers/abc").exchange().expectStatus().isBadRequest());
        assertThat(both.get("errors")).hasSize(2);
        editor().delete().uri("/api/flows/" + id + "/numbers/x1").exchange().expectStatus().isBadRequest();
        viewer().get().uri("/api/flows/Bad_Id/numbers").exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldRefuseABadBodyWithAPointerForEveryProblem() {
        String id = flow();
        String number = uniqueNumber();

        JsonNode problem = json(editor().put().uri("/api/flows/{id}/numbers/{n}", id, number)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"flowId\":\"someone-else\",\"description\":42,\"replace\":\"yes\",\"colour\":\"red\"}")
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(pointers(problem)).containsExactlyInAnyOrder("/flowId", "/description", "/replace", "/colour");
        JsonNode tooLong = json(editor().put().uri("/api/flows/{id}/numbers/{n}", id, number)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("description", "x".repeat(201)))
                .exchange().expectStatus().isBadRequest());
        assertThat(pointers(tooLong)).containsExactly("/description");
        for (String notAnObject : List.of("{", "[1]", "\"text\"", "{\"a\":1}{}")) {
            JsonNode p = json(editor().put().uri("/api/flows/{id}/numbers/{n}", id, number)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(notAnObject).exchange().expectStatus().isBadRequest());
            assertThat(pointers(p)).as(notAnObject).containsExactly("");
        }
        editor().put().uri("/api/flows/{id}/numbers/{n}", id, number).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"description\":\"" + "x".repeat(20_000) + "\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        viewer().get().uri("/api/flows/{id}/numbers", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void shouldLetOnlyEditorsChangeRoutes() {
        String id = flow();
        String number = uniqueNumber();

        viewer().put().uri("/api/flows/{id}/numbers/{n}", id, number).exchange().expectStatus().isForbidden();
        viewer().delete().uri("/api/flows/{id}/numbers/{n}", id, number).exchange().expectStatus().isForbidden();
        client.get().uri("/api/numbers").exchange().expectStatus().isUnauthorized();
        as("nobody").get().uri("/api/numbers").exchange().expectStatus().isForbidden();
    }
}
