package dev.ivrflow.app.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The rules of {@link SecurityConfig}, boundary by boundary: for a representative route of each rule, anonymous
 * gets 401, the role just below gets 403, the role at the boundary and an admin (the hierarchy) get through. Each
 * case runs with a session and with an API token.
 *
 * <p>The API's own controllers are written alongside, so most routes here are {@link ProbeEndpoints}: the rules
 * match paths, so a stand-in at a path proves the rule for every controller under it. The real routes used are
 * {@code /api/catalogue}, {@code /api/schema}, {@code /v3/api-docs}, {@code /api/users}, {@code /api/tokens} and
 * {@code /actuator/prometheus}. The flow API's own tests (which use mock users) should in time also check, with the
 * role just below, the real {@code POST /api/flows}, {@code PUT} and {@code DELETE /api/flows/{id}},
 * {@code POST /api/flows/{id}/publish} and {@code /rollback}, {@code POST /api/import} and {@code /api/import/zip},
 * {@code POST /api/validate}, {@code /api/sim/calls/**}, and the calls and statistics routes once they exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,prometheus")
@Import(ProbeEndpoints.class)
@DirtiesContext
class AuthorizationMatrixTest {
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
    UserStore users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApplicationContext context;

    private Api api;
    /** Made once for the class (the context, and so the users, are the class's). */
    private static final Map<Role, Api.Caller> sessions = new EnumMap<>(Role.class);
    private static final Map<Role, Api.Caller> tokens = new EnumMap<>(Role.class);
    /** Logged in, but holding no role (only the database can make such a user). */
    private static Api.Caller noRole;

    @BeforeEach
    void callers() {
        api = new Api(port);
        if (noRole != null) return;
        Api.Session admin = api.admin();
        String password = "a-long-enough-password";
        for (Role r : Role.values()) {
            if (r != Role.ADMIN) api.createUser(admin, r.json() + "-user", password, r.json());
            sessions.put(r, r == Role.ADMIN ? admin : api.login(r.json() + "-user", password));
            tokens.put(r, Api.bearer(api.createToken(admin, r.json() + "-token", r.json())));
        }
        users.create("nobody", encoder.encode(password), Set.of()).block();
        noRole = api.login("nobody", password);
    }

    static Stream<Arguments> boundaries() {
        Stream<Arguments> rules = Stream.of(
                // VIEWER: every other GET under /api, the API docs, and the simulator (any method)
                Arguments.of(HttpMethod.GET, "/api/catalogue", Role.VIEWER),
                Arguments.of(HttpMethod.GET, "/api/schema", Role.VIEWER),
                Arguments.of(HttpMethod.GET, ProbeEndpoints.FLOW, Role.VIEWER),
                Arguments.of(HttpMethod.GET, "/api/probe/calls", Role.VIEWER),
                Arguments.of(HttpMethod.GET, "/v3/api-docs", Role.VIEWER),
                Arguments.of(HttpMethod.POST, "/api/sim/probe", Role.VIEWER),
                Arguments.of(HttpMethod.DELETE, "/api/sim/probe/session", Role.VIEWER),
                // EDITOR: changing drafts, importing
                Arguments.of(HttpMethod.POST, ProbeEndpoints.FLOW, Role.EDITOR),
                Arguments.of(HttpMethod.PUT, ProbeEndpoints.FLOW, Role.EDITOR),
                Arguments.of(HttpMethod.DELETE, ProbeEndpoints.FLOW, Role.EDITOR),
                Arguments.of(HttpMethod.POST, ProbeEndpoints.FLOW + "/validate", Role.EDITOR),
                Arguments.of(HttpMethod.POST, "/api/import/probe", Role.EDITOR),
                Arguments.of(HttpMethod.POST, "/api/validate", Role.EDITOR),
                // PUBLISHER: publish and rollback
                Arguments.of(HttpMethod.POST, ProbeEndpoints.FLOW + "/publish", Role.PUBLISHER),
                Arguments.of(HttpMethod.POST, ProbeEndpoints.FLOW + "/rollback", Role.PUBLISHER),
                Arguments.of(HttpMethod.POST, ProbeEndpoints.FLOW + "/rollback/3", Role.PUBLISHER),
                // ADMIN: users, tokens, actuator
                Arguments.of(HttpMethod.GET, "/api/users", Role.ADMIN),
                Arguments.of(HttpMethod.GET, "/api/tokens", Role.ADMIN),
                Arguments.of(HttpMethod.GET, "/actuator/prometheus", Role.ADMIN));
        return rules.flatMap(a -> Stream.of("session", "token").map(kind -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], kind)));
    }

    @ParameterizedTest(name = "{0} {1} needs {2} ({3})")
    @MethodSource("boundaries")
    void shouldAdmitTheRoleAtTheBoundaryAndRefuseTheOneBelow(HttpMethod method, String path, Role role, String kind) {
        Map<Role, Api.Caller> callers = kind.equals("session") ? sessions : tokens;

        Api.problem(api.request(method, path, Api.ANONYMOUS).exchange(), 401);
        Api.Caller below = role == Role.VIEWER ? (kind.equals("session") ? noRole : null) : callers.get(Role.values()[role.ordinal() - 1]);
        if (below != null) Api.problem(api.request(method, path, below).exchange(), 403);
        api.request(method, path, callers.get(role)).exchange().expectStatus().isOk();
        api.request(method, path, callers.get(Role.ADMIN)).exchange().expectStatus().isOk();
    }

    @ParameterizedTest(name = "{0} {1} is refused to everyone")
    @MethodSource("denied")
    void shouldDenyWhatNoRuleAllows(HttpMethod method, String path) {
        Api.problem(api.request(method, path, Api.ANONYMOUS).exchange(), 401);
        Api.problem(api.request(method, path, sessions.get(Role.ADMIN)).exchange(), 403);
        Api.problem(api.request(method, path, tokens.get(Role.ADMIN)).exchange(), 403);
    }

    static Stream<Arguments> denied() {
        return Stream.of(
                Arguments.of(HttpMethod.PATCH, ProbeEndpoints.FLOW),
                Arguments.of(HttpMethod.POST, "/api/probe/other"),
                Arguments.of(HttpMethod.PUT, "/api/import/probe"),
                Arguments.of(HttpMethod.DELETE, "/api/import/probe"),
                Arguments.of(HttpMethod.PUT, "/api/auth/me"));
    }

    @ParameterizedTest(name = "GET {0} is public")
    @ValueSource(strings = {"/actuator/health", "/api/auth/csrf", "/api/auth/session", "/", "/index.html", "/favicon.ico", "/assets/app.js", "/login",
            "/flows", "/flows/main"})
    void shouldLetAnyoneGetThePublicRoutes(String path) {
        int status = api.request(HttpMethod.GET, path, Api.ANONYMOUS).exchange().returnResult(byte[].class).getStatus().value();

        assertThat(status).isNotIn(401, 403);
    }

    @Test
    void shouldAnswerHealthAnonymously() {
        api.request(HttpMethod.GET, "/actuator/health", Api.ANONYMOUS).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void shouldSendABrowserToTheLoginPageButAnApiClientA401() {
        // The designer's own pages (/, /login, /flows/**) are public: the app draws its login itself. Any other page is not.
        api.client.get().uri("/admin/users").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectHeader().location("/login");
        api.client.get().uri("/swagger-ui.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectHeader().location("/login");

        Api.problem(api.client.get().uri("/admin/users").accept(MediaType.APPLICATION_JSON).exchange(), 401);
        Api.problem(api.client.get().uri("/api/catalogue").accept(MediaType.TEXT_HTML).exchange(), 401);
    }

    @Test
    void shouldLetAnyLoggedInUserReachTheDesignerRoutes() {
        int status = api.request(HttpMethod.GET, "/flows/main", noRole).accept(MediaType.TEXT_HTML).exchange()
                .returnResult(byte[].class).getStatus().value();

        assertThat(status).isNotIn(302, 401, 403);
    }

    @Test
    void shouldTellControllersWhoIsCalling() {
        api.request(HttpMethod.POST, ProbeEndpoints.FLOW + "/publish", sessions.get(Role.PUBLISHER)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user").isEqualTo("publisher-user");
        api.request(HttpMethod.POST, ProbeEndpoints.FLOW + "/publish", tokens.get(Role.PUBLISHER)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user").isEqualTo("token:publisher-token");
    }

    @Test
    void shouldSayWhyInA401() {
        api.request(HttpMethod.GET, "/api/catalogue", Api.ANONYMOUS).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"ivrflow\"")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("/api/auth/login"));
    }

    /** Other tests authenticate with Spring's mock users, which hold only the roles they name. */
    @Test
    void shouldApplyTheHierarchyToMockUsersToo() {
        WebTestClient bound = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();

        bound.mutateWith(mockUser("mia").roles("ADMIN")).mutateWith(csrf())
                .post().uri(ProbeEndpoints.FLOW + "/publish").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user").isEqualTo("mia");
        bound.mutateWith(mockUser("mia").roles("PUBLISHER")).get().uri("/api/auth/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.effectiveRoles").isEqualTo(java.util.List.of("viewer", "editor", "publisher"));
        Api.problem(bound.mutateWith(mockUser("ed").roles("EDITOR")).mutateWith(csrf())
                .post().uri(ProbeEndpoints.FLOW + "/publish").exchange(), 403);
    }
}
