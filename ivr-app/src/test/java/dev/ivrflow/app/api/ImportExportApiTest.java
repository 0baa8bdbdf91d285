package dev.ivrflow.app.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import and export as canonical JSON: one flow and whole zips of the example flows, round trips that give the
 * same bytes back, and imports that publish. The tests share one database, so each renames the examples with a
 * prefix of its own (subflow references included).
 */
class ImportExportApiTest extends ApiTestSupport {
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    /** Every example flow file, by file name. */
    private static Map<String, byte[]> examples() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".flow.json")).sorted().toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        assertThat(out).hasSize(6);
        return out;
    }

    /** The examples under other ids (prefix + id), so a test has flows of its own. */
    private static Map<String, byte[]> examplesAs(String prefix) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (var e : examples().entrySet()) {
            String id = e.getKey().substring(0, e.getKey().length() - ".flow.json".length());
            String text = new String(e.getValue(), StandardCharsets.UTF_8)
                    .replaceFirst("\"id\": \"" + id + "\"", "\"id\": \"" + prefix + id + "\"")
                    .replace("\"flow\": \"lang-menu\"", "\"flow\": \"" + prefix + "lang-menu\"");
            out.put(prefix + e.getKey(), text.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** {@code query} is a URI template ({@code ?publish=true&comment={c}}) with its variables. */
    private WebTestClient.ResponseSpec importZip(WebTestClient as, byte[] zip, String query, Object... vars) {
        return as.post().uri("/api/import/zip" + query, vars).contentType(ZIP).bodyValue(zip).exchange();
    }

    private JsonNode imported(byte[] zip, String query, WebTestClient as, Object... vars) {
        return json(importZip(as, zip, query, vars).expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
    }

    private byte[] exportAll(String query) {
        return viewer().get().uri("/api/export" + query).exchange().expectStatus().isOk()
                .expectHeader().contentType(ZIP).expectBody().returnResult().getResponseBodyContent();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.path(field).asString(null));
        return out;
    }

    @Test
    void shouldExportEachImportedExampleAsTheSameBytesAndReimportItUnchanged() throws IOException {
        for (var e : examplesAs("one-").entrySet()) {
            String id = e.getKey().replace(".flow.json", "");
            JsonNode created = json(editor().post().uri("/api/import").contentType(MediaType.APPLICATION_JSON).bodyValue(e.getValue())
                    .exchange().expectStatus().isCreated().expectHeader().location("/api/flows/" + id)
                    .expectHeader().valueEquals("ETag", "\"1\"").expectBody().returnResult().getResponseBodyContent());
            assertThat(created.path("status").asString()).isEqualTo("created");

            EntityExchangeResult<byte[]> exported = viewer().get().uri("/api/flows/{id}/export", id).exchange()
                    .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON)
                    .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + id + ".flow.json\"")
                    .expectBody().returnResult();
            assertThat(exported.getResponseBodyContent()).as(id).isEqualTo(e.getValue());

            JsonNode again = json(editor().post().uri("/api/import").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(exported.getResponseBodyContent()).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"1\"").expectBody().returnResult().getResponseBodyContent());
            assertThat(again.path("status").asString()).as(id).isEqualTo("unchanged");
            assertThat(again.path("revision").asLong()).isEqualTo(1);
        }
    }

    @Test
    void shouldUpdateADraftOnImportAndExportAVersion() throws IOException {
        byte[] original = examplesAs("upd-").get("upd-main-line.flow.json");
        editor().post().uri("/api/import").contentType(MediaType.APPLICATION_JSON).bodyValue(original).exchange().expectStatus().isCreated();
        publisher().post().uri("/api/flows/upd-main-line/publish").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"comment\": \"v1\"}").exchange().expectStatus().isCreated();
        byte[] changed = FlowsApiTest.renamed(new String(original, StandardCharsets.UTF_8), "Changed in git").getBytes(StandardCharsets.UTF_8);

        JsonNode updated = json(editor().post().uri("/api/import").contentType(MediaType.APPLICATION_JSON).bodyValue(changed)
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"").expectBody().returnResult().getResponseBodyContent());

        assertThat(updated.path("status").asString()).isEqualTo("updated");
        assertThat(viewer().get().uri("/api/flows/upd-main-line/export").exchange().expectBody().returnResult()
                .getResponseBodyContent()).isEqualTo(changed);
        assertThat(viewer().get().uri("/api/flows/upd-main-line/export?version=1").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent()).isEqualTo(original);
    }

    @Test
    void shouldImportAZipAndExportTheSameBytesBackAndTheSameZipTwice() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, byte[]> flows = examplesAs("zip-");
        flows.forEach((name, bytes) -> files.put("repo/flows/" + name, bytes));
        files.put("repo/flows/zip-main-line.test.json", "{}".getBytes(StandardCharsets.UTF_8));
        files.put("repo/README.md", "# flows".getBytes(StandardCharsets.UTF_8));

        JsonNode report = imported(zip(files), "", editor());

        assertThat(texts(report.path("flows"), "status")).hasSize(6).containsOnly("created");
        assertThat(texts(report.path("flows"), "file")).allMatch(f -> f.startsWith("repo/flows/zip-"));
        assertThat(report.path("skipped")).hasSize(2);
        assertThat(report.path("skipped").toString()).contains("repo/flows/zip-main-line.test.json", "repo/README.md");
        for (JsonNode f : report.path("flows")) assertThat(f.path("published").isNull()).isTrue();

        byte[] exported = exportAll("");
        Map<String, byte[]> entries = unzip(exported);
        for (var e : flows.entrySet()) {
            assertThat(entries.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }

        JsonNode again = imported(exported, "", editor());
        assertThat(texts(again.path("flows"), "status")).containsOnly("unchanged");
        assertThat(exportAll("")).as("the same drafts give the same zip").isEqualTo(exported);
        viewer().get().uri("/api/export").exchange()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"flows.zip\"");
    }

    @Test
    void shouldImportAndPublishAFlowTogetherWithTheSubflowItCalls() throws IOException {
        Map<String, byte[]> flows = examplesAs("pub-");

        JsonNode report = imported(zip(flows), "?publish=true&comment={c}", publisher(), "release 42");

        for (JsonNode f : report.path("flows")) {
            assertThat(f.path("validation").path("valid").asBoolean()).as(f.path("id").asString()).isTrue();
            assertThat(f.path("published").path("version").asInt()).as(f.path("id").asString()).isEqualTo(1);
            assertThat(f.path("published").path("comment").asString()).isEqualTo("release 42");
            assertThat(f.path("published").path("publishedBy").asString()).isEqualTo("pat");
        }
        Map<String, byte[]> published = unzip(exportAll("?published=true"));
        for (var e : flows.entrySet()) assertThat(published.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());

        // Publishing the same archive again publishes nothing: every flow is already its latest version.
        JsonNode again = imported(zip(flows), "?publish=true&comment=again", publisher());
        for (JsonNode f : again.path("flows")) {
            assertThat(f.path("status").asString()).isEqualTo("unchanged");
            assertThat(f.path("published").isNull()).isTrue();
        }
        assertThat(json(viewer().get().uri("/api/flows/pub-lang-menu/versions").exchange().expectBody().returnResult()
                .getResponseBodyContent())).hasSize(1);
    }

    @Test
    void shouldImportNothingWhenPublishingAnArchiveWithAnInvalidFlow() throws IOException {
        Map<String, byte[]> flows = examplesAs("bad-");
        String broken = new String(flows.get("bad-main-line.flow.json"), StandardCharsets.UTF_8)
                .replace("\"start\": \"hours\"", "\"start\": \"nowhere\"");
        flows.put("bad-main-line.flow.json", broken.getBytes(StandardCharsets.UTF_8));

        JsonNode refused = problem(importZip(publisher(), zip(flows), "?publish=true&comment=go"), 422);

        assertThat(refused.path("detail").asString()).contains("nothing was imported");
        assertThat(pointers(refused)).contains("/bad-main-line.flow.json/start");
        assertThat(refused.path("issues").get(0).path("file").asString()).isEqualTo("bad-main-line.flow.json");
        assertThat(refused.path("issues").get(0).path("flowId").asString()).isEqualTo("bad-main-line");
        for (String id : List.of("bad-main-line", "bad-lang-menu", "bad-voice-first")) {
            problem(viewer().get().uri("/api/flows/{id}", id).exchange(), 404);
        }

        // Without publish, an invalid flow is a draft like any other.
        JsonNode drafts = imported(zip(flows), "", editor());
        assertThat(texts(drafts.path("flows"), "status")).containsOnly("created");
    }

    @Test
    void shouldNeedThePublisherRoleToPublishAnImport() throws IOException {
        Map<String, byte[]> flows = examplesAs("role-");

        JsonNode forbidden = problem(importZip(editor(), zip(flows), "?publish=true&comment=go"), 403);

        assertThat(forbidden.path("detail").asString()).contains("PUBLISHER");
        problem(viewer().get().uri("/api/flows/role-main-line").exchange(), 404);
        imported(zip(flows), "?publish=true&comment=go", as("ada", "ADMIN"));
    }
}
