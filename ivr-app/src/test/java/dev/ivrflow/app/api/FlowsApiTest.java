package dev.ivrflow.app.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafts, validation, the publish / version / diff / rollback cycle, revisions, deletes, audit and the OpenAPI docs. */
class FlowsApiTest extends ApiTestSupport {

    private JsonNode create(String body) {
        return json(editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent());
    }

    private EntityExchangeResult<byte[]> draft(String id) {
        return viewer().get().uri("/api/flows/{id}", id).exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private String draftText(String id) {
        return new String(draft(id).getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec put(String id, String body, String ifMatch) {
        WebTestClient.RequestBodySpec spec = editor().put().uri("/api/flows/{id}", id).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) spec.header("If-Match", ifMatch);
        return spec.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec publish(String id, String comment) {
        return publisher().post().uri("/api/flows/{id}/publish", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"comment\": \"" + comment + "\"}").exchange();
    }

    private JsonNode published(String id, String comment) {
        return json(publish(id, comment).expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent());
    }

    private JsonNode getJson(String uri, Object... vars) {
        return json(viewer().get().uri(uri, vars).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
    }

    /** The document with another flow name (the first "name" member is the flow's). */
    static String renamed(String flow, String name) {
        String out = flow.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"" + name + "\"");
        assertThat(out).isNotEqualTo(flow);
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.path(field).asString(null));
        return out;
    }

    @Test
    void shouldCreateADraftAndGetItsCanonicalJsonWithTheRevisionAsETag() {
        String body = exampleAs("main-line", "create-get");

        EntityExchangeResult<byte[]> created = editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/flows/create-get")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().returnResult();
        JsonNode result = json(created.getResponseBodyContent());

        assertThat(result.path("id").asString()).isEqualTo("create-get");
        assertThat(result.path("revision").asLong()).isEqualTo(1);
        assertThat(result.path("status").asString()).isEqualTo("created");
        assertThat(result.path("updatedBy").asString()).isEqualTo("ed");
        assertThat(result.path("validation").path("valid").asBoolean()).isTrue();
        EntityExchangeResult<byte[]> got = draft("create-get");
        assertThat(got.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(got.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(new String(got.getResponseBodyContent(), StandardCharsets.UTF_8)).isEqualTo(body);

        JsonNode list = getJson("/api/flows");
        JsonNode listed = null;
        for (JsonNode f : list) if (f.path("id").asString().equals("create-get")) listed = f;
        assertThat(listed).isNotNull();
        assertThat(listed.path("name").asString()).isEqualTo("Northwind Office Supply main line");
        assertThat(listed.path("revision").asLong()).isEqualTo(1);
        assertThat(listed.path("updatedBy").asString()).isEqualTo("ed");
        assertThat(listed.path("published").isNull()).isTrue();

        JsonNode again = problem(editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 409);
        assertThat(again.path("detail").asString()).contains("already exists");
    }

    @Test
    void shouldStoreWhatItIsSentInCanonicalForm() {
        String canonical = exampleAs("lang-menu", "canonical-form");
        String minified = JSON.writeValueAsString(JSON.readTree(canonical));
        assertThat(minified).isNotEqualTo(canonical);

        create(minified);

        assertThat(draftText("canonical-form")).isEqualTo(canonical);
    }

    @Test
    void shouldSaveOnlyFromTheCurrentRevision() {
        String original = exampleAs("main-line", "revisions");
        create(original);
        String renamed = renamed(original, "Main line (new)");
        String other = renamed(original, "Someone else's line");

        put("revisions", renamed, "\"1\"").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("updated").jsonPath("$.revision").isEqualTo(2);

        JsonNode stale = problem(put("revisions", other, "\"1\""), 409);
        assertThat(stale.path("currentRevision").asLong()).isEqualTo(2);
        assertThat(stale.path("detail").asString()).contains("revision 2, not 1");
        put("revisions", other, "\"1\"").expectHeader().valueEquals("ETag", "\"2\"");
        assertThat(draftText("revisions")).isEqualTo(renamed);

        JsonNode missing = problem(put("revisions", other, null), 428);
        assertThat(missing.path("detail").asString()).contains("If-Match");

        // The content the draft already has: nothing to save, whatever revision the client saw (a retried save).
        put("revisions", renamed, "\"1\"").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("unchanged");
        put("revisions", other, "2").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"");
        assertThat(draftText("revisions")).isEqualTo(other);
    }

    @Test
    void shouldSaveAnInvalidDraftAndReportItsIssuesButRefuseToPublishIt() {
        String broken = exampleAs("main-line", "broken").replace("\"start\": \"hours\"", "\"start\": \"nowhere\"");

        JsonNode created = create(broken);

        assertThat(created.path("validation").path("valid").asBoolean()).isFalse();
        assertThat(texts(created.path("validation").path("issues"), "code")).contains("START_MISSING");
        assertThat(texts(created.path("validation").path("issues"), "pointer")).contains("/start");

        JsonNode validated = json(editor().post().uri("/api/flows/broken/validate").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent());
        assertThat(validated).isEqualTo(created.path("validation"));
        assertThat(getJson("/api/flows/broken/validation")).isEqualTo(created.path("validation"));
        JsonNode issue = validated.path("issues").get(0);
        assertThat(issue.has("code") && issue.has("severity") && issue.has("nodeId") && issue.has("exit")
                && issue.has("message") && issue.has("pointer")).isTrue();

        JsonNode refused = problem(publish("broken", "try it"), 422);
        assertThat(refused.path("detail").asString()).contains("before publishing");
        assertThat(pointers(refused)).contains("/start");
        assertThat(texts(refused.path("issues"), "code")).contains("START_MISSING");
        assertThat(texts(refused.path("issues"), "severity")).containsOnly("ERROR");
        viewer().get().uri("/api/flows/broken/versions").exchange().expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void shouldValidateADocumentWithoutSavingIt() {
        String broken = exampleAs("main-line", "unsaved").replace("\"start\": \"hours\"", "\"start\": \"nowhere\"");

        JsonNode report = json(editor().post().uri("/api/validate").contentType(MediaType.APPLICATION_JSON).bodyValue(broken)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());

        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(texts(report.path("issues"), "pointer")).contains("/start");
        JsonNode clean = json(editor().post().uri("/api/validate").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleText("voice-first")).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
        assertThat(clean.path("valid").asBoolean()).isTrue();
        problem(viewer().get().uri("/api/flows/unsaved").exchange(), 404);
    }

    @Test
    void shouldPublishVersionsDiffThemAndRollBack() {
        String v1 = exampleAs("main-line", "cycle");
        create(v1);

        JsonNode first = published("cycle", "first version");
        assertThat(first.path("version").path("version").asInt()).isEqualTo(1);
        assertThat(first.path("version").path("publishedBy").asString()).isEqualTo("pat");
        assertThat(first.path("version").path("comment").asString()).isEqualTo("first version");
        assertThat(first.path("validation").path("valid").asBoolean()).isTrue();

        String v2 = v1.replace("\"digits\": \"3\"", "\"digits\": \"4\"")
                .replace("\"billingQueue\": { \"x\": 750, \"y\": 450 }", "\"billingQueue\": { \"x\": 760, \"y\": 470 }");
        put("cycle", v2, "\"1\"").expectStatus().isOk();
        publish("cycle", "billing on 4").expectStatus().isCreated().expectHeader().location("/api/flows/cycle/versions/2");

        JsonNode versions = getJson("/api/flows/cycle/versions");
        assertThat(texts(versions, "comment")).containsExactly("billing on 4", "first version");
        assertThat(texts(versions, "publishedBy")).containsOnly("pat");
        assertThat(viewer().get().uri("/api/flows/cycle/versions/1").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent()).isEqualTo(v1.getBytes(StandardCharsets.UTF_8));

        JsonNode diff = getJson("/api/flows/cycle/diff?from=1&to=2");
        assertThat(diff.path("from").asString()).isEqualTo("1");
        assertThat(diff.path("to").asString()).isEqualTo("2");
        JsonNode d = diff.path("diff");
        assertThat(d.path("logicChanged").asBoolean()).isTrue();
        assertThat(d.path("nodes").path("changed")).hasSize(1);
        JsonNode menu = d.path("nodes").path("changed").get(0);
        assertThat(menu.path("id").asString()).isEqualTo("mainMenu");
        assertThat(menu.path("settings").get(0).path("op").asString()).isEqualTo("replace");
        assertThat(menu.path("settings").get(0).path("pointer").asString()).isEqualTo("/settings/options/2/digits");
        assertThat(menu.path("settings").get(0).path("old").asString()).isEqualTo("3");
        assertThat(menu.path("settings").get(0).path("new").asString()).isEqualTo("4");
        assertThat(d.path("layout").get(0).path("id").asString()).isEqualTo("billingQueue");
        assertThat(d.path("layout").get(0).path("to").path("y").asInt()).isEqualTo(470);
        assertThat(getJson("/api/flows/cycle/diff").path("diff").path("identical").asBoolean())
                .as("latest to draft, by default").isTrue();

        EntityExchangeResult<byte[]> rolled = publisher().post().uri("/api/flows/cycle/rollback")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"version\": 1, \"comment\": \"4 confused callers\"}")
                .exchange().expectStatus().isCreated()
                .expectHeader().location("/api/flows/cycle/versions/3")
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().returnResult();
        JsonNode rollback = json(rolled.getResponseBodyContent());
        assertThat(rollback.path("version").path("version").asInt()).isEqualTo(3);
        assertThat(rollback.path("version").path("comment").asString()).isEqualTo("Rollback to version 1: 4 confused callers");
        assertThat(rollback.path("rolledBackTo").asInt()).isEqualTo(1);
        assertThat(rollback.path("draft").path("revision").asLong()).isEqualTo(3);
        assertThat(rollback.path("draft").path("published").path("version").asInt()).isEqualTo(3);

        byte[] three = viewer().get().uri("/api/flows/cycle/versions/3").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();
        assertThat(three).isEqualTo(v1.getBytes(StandardCharsets.UTF_8));
        assertThat(draftText("cycle")).as("the draft is what is live, so the next publish keeps the rollback").isEqualTo(v1);
        assertThat(getJson("/api/flows/cycle/diff?from=1&to=latest").path("diff").path("identical").asBoolean()).isTrue();
        JsonNode back = getJson("/api/flows/cycle/diff?from=2&to=draft").path("diff");
        assertThat(back.path("nodes").path("changed").get(0).path("settings").get(0).path("new").asString()).isEqualTo("3");

        JsonNode audit = getJson("/api/flows/cycle/audit");
        assertThat(texts(audit, "action")).containsExactly("rollback", "publish", "publish");
        assertThat(texts(audit, "user")).containsOnly("pat");
        assertThat(audit.get(0).path("version").asInt()).isEqualTo(3);
        assertThat(audit.get(0).path("fromVersion").asInt()).isEqualTo(1);
        assertThat(audit.get(0).path("comment").asString()).isEqualTo("Rollback to version 1: 4 confused callers");
        assertThat(audit.get(0).path("at").asString()).isNotBlank();
        assertThat(audit.get(0).path("replacedDraft").isNull()).as("the draft held no unpublished work").isTrue();

        JsonNode nothingToDo = problem(publisher().post().uri("/api/flows/cycle/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"version\": 3, \"comment\": \"again\"}").exchange(), 409);
        assertThat(nothingToDo.path("detail").asString()).contains("already the live version");
        problem(publisher().post().uri("/api/flows/cycle/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"version\": 9, \"comment\": \"no such\"}").exchange(), 404);

        for (JsonNode f : getJson("/api/flows")) {
            if (f.path("id").asString().equals("cycle")) assertThat(f.path("published").path("version").asInt()).isEqualTo(3);
        }
    }

    @Test
    void shouldDiscardUnpublishedWorkOnRollbackOnlyWhenConfirmed() {
        String v1 = exampleAs("main-line", "unpublished");
        create(v1);
        published("unpublished", "one");
        String v2 = renamed(v1, "Main line 2");
        put("unpublished", v2, "\"1\"").expectStatus().isOk();
        published("unpublished", "two");
        String work = renamed(v1, "Work in progress");
        put("unpublished", work, "\"2\"").expectStatus().isOk();

        JsonNode refused = problem(publisher().post().uri("/api/flows/unpublished/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"version\": 1, \"comment\": \"back\"}").exchange(), 409);
        assertThat(refused.path("currentRevision").asLong()).isEqualTo(3);
        assertThat(refused.path("detail").asString()).contains("not published").contains("If-Match: \"3\"");
        assertThat(draftText("unpublished")).isEqualTo(work);

        publisher().post().uri("/api/flows/unpublished/rollback").header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"version\": 1, \"comment\": \"back\"}").exchange().expectStatus().isCreated();

        assertThat(draftText("unpublished")).isEqualTo(v1);
        JsonNode entry = getJson("/api/flows/unpublished/audit").get(0);
        assertThat(entry.path("action").asString()).isEqualTo("rollback");
        assertThat(entry.path("replacedDraftRevision").asLong()).isEqualTo(3);
        assertThat(entry.path("replacedDraft").asString()).as("the discarded work can be recovered").isEqualTo(work);
    }

    @Test
    void shouldPublishOnlyTheRevisionThePublisherReviewed() {
        create(exampleAs("main-line", "reviewed"));

        JsonNode stale = problem(publisher().post().uri("/api/flows/reviewed/publish").header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"comment\": \"looks good\"}").exchange(), 409);

        assertThat(stale.path("currentRevision").asLong()).isEqualTo(1);
        publisher().post().uri("/api/flows/reviewed/publish").header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"comment\": \"looks good\"}").exchange()
                .expectStatus().isCreated();
    }

    @Test
    void shouldReportUnknownSubflowsUntilTheyArePublished() {
        create(exampleText("language-selector"));

        JsonNode before = json(editor().post().uri("/api/flows/language-selector/validate").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
        assertThat(before.path("valid").asBoolean()).isFalse();
        assertThat(texts(before.path("issues"), "code")).contains("SUBFLOW_UNKNOWN");
        JsonNode refused = problem(publish("language-selector", "first"), 422);
        assertThat(texts(refused.path("issues"), "code")).contains("SUBFLOW_UNKNOWN");

        create(exampleText("lang-menu"));
        published("lang-menu", "the menu");

        JsonNode after = json(editor().post().uri("/api/flows/language-selector/validate").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
        assertThat(after.path("valid").asBoolean()).isTrue();
        published("language-selector", "first");
    }

    @Test
    void shouldDeleteADraftButKeepItsPublishedVersions() {
        create(exampleAs("main-line", "deleted"));
        published("deleted", "one");

        problem(editor().delete().uri("/api/flows/deleted").header("If-Match", "\"5\"").exchange(), 409);
        editor().delete().uri("/api/flows/deleted").header("If-Match", "\"1\"").exchange().expectStatus().isNoContent();

        problem(viewer().get().uri("/api/flows/deleted").exchange(), 404);
        problem(editor().delete().uri("/api/flows/deleted").exchange(), 404);
        assertThat(getJson("/api/flows/deleted/versions")).hasSize(1);
        viewer().get().uri("/api/flows/deleted/versions/1").exchange().expectStatus().isOk();
        assertThat(texts(getJson("/api/flows/deleted/audit"), "action")).containsExactly("delete", "publish");
        assertThat(texts(getJson("/api/flows"), "id")).doesNotContain("deleted");
    }

    @Test
    void shouldAnswer404ForWhatDoesNotExist() {
        problem(viewer().get().uri("/api/flows/no-such-flow").exchange(), 404);
        problem(viewer().get().uri("/api/flows/no-such-flow/versions").exchange(), 404);
        problem(viewer().get().uri("/api/flows/no-such-flow/versions/1").exchange(), 404);
        problem(viewer().get().uri("/api/flows/no-such-flow/diff?from=1&to=draft").exchange(), 404);
        problem(viewer().get().uri("/api/flows/no-such-flow/export").exchange(), 404);
        problem(viewer().get().uri("/api/flows/no-such-flow/audit").exchange(), 404);
        problem(editor().post().uri("/api/flows/no-such-flow/validate").exchange(), 404);
        problem(publish("no-such-flow", "x"), 404);
        problem(put("no-such-flow", exampleAs("main-line", "no-such-flow"), "\"1\""), 404);
        problem(publisher().post().uri("/api/flows/no-such-flow/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"version\": 1, \"comment\": \"x\"}").exchange(), 404);

        create(exampleAs("main-line", "never-published"));
        JsonNode none = problem(viewer().get().uri("/api/flows/never-published/diff").exchange(), 404);
        assertThat(none.path("detail").asString()).contains("no published version");
        viewer().get().uri("/api/flows/never-published/versions").exchange().expectStatus().isOk().expectBody().json("[]");
    }

    @Test
    void shouldListEveryEndpointInTheOpenApiDocument() {
        JsonNode docs = getJson("/v3/api-docs");
        JsonNode paths = docs.path("paths");

        for (String path : List.of("/api/flows", "/api/flows/{id}", "/api/flows/{id}/validate", "/api/flows/{id}/validation",
                "/api/flows/{id}/publish", "/api/flows/{id}/versions", "/api/flows/{id}/versions/{version}",
                "/api/flows/{id}/diff", "/api/flows/{id}/rollback", "/api/flows/{id}/export", "/api/flows/{id}/audit",
                "/api/validate", "/api/import", "/api/import/zip", "/api/export")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/flows/{id}").has("put")).isTrue();
        assertThat(paths.path("/api/flows/{id}").has("delete")).isTrue();
        assertThat(paths.path("/api/flows/{id}/publish").path("post").path("summary").asString()).isEqualTo("Publish the draft");
    }
}
