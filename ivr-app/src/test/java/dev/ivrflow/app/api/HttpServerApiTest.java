package dev.ivrflow.app.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow API over real HTTP on the random port, as the designer calls it: logged in with a session cookie and
 * sending the CSRF token. Checks what the in-process client cannot: Netty answers an oversized upload with a
 * 413 problem (before reading it all) and the bytes of a document come back unchanged over the wire.
 */
class HttpServerApiTest extends ApiTestSupport {
    private static final String ADMIN_PASSWORD = "flow-api-admin-password-for-tests";

    @DynamicPropertySource
    static void adminPassword(DynamicPropertyRegistry registry) {
        registry.add("ivr.security.admin-password", () -> ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    private WebTestClient http;
    private String session;
    private String xsrf;

    @BeforeEach
    void login() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60)).build();
        EntityExchangeResult<byte[]> r = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        ResponseCookie s = r.getResponseCookies().getFirst("IVR_SESSION");
        ResponseCookie x = r.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(s).isNotNull();
        assertThat(x).isNotNull();
        session = s.getValue();
        xsrf = x.getValue();
    }

    private WebTestClient.RequestBodySpec post(String uri) {
        return http.post().uri(uri).cookie("IVR_SESSION", session).cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf);
    }

    @Test
    void shouldCreateExportAndAuditOverHttpAsTheLoggedInUser() {
        byte[] body = exampleAs("voice-first", "over-http").getBytes(StandardCharsets.UTF_8);

        post("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.updatedBy").isEqualTo("admin");
        post("/api/flows/over-http/publish").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"comment\": \"over the wire\"}")
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.version.publishedBy").isEqualTo("admin");

        byte[] exported = http.get().uri("/api/flows/over-http/export").cookie("IVR_SESSION", session).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        assertThat(exported).isEqualTo(body);
    }

    @Test
    void shouldAnswerAnOversizedUploadWith413OverHttp() {
        byte[] big = new byte[8 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');

        JsonNode p = problem(post("/api/flows").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange(), 413);

        assertThat(p.path("detail").asString()).contains("larger than the limit");
        post("/api/import/zip").contentType(MediaType.parseMediaType("application/zip")).bodyValue(new byte[51 * 1024 * 1024])
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void shouldRefuseAChangeWithoutTheCsrfTokenOrALogin() {
        http.post().uri("/api/flows").cookie("IVR_SESSION", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleAs("main-line", "no-csrf")).exchange().expectStatus().isForbidden();
        http.post().uri("/api/flows").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleAs("main-line", "anonymous")).exchange().expectStatus().isUnauthorized();
    }
}
