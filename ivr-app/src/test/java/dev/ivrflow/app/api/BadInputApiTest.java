package dev.ivrflow.app.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input for every endpoint that takes a body, a path id or a parameter: each is a 400, 409, 413, 422 or 428
 * problem+json naming the place (a JSON Pointer into the body, or the parameter's name), never a 500.
 */
class BadInputApiTest extends ApiTestSupport {
    private static final String ID = "bad-input";
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    /** The endpoints that take a flow document. */
    enum FlowBody {
        CREATE(HttpMethod.POST, "/api/flows"),
        SAVE(HttpMethod.PUT, "/api/flows/" + ID),
        VALIDATE(HttpMethod.POST, "/api/validate"),
        IMPORT(HttpMethod.POST, "/api/import");

        final HttpMethod method;
        final String path;

        FlowBody(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    @BeforeEach
    void draft() {
        // One draft to save to, validate, publish and roll back; created once, left at revision 1 and version 1.
        if (viewer().get().uri("/api/flows/" + ID).exchange().returnResult(byte[].class).getStatus().value() == 404) {
            editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(exampleAs("main-line", ID))
                    .exchange().expectStatus().isCreated();
            publisher().post().uri("/api/flows/" + ID + "/publish").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"comment\": \"v1\"}").exchange().expectStatus().isCreated();
        }
    }

    private WebTestClient.ResponseSpec send(FlowBody endpoint, byte[] body) {
        return publisher().method(endpoint.method).uri(endpoint.path).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec send(FlowBody endpoint, String body) {
        return send(endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The example with a change, under the id the endpoints expect (a new one for create). */
    private static String flow(FlowBody endpoint, String from, String to) {
        String id = endpoint == FlowBody.CREATE || endpoint == FlowBody.IMPORT ? "bad-" + endpoint.name().toLowerCase() : ID;
        String text = exampleAs("main-line", id);
        String changed = text.replace(from, to);
        assertThat(changed).as("the change applies").isNotEqualTo(text);
        return changed;
    }

    private void assertNothingSaved(FlowBody endpoint) {
        String id = endpoint == FlowBody.SAVE ? ID : "bad-" + endpoint.name().toLowerCase();
        if (endpoint == FlowBody.SAVE) {
            viewer().get().uri("/api/flows/" + ID).exchange().expectHeader().valueEquals("ETag", "\"1\"");
        } else {
            problem(viewer().get().uri("/api/flows/" + id).exchange(), 404);
        }
    }

    // ---- flow documents

    @ParameterizedTest
    @MethodSource("flowBodies")
    void shouldRefuseMalformedJsonWithWhereItBroke(FlowBody endpoint) {
        JsonNode p = problem(send(endpoint, "{\n  \"schema\": \"ivr-flow/1\",\n  \"id\": ,\n}"), 400);

        assertThat(p.path("detail").asString()).contains("not a valid flow document");
        assertThat(p.path("errors").get(0).path("message").asString()).contains("invalid JSON at line 3");
        assertThat(pointers(p)).containsExactly("/id");
        assertNothingSaved(endpoint);
    }

    @ParameterizedTest
    @MethodSource("flowBodies")
    void shouldRefuseAnOversizedBodyWith413(FlowBody endpoint) {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';

        JsonNode p = problem(send(endpoint, big), 413);

        assertThat(p.path("detail").asString()).contains("larger than the limit of 5242880 bytes");
        assertNothingSaved(endpoint);
    }

    @Test
    void shouldRefuseAnOversizedBodyWithoutAContentLengthWhileItArrives() {
        // Chunks of 1 MiB, no Content-Length: the limit is counted on the bytes as they arrive.
        org.springframework.core.io.buffer.DefaultDataBufferFactory buffers = new org.springframework.core.io.buffer.DefaultDataBufferFactory();
        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> chunks = reactor.core.publisher.Flux.range(0, 6)
                .map(i -> buffers.wrap(new byte[1024 * 1024]));

        JsonNode p = problem(editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, org.springframework.core.io.buffer.DataBuffer.class).exchange(), 413);

        assertThat(p.path("detail").asString()).contains("larger than the limit of 5242880 bytes")
                .as("no declared size: refused while counting").doesNotContain("6291456");
    }

    @ParameterizedTest
    @MethodSource("flowBodies")
    void shouldRefuseUnknownFieldsAtTheirPointers(FlowBody endpoint) {
        String body = flow(endpoint, "\"start\": \"hours\",", "\"start\": \"hours\",\n  \"colour\": \"red\",")
                .replace("\"id\": \"welcome\",", "\"id\": \"welcome\",\n      \"bogus\": 1,");

        JsonNode p = problem(send(endpoint, body), 400);

        assertThat(pointers(p)).containsExactly("/colour", "/nodes/1/bogus");
        assertThat(p.path("errors").get(0).path("message").asString()).contains("unknown property 'colour'");
        assertNothingSaved(endpoint);
    }

    @ParameterizedTest
    @MethodSource("flowBodies")
    void shouldRefuseWrongTypesAtTheirPointers(FlowBody endpoint) {
        String body = flow(endpoint, "\"maxTries\": 3,", "\"maxTries\": \"three\",").replace("\"start\": \"hours\"", "\"start\": 5");

        JsonNode p = problem(send(endpoint, body), 400);

        assertThat(pointers(p)).containsExactly("/start", "/nodes/2/settings/maxTries");
        assertThat(p.path("errors").get(1).path("message").asString()).contains("\"three\"");
        assertThat(p.path("errors").get(1).path("expected").asString()).isNotBlank();
        assertNothingSaved(endpoint);
    }

    @ParameterizedTest
    @MethodSource("flowBodies")
    void shouldRefuseABadIdInTheBody(FlowBody endpoint) {
        String body = exampleText("main-line").replace("\"id\": \"main-line\"", "\"id\": \"Main_Line\"");

        JsonNode p = problem(send(endpoint, body), 400);

        assertThat(pointers(p)).containsExactly("/id");
    }

    @ParameterizedTest
    @MethodSource("flowBodies")
    void shouldRefuseWhatIsNotAFlowDocumentAtAll(FlowBody endpoint) {
        assertThat(pointers(problem(send(endpoint, "[1, 2, 3]"), 400))).containsExactly("");
        assertThat(pointers(problem(send(endpoint, "\"a flow\""), 400))).containsExactly("");
        assertThat(pointers(problem(send(endpoint, "{\"id\": \"a\", \"id\": \"b\"}"), 400))).contains("/id");
        assertThat(pointers(problem(send(endpoint, "[".repeat(100) + "]".repeat(100)), 400))).hasSize(1);
        JsonNode empty = problem(publisher().method(endpoint.method).uri(endpoint.path).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).exchange(), 400);
        assertThat(empty.path("detail").asString()).isEqualTo("the request body is empty");
        byte[] latin1 = flow(endpoint, "\"start\": \"hours\"", "\"start\": \"h\u00f6urs\"").getBytes(StandardCharsets.ISO_8859_1);
        problem(send(endpoint, latin1), 400);
    }

    static Stream<FlowBody> flowBodies() {
        return Stream.of(FlowBody.values());
    }

    @Test
    void shouldRefuseToSaveADocumentUnderAnotherFlowsId() {
        JsonNode p = problem(send(FlowBody.SAVE, exampleAs("main-line", "someone-else")), 400);

        assertThat(pointers(p)).containsExactly("/id");
        assertThat(p.path("errors").get(0).path("expected").asString()).isEqualTo("\"" + ID + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "*", "W/\"1\"", "\"1\", \"2\"", "-1", "\"\""})
    void shouldRefuseAnIfMatchThatIsNotARevision(String ifMatch) {
        JsonNode p = problem(publisher().put().uri("/api/flows/" + ID).header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(exampleAs("main-line", ID)).exchange(), 400);

        assertThat(p.path("detail").asString()).startsWith("header If-Match");
    }

    @Test
    void shouldRefuseAnInvalidFlowForPublishingWithItsIssues() {
        String broken = exampleAs("main-line", "refused").replace("\"failure\": \"operator\",", "\"failure\": \"nowhere\",");
        editor().post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(broken).exchange().expectStatus().isCreated();

        JsonNode p = problem(publisher().post().uri("/api/flows/refused/publish").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"comment\": \"go\"}").exchange(), 422);

        assertThat(pointers(p)).contains("/nodes/2/exits/failure");
        JsonNode issue = p.path("issues").get(0);
        assertThat(issue.path("code").asString()).isEqualTo("EXIT_TARGET_UNKNOWN");
        assertThat(issue.path("nodeId").asString()).isEqualTo("mainMenu");
        assertThat(issue.path("exit").asString()).isEqualTo("failure");
        assertThat(issue.path("severity").asString()).isEqualTo("ERROR");
    }

    // ---- path ids and parameters

    static Stream<Arguments> idEndpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/flows/%s"),
                Arguments.of(HttpMethod.PUT, "/api/flows/%s"),
                Arguments.of(HttpMethod.DELETE, "/api/flows/%s"),
                Arguments.of(HttpMethod.POST, "/api/flows/%s/validate"),
                Arguments.of(HttpMethod.GET, "/api/flows/%s/validation"),
                Arguments.of(HttpMethod.POST, "/api/flows/%s/publish"),
                Arguments.of(HttpMethod.GET, "/api/flows/%s/versions"),
                Arguments.of(HttpMethod.GET, "/api/flows/%s/versions/1"),
                Arguments.of(HttpMethod.GET, "/api/flows/%s/diff"),
                Arguments.of(HttpMethod.POST, "/api/flows/%s/rollback"),
                Arguments.of(HttpMethod.GET, "/api/flows/%s/export"),
                Arguments.of(HttpMethod.GET, "/api/flows/%s/audit"));
    }

    @ParameterizedTest
    @MethodSource("idEndpoints")
    void shouldRefuseIdsThatAreNotFlowIds(HttpMethod method, String template) {
        for (String id : List.of("Bad_Id", "-dash-first", "UPPER", "a".repeat(65), "sp ace", "d%C3%A9j%C3%A0")) {
            JsonNode p = problem(publisher().method(method).uri(java.net.URI.create(template.formatted(id.replace(" ", "%20"))))
                    .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"comment\": \"x\", \"version\": 1}").exchange(), 400);
            assertThat(p.path("detail").asString()).as(id).startsWith("path parameter 'id'");
            assertThat(p.path("errors").get(0).path("expected").asString()).isEqualTo("^[a-z0-9][a-z0-9-]{0,63}$");
        }
    }

    @Test
    void shouldRefuseVersionsAndReferencesThatAreNotNumbers() {
        for (String uri : List.of("/api/flows/" + ID + "/versions/abc", "/api/flows/" + ID + "/versions/0",
                "/api/flows/" + ID + "/versions/-1", "/api/flows/" + ID + "/versions/99999999999",
                "/api/flows/" + ID + "/export?version=x", "/api/flows/" + ID + "/diff?from=abc",
                "/api/flows/" + ID + "/diff?from=1&to=0", "/api/flows/" + ID + "/diff?to=2.5",
                "/api/export?published=yes")) {
            JsonNode p = problem(viewer().get().uri(uri).exchange(), 400);
            assertThat(p.path("detail").asString()).as(uri).containsAnyOf("path parameter", "query parameter");
        }
        problem(viewer().get().uri("/api/flows/" + ID + "/versions/7").exchange(), 404);
    }

    // ---- publish and rollback bodies

    static Stream<Arguments> badPublishBodies() {
        return Stream.of(
                Arguments.of("{\"comment\": ", List.of("")),
                Arguments.of("{}", List.of("/comment")),
                Arguments.of("{\"comment\": null}", List.of("/comment")),
                Arguments.of("{\"comment\": 5}", List.of("/comment")),
                Arguments.of("{\"comment\": [\"a\"]}", List.of("/comment")),
                Arguments.of("{\"comment\": \"   \"}", List.of("/comment")),
                Arguments.of("{\"comment\": \"" + "x".repeat(501) + "\"}", List.of("/comment")),
                Arguments.of("{\"comment\": \"ok\", \"force\": true}", List.of("/force")),
                Arguments.of("{\"comment\": \"a\", \"comment\": \"b\"}", List.of("")),
                Arguments.of("\"ship it\"", List.of("")),
                Arguments.of("[]", List.of("")),
                Arguments.of("{\"comment\": \"ok\"} {}", List.of("")));
    }

    @ParameterizedTest
    @MethodSource("badPublishBodies")
    void shouldRefuseABadPublishRequestNamingTheField(String body, List<String> expected) {
        JsonNode p = problem(publisher().post().uri("/api/flows/" + ID + "/publish").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange(), 400);

        assertThat(pointers(p)).containsExactlyElementsOf(expected);
        assertThat(json(viewer().get().uri("/api/flows/" + ID + "/versions").exchange().expectBody().returnResult()
                .getResponseBodyContent())).as("nothing published").hasSize(1);
    }

    static Stream<Arguments> badRollbackBodies() {
        return Stream.of(
                Arguments.of("{\"version\": \"1\", \"comment\": \"x\"}", List.of("/version")),
                Arguments.of("{\"version\": 0, \"comment\": \"x\"}", List.of("/version")),
                Arguments.of("{\"version\": 1.5, \"comment\": \"x\"}", List.of("/version")),
                Arguments.of("{\"version\": 99999999999, \"comment\": \"x\"}", List.of("/version")),
                Arguments.of("{\"comment\": \"x\"}", List.of("/version")),
                Arguments.of("{\"version\": 1}", List.of("/comment")),
                Arguments.of("{\"version\": \"x\", \"comment\": 3, \"z\": 1}", List.of("/z", "/version", "/comment")),
                Arguments.of("not json", List.of("")));
    }

    @ParameterizedTest
    @MethodSource("badRollbackBodies")
    void shouldRefuseABadRollbackRequestNamingEveryField(String body, List<String> expected) {
        JsonNode p = problem(publisher().post().uri("/api/flows/" + ID + "/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange(), 400);

        assertThat(pointers(p)).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldRefuseOversizedAndEmptySmallBodies() {
        byte[] big = ("{\"comment\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String action : List.of("publish", "rollback")) {
            problem(publisher().post().uri("/api/flows/" + ID + "/" + action).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(big).exchange(), 413);
            problem(publisher().post().uri("/api/flows/" + ID + "/" + action).contentType(MediaType.APPLICATION_JSON)
                    .exchange(), 400);
        }
    }

    // ---- zips

    private WebTestClient.ResponseSpec importZip(byte[] zip) {
        return editor().post().uri("/api/import/zip").contentType(ZIP).bodyValue(zip).exchange();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseAZipWithAnyBadDocumentListingEveryProblemAndImportNothing() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("flows/zip-good.flow.json", utf8(exampleAs("main-line", "zip-good")));
        files.put("flows/zip-unknown.flow.json", utf8(exampleAs("main-line", "zip-unknown")
                .replace("\"start\": \"hours\",", "\"start\": \"hours\",\n  \"colour\": \"red\",")));
        files.put("flows/zip-typed.flow.json", utf8(exampleAs("main-line", "zip-typed").replace("\"maxTries\": 3,", "\"maxTries\": \"3\",")));
        files.put("flows/zip-broken.flow.json", utf8("{\"schema\": "));
        files.put("flows/zip-named.flow.json", utf8(exampleAs("main-line", "zip-other-name")));

        JsonNode p = problem(importZip(zip(files)), 400);

        assertThat(p.path("detail").asString()).contains("nothing was imported");
        assertThat(pointers(p)).containsExactlyInAnyOrder(
                "/flows~1zip-unknown.flow.json/colour",
                "/flows~1zip-typed.flow.json/nodes/2/settings/maxTries",
                "/flows~1zip-broken.flow.json/schema",
                "/flows~1zip-named.flow.json/id");
        for (JsonNode e : p.path("errors")) assertThat(e.path("message").asString()).startsWith("flows/zip-");
        problem(viewer().get().uri("/api/flows/zip-good").exchange(), 404);
    }

    @Test
    void shouldRefuseUnsafeAndHostileZips() {
        JsonNode traversal = problem(importZip(zip(Map.of("../evil.flow.json", utf8(exampleAs("main-line", "evil"))))), 400);
        assertThat(pointers(traversal)).containsExactly("/..~1evil.flow.json");
        assertThat(traversal.path("errors").get(0).path("message").asString()).contains("unsafe entry name");

        JsonNode absolute = problem(importZip(zip(Map.of("/tmp/evil.flow.json", utf8(exampleAs("main-line", "evil"))))), 400);
        assertThat(absolute.path("errors").get(0).path("message").asString()).contains("absolute path");

        JsonNode bomb = problem(importZip(zip(Map.of("bomb.flow.json", new byte[6 * 1024 * 1024]))), 400);
        assertThat(bomb.path("errors").get(0).path("message").asString()).contains("larger than 5242880 bytes once uncompressed");

        JsonNode notZip = problem(importZip(utf8(exampleAs("main-line", "plain"))), 400);
        assertThat(notZip.path("detail").asString()).contains("not a zip archive");

        JsonNode noFlows = problem(importZip(zip(Map.of("README.md", utf8("hi")))), 400);
        assertThat(noFlows.path("detail").asString()).contains("no *.flow.json files");

        byte[] truncated = Arrays.copyOf(zip(Map.of("t.flow.json", utf8(exampleAs("main-line", "t")))), 200);
        problem(importZip(truncated), 400);

        problem(editor().post().uri("/api/import/zip").contentType(ZIP).exchange(), 400);
        problem(importZip(new byte[50 * 1024 * 1024 + 1]), 413);
        problem(viewer().get().uri("/api/flows/evil").exchange(), 404);
    }

    @Test
    void shouldRefuseBadImportParameters() {
        byte[] zip = zip(Map.of("param.flow.json", utf8(exampleAs("main-line", "param"))));

        JsonNode flag = problem(publisher().post().uri("/api/import/zip?publish=maybe").contentType(ZIP).bodyValue(zip).exchange(), 400);
        assertThat(flag.path("detail").asString()).startsWith("query parameter 'publish'");
        JsonNode noComment = problem(publisher().post().uri("/api/import/zip?publish=true").contentType(ZIP).bodyValue(zip).exchange(), 400);
        assertThat(noComment.path("detail").asString()).startsWith("query parameter 'comment'");
        problem(publisher().post().uri("/api/import/zip?publish=true&comment={c}", "x".repeat(501)).contentType(ZIP).bodyValue(zip).exchange(), 400);
        problem(viewer().get().uri("/api/flows/param").exchange(), 404);
    }
}
