package dev.ivrflow.app.security;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens: created once by an admin, used by CI with no session and no CSRF, stored hashed, revoked at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProbeEndpoints.class)
@DirtiesContext
class ApiTokenTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.security.admin-password", () -> Api.ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;
    @Autowired
    ApiTokenStore store;

    private Api api;
    private Api.Session admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.admin();
    }

    @Test
    void shouldCreateUseAndRevokeAToken() {
        EntityExchangeResult<Map> created = api.request(HttpMethod.POST, "/api/tokens", admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "ci-publish", "role", "publisher"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(Map.class).returnResult();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = created.getResponseBody();
        String token = (String) body.get("token");
        assertThat(token).startsWith("ivr_").hasSizeGreaterThan(40);
        assertThat(body).containsEntry("name", "ci-publish").containsEntry("role", "publisher").containsEntry("createdBy", "admin");

        api.request(HttpMethod.POST, ProbeEndpoints.FLOW + "/publish", Api.bearer(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user").isEqualTo("token:ci-publish");
        api.request(HttpMethod.GET, "/api/auth/me", Api.bearer(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticatedBy").isEqualTo("token").jsonPath("$.roles").isEqualTo(List.of("publisher"));

        String listed = api.request(HttpMethod.GET, "/api/tokens", admin).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains("ci-publish").contains("lastUsedAt\":\"").doesNotContain(token).doesNotContain("\"hash\"");

        api.request(HttpMethod.DELETE, "/api/tokens/" + body.get("id"), admin).exchange().expectStatus().isNoContent();

        Api.problem(api.request(HttpMethod.POST, ProbeEndpoints.FLOW + "/publish", Api.bearer(token)).exchange(), 401);
        api.request(HttpMethod.GET, "/api/catalogue", Api.bearer(token)).exchange().expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", ".*invalid_token.*");
        api.request(HttpMethod.GET, "/api/tokens", admin).exchange().expectBody()
                .jsonPath("$[?(@.name == 'ci-publish')].revoked").isEqualTo(List.of(true))
                .jsonPath("$[?(@.name == 'ci-publish')].revokedBy").isEqualTo(List.of("admin"));
    }

    @Test
    void shouldStoreOnlyTheTokensHash() {
        String token = api.createToken(admin, "hashed", "editor");

        List<Document> docs = Flux.from(db.getCollection(ApiTokenStore.TOKENS).find()).collectList().block();

        assertThat(docs).isNotEmpty().allSatisfy(d -> assertThat(d.toJson()).doesNotContain(token).doesNotContain(token.substring(4)));
        assertThat(docs).anySatisfy(d -> assertThat(d.getString("hash")).isEqualTo(ApiTokenStore.hash(token)));
    }

    @Test
    void shouldGiveATokenOnlyItsRole() {
        String editor = api.createToken(admin, "ci-import", "editor");

        api.request(HttpMethod.POST, "/api/import/probe", Api.bearer(editor)).exchange().expectStatus().isOk();
        Api.problem(api.request(HttpMethod.POST, ProbeEndpoints.FLOW + "/publish", Api.bearer(editor)).exchange(), 403);
        Api.problem(api.request(HttpMethod.POST, "/api/tokens", Api.bearer(editor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "escalate", "role", "admin")).exchange(), 403);
    }

    @Test
    void shouldRefuseABadTokenEvenWithAValidSessionCookie() {
        Api.problem(api.client.get().uri("/api/catalogue").cookie(Cookies.SESSION, admin.id())
                .header("Authorization", "Bearer ivr_not-a-real-token").exchange(), 401);
        Api.problem(api.client.get().uri("/api/catalogue").header("Authorization", "Bearer something-else").exchange(), 401);
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        String expired = store.create("old", Role.VIEWER, Instant.now().minusSeconds(1), "admin").block().secret();

        Api.problem(api.request(HttpMethod.GET, "/api/catalogue", Api.bearer(expired)).exchange(), 401);
    }

    @Test
    void shouldAcceptATokenUntilItsExpiry() {
        String token = (String) api.request(HttpMethod.POST, "/api/tokens", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "nightly", "role", "viewer", "expiresAt", Instant.now().plusSeconds(3600).toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token");

        api.request(HttpMethod.GET, "/api/catalogue", Api.bearer(token)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldNotOpenASessionForATokenRequest() {
        String token = api.createToken(admin, "no-session", "viewer");

        EntityExchangeResult<byte[]> r = api.request(HttpMethod.GET, "/api/catalogue", Api.bearer(token)).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        assertThat(r.getResponseCookies()).doesNotContainKey(Cookies.SESSION);
    }

    @Test
    void shouldAnswer404WhenRevokingAnUnknownToken() {
        Api.problem(api.request(HttpMethod.DELETE, "/api/tokens/no-such-token", admin).exchange(), 404);
    }

    @ParameterizedTest(name = "{0} -> 400 at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"role\":\"editor\"}|/name",
            "{\"name\":\"ci\"}|/role",
            "{\"name\":\"ci\",\"role\":\"superuser\"}|/role",
            "{\"name\":\"ci\",\"role\":[\"editor\"]}|/role",
            "{\"name\":\"\",\"role\":\"editor\"}|/name",
            "{\"name\":\"ci/../x\",\"role\":\"editor\"}|/name",
            "{\"name\":\"ci\",\"role\":\"editor\",\"expiresAt\":\"tomorrow\"}|/expiresAt",
            "{\"name\":\"ci\",\"role\":\"editor\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}|/expiresAt",
            "{\"name\":\"ci\",\"role\":\"editor\",\"scopes\":[]}|/scopes",
            "[]|''"})
    void shouldAnswer400WithAPointerToABadTokenBody(String body, String pointer) {
        api.request(HttpMethod.POST, "/api/tokens", admin).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }
}
