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
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Managing users: hashed passwords, the password policy, validation, changes that apply at once, the last admin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProbeEndpoints.class)
@DirtiesContext
class UserAdminTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ivr.data-dir", () -> dataDir.toString());
        registry.add("ivr.security.admin-password", () -> Api.ADMIN_PASSWORD);
    }

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;
    @Autowired
    LoginThrottle throttle;

    private Api api;
    private Api.Session admin;

    @BeforeEach
    void setUp() {
        throttle.reset();
        api = new Api(port);
        admin = api.admin();
    }

    private static String fresh(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }

    private Map<String, Object> put(String name, Map<String, Object> body, int status) {
        return api.request(HttpMethod.PUT, "/api/users/" + name, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    @Test
    void shouldCreateAUserWhosePasswordIsStoredOnlyAsABcryptHash() {
        String name = fresh("ann");

        String answer = api.request(HttpMethod.POST, "/api/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", name, "password", PASSWORD, "roles", List.of("Editor")))
                .exchange().expectStatus().isCreated().expectHeader().location("/api/users/" + name)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(answer).contains("\"roles\":[\"editor\"]").doesNotContain(PASSWORD).doesNotContain("passwordHash");
        Document stored = Flux.from(db.getCollection(UserStore.USERS).find(new Document("_id", name))).blockFirst();
        assertThat(stored.getString("passwordHash")).startsWith("$2a$10$").doesNotContain(PASSWORD);
        assertThat(stored.toJson()).doesNotContain(PASSWORD);
        assertThat(stored.getList("roles", String.class)).containsExactly("EDITOR");
        api.login(name, PASSWORD);
    }

    @Test
    void shouldNeverStoreAnyPasswordInClear() {
        List<Document> all = Flux.from(db.getCollection(UserStore.USERS).find()).collectList().block();

        assertThat(all).allSatisfy(d -> assertThat(d.toJson()).doesNotContain(Api.ADMIN_PASSWORD).doesNotContain(PASSWORD));
    }

    @Test
    void shouldListUsersWithoutTheirHashes() {
        String listed = api.request(HttpMethod.GET, "/api/users", admin).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(listed).contains("\"username\":\"admin\"").doesNotContain("$2a$").doesNotContain("password\"");
    }

    @Test
    void shouldRefuseATakenName() {
        String name = fresh("bob");
        api.createUser(admin, name, PASSWORD, "viewer");

        Api.problem(api.request(HttpMethod.POST, "/api/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", name, "password", PASSWORD, "roles", List.of("viewer"))).exchange(), 409);
    }

    @ParameterizedTest(name = "{0} -> 400 at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"username\":\"cat\",\"password\":\"too-short\",\"roles\":[\"viewer\"]}|/password",
            "{\"username\":\"catherine-xyz\",\"password\":\"catherine-xyz\",\"roles\":[\"viewer\"]}|/password",
            "{\"username\":\"cat\",\"password\":\"correct horse battery\",\"roles\":[\"viewer\",\"boss\"]}|/roles/1",
            "{\"username\":\"cat\",\"password\":\"correct horse battery\",\"roles\":[]}|/roles",
            "{\"username\":\"cat\",\"password\":\"correct horse battery\",\"roles\":\"viewer\"}|/roles",
            "{\"username\":\"cat\",\"password\":\"correct horse battery\"}|/roles",
            "{\"username\":\"Cat\",\"password\":\"correct horse battery\",\"roles\":[\"viewer\"]}|/username",
            "{\"username\":\"c a t\",\"password\":\"correct horse battery\",\"roles\":[\"viewer\"]}|/username",
            "{\"password\":\"correct horse battery\",\"roles\":[\"viewer\"]}|/username",
            "{\"username\":\"cat\",\"password\":\"correct horse battery\",\"role\":\"viewer\"}|/role",
            "{\"username\":\"cat\",\"password\":12345678901234,\"roles\":[\"viewer\"]}|/password",
            "{\"username\":\"cat\",\"password\":\"correct horse battery\",\"roles\":[\"viewer\"]|''"})
    void shouldAnswer400WithAPointerToABadNewUser(String body, String pointer) {
        api.request(HttpMethod.POST, "/api/users", admin).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.pointer == '" + pointer + "')]").exists();
    }

    @Test
    void shouldNameEveryProblemOfABodyAtOnce() {
        api.request(HttpMethod.POST, "/api/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "Bad Name", "password", "short", "roles", List.of("boss"), "extra", 1))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].pointer").value(p -> assertThat((List<String>) p)
                        .containsExactlyInAnyOrder("/extra", "/username", "/password", "/roles/0"));
    }

    @ParameterizedTest(name = "{0} -> 400 at {1}")
    @CsvSource(delimiter = '|', value = {
            "{}|''",
            "{\"disabled\":\"yes\"}|/disabled",
            "{\"password\":\"short\"}|/password",
            "{\"roles\":[\"root\"]}|/roles/0",
            "{\"name\":\"x\"}|/name"})
    void shouldAnswer400WithAPointerToABadChange(String body, String pointer) {
        String name = fresh("dan");
        api.createUser(admin, name, PASSWORD, "viewer");

        api.request(HttpMethod.PUT, "/api/users/" + name, admin).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    @Test
    void shouldApplyNewRolesToAnOpenSessionAtOnce() {
        String name = fresh("eve");
        api.createUser(admin, name, PASSWORD, "editor");
        Api.Session eve = api.login(name, PASSWORD);
        api.request(HttpMethod.POST, ProbeEndpoints.FLOW, eve).exchange().expectStatus().isOk();

        put(name, Map.of("roles", List.of("viewer")), 200);

        Api.problem(api.request(HttpMethod.POST, ProbeEndpoints.FLOW, eve).exchange(), 403);
        api.request(HttpMethod.GET, ProbeEndpoints.FLOW, eve).exchange().expectStatus().isOk();
    }

    @Test
    void shouldEndTheSessionsOfADisabledUserAndRefuseTheirLogin() {
        String name = fresh("fay");
        api.createUser(admin, name, PASSWORD, "editor");
        Api.Session fay = api.login(name, PASSWORD);

        assertThat(put(name, Map.of("disabled", true), 200)).containsEntry("disabled", true);

        Api.problem(api.request(HttpMethod.GET, "/api/auth/me", fay).exchange(), 401);
        Api.problem(api.loginAttempt(name, PASSWORD), 401);
        put(name, Map.of("disabled", false), 200);
        api.login(name, PASSWORD);
    }

    @Test
    void shouldEndTheSessionsOfAUserWhosePasswordChanged() {
        String name = fresh("gus");
        api.createUser(admin, name, PASSWORD, "viewer");
        Api.Session gus = api.login(name, PASSWORD);

        put(name, Map.of("password", "a brand new passphrase"), 200);

        Api.problem(api.request(HttpMethod.GET, "/api/auth/me", gus).exchange(), 401);
        Api.problem(api.loginAttempt(name, PASSWORD), 401);
        api.login(name, "a brand new passphrase");
    }

    @Test
    void shouldDeleteAUser() {
        String name = fresh("hal");
        api.createUser(admin, name, PASSWORD, "viewer");
        Api.Session hal = api.login(name, PASSWORD);

        api.request(HttpMethod.DELETE, "/api/users/" + name, admin).exchange().expectStatus().isNoContent();

        Api.problem(api.request(HttpMethod.GET, "/api/users/" + name, admin).exchange(), 404);
        Api.problem(api.request(HttpMethod.DELETE, "/api/users/" + name, admin).exchange(), 404);
        Api.problem(api.request(HttpMethod.GET, "/api/auth/me", hal).exchange(), 401);
    }

    @Test
    void shouldNeverLeaveTheApplicationWithoutAnEnabledAdmin() {
        Api.problem(api.request(HttpMethod.DELETE, "/api/users/admin", admin).exchange(), 409);
        Api.problem(api.request(HttpMethod.PUT, "/api/users/admin", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("publisher"))).exchange(), 409);
        Api.problem(api.request(HttpMethod.PUT, "/api/users/admin", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("disabled", true)).exchange(), 409);
        put("admin", Map.of("roles", List.of("admin", "editor")), 200);

        String second = fresh("root");
        api.createUser(admin, second, PASSWORD, "admin");
        Api.Session other = api.login(second, PASSWORD);
        put(second, Map.of("disabled", true), 200);
        Api.problem(api.request(HttpMethod.DELETE, "/api/users/admin", admin).exchange(), 409);
        put(second, Map.of("disabled", false), 200);
        other = api.login(second, PASSWORD);

        api.request(HttpMethod.PUT, "/api/users/admin", other).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("viewer"))).exchange().expectStatus().isOk();
        Api.problem(api.request(HttpMethod.DELETE, "/api/users/" + second, other).exchange(), 409);
        api.request(HttpMethod.PUT, "/api/users/admin", other).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("admin"))).exchange().expectStatus().isOk();
        api.request(HttpMethod.DELETE, "/api/users/" + second, api.admin()).exchange().expectStatus().isNoContent();
    }
}
