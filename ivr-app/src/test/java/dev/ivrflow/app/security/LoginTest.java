package dev.ivrflow.app.security;

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
import org.springframework.http.ResponseCookie;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Logging in and out, the cookies, the login limits, CSRF, and what bad login bodies get. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProbeEndpoints.class)
@DirtiesContext
class LoginTest {
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
    LoginThrottle throttle;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        throttle.reset();
    }

    @Test
    void shouldLogInWithSafeCookiesAndSayWhoAndWhichRoles() {
        EntityExchangeResult<byte[]> r = api.loginAttempt("admin", Api.ADMIN_PASSWORD).expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.roles").isEqualTo(List.of("admin"))
                .jsonPath("$.effectiveRoles").isEqualTo(List.of("viewer", "editor", "publisher", "admin"))
                .returnResult();

        ResponseCookie session = r.getResponseCookies().getFirst(Cookies.SESSION);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.isSecure()).as("plain HTTP, secure-cookies unset").isFalse();
        ResponseCookie xsrf = r.getResponseCookies().getFirst(Cookies.CSRF);
        assertThat(xsrf.isHttpOnly()).as("the designer's scripts read it").isFalse();
        assertThat(xsrf.getSameSite()).isEqualTo("Strict");
        assertThat(xsrf.getValue()).hasSizeGreaterThan(30);
        String header = String.join("\n", r.getResponseHeaders().get("Set-Cookie"));
        assertThat(header).contains("IVR_SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .as("browser-session cookies").doesNotContain("Max-Age").doesNotContain("Expires");
    }

    @Test
    void shouldAnswerTheSame401ForAWrongPasswordAndAnUnknownUser() {
        EntityExchangeResult<byte[]> wrong = api.loginAttempt("admin", "not-the-password-at-all").expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody().returnResult();
        EntityExchangeResult<byte[]> unknown = api.loginAttempt("nobody-here", "not-the-password-at-all").expectStatus().isUnauthorized()
                .expectBody().returnResult();

        assertThat(new String(wrong.getResponseBody())).isEqualTo(new String(unknown.getResponseBody()));
        assertThat(new String(wrong.getResponseBody())).contains("wrong username or password");
        assertThat(wrong.getResponseCookies()).doesNotContainKey(Cookies.SESSION);
    }

    @Test
    void shouldIgnoreTheCaseOfTheUsername() {
        api.loginAttempt("Admin", Api.ADMIN_PASSWORD).expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("admin");
    }

    @Test
    void shouldSayWhoIsLoggedInAndIssueTheCsrfCookie() {
        Api.problem(api.client.get().uri("/api/auth/me").exchange(), 401);
        Api.Session admin = api.admin();

        EntityExchangeResult<byte[]> me = api.client.get().uri("/api/auth/me").cookie(Cookies.SESSION, admin.id()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.authenticatedBy").isEqualTo("session").returnResult();

        assertThat(me.getResponseCookies().getFirst(Cookies.CSRF)).as("issued when the browser has none").isNotNull();
    }

    @Test
    void shouldSayWhetherSomeoneIsSignedInWithoutA401() {
        // given nobody signed in, when the designer asks at start, then a plain answer (a 401 would log a console error)
        api.client.get().uri("/api/auth/session").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false).jsonPath("$.username").doesNotExist();

        Api.Session admin = api.admin();

        api.client.get().uri("/api/auth/session").cookie(Cookies.SESSION, admin.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(true).jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.roles[0]").isEqualTo("admin");
    }

    @Test
    void shouldGiveTheCsrfTokenToAnyoneWhoAsks() {
        EntityExchangeResult<Map> r = api.client.get().uri("/api/auth/csrf").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult();

        assertThat(r.getResponseBody()).containsEntry("headerName", "X-XSRF-TOKEN");
        assertThat(r.getResponseCookies().getFirst(Cookies.CSRF).getValue()).isEqualTo(r.getResponseBody().get("token"));
    }

    @Test
    void shouldEndTheSessionOnLogout() {
        Api.Session admin = api.admin();
        api.request(HttpMethod.GET, "/api/auth/me", admin).exchange().expectStatus().isOk();

        EntityExchangeResult<byte[]> out = api.request(HttpMethod.POST, "/api/auth/logout", admin).exchange()
                .expectStatus().isNoContent().expectBody().returnResult();

        assertThat(out.getResponseCookies().getFirst(Cookies.SESSION).getMaxAge()).isEqualTo(Duration.ZERO);
        Api.problem(api.request(HttpMethod.GET, "/api/auth/me", admin).exchange(), 401);
        api.client.post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
    }

    @Test
    void shouldGiveANewSessionIdAtEachLogin() {
        Api.Session first = api.admin();

        EntityExchangeResult<byte[]> again = api.client.post().uri("/api/auth/login").cookie(Cookies.SESSION, first.id())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "admin", "password", Api.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult();

        String second = again.getResponseCookies().getFirst(Cookies.SESSION).getValue();
        assertThat(second).isNotEqualTo(first.id());
        Api.problem(api.request(HttpMethod.GET, "/api/auth/me", first).exchange(), 401);
        api.request(HttpMethod.GET, "/api/auth/me", new Api.Session(second, null)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldRefuseAUsernameAfterFiveFailuresEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) api.loginAttempt("admin", "wrong-password-" + i).expectStatus().isUnauthorized();

        EntityExchangeResult<byte[]> refused = api.loginAttempt("admin", Api.ADMIN_PASSWORD)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429).returnResult();

        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        api.loginAttempt("someone-else", "wrong-password").expectStatus().isUnauthorized();
    }

    @Test
    void shouldRefuseAnAddressAfterTwentyFailuresWhateverTheUsername() {
        for (int i = 0; i < 20; i++) api.loginAttempt("user-" + i, "wrong-password").expectStatus().isUnauthorized();

        api.loginAttempt("admin", Api.ADMIN_PASSWORD).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        api.loginAttempt("user-99", "wrong-password").expectStatus().isEqualTo(429);
    }

    @Test
    void shouldForgetAUsernamesFailuresAfterASuccess() {
        for (int i = 0; i < 4; i++) api.loginAttempt("admin", "wrong-password").expectStatus().isUnauthorized();
        api.admin();
        for (int i = 0; i < 4; i++) api.loginAttempt("admin", "wrong-password").expectStatus().isUnauthorized();

        api.admin();
    }

    @Test
    void shouldRequireTheCsrfHeaderOnAChangeMadeWithASessionCookie() {
        Api.Session admin = api.admin();

        Api.problem(api.request(HttpMethod.POST, ProbeEndpoints.FLOW, admin.withoutCsrfHeader()).exchange(), 403);
        api.request(HttpMethod.POST, ProbeEndpoints.FLOW, admin.withoutCsrfHeader()).exchange()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("X-XSRF-TOKEN"));
        Api.problem(api.client.post().uri(ProbeEndpoints.FLOW).cookie(Cookies.SESSION, admin.id())
                .cookie(Cookies.CSRF, admin.xsrf()).header(Cookies.CSRF_HEADER, "forged").exchange(), 403);
        Api.problem(api.client.delete().uri("/api/users/someone").cookie(Cookies.SESSION, admin.id()).exchange(), 403);
        Api.problem(api.client.post().uri("/api/auth/logout").cookie(Cookies.SESSION, admin.id()).exchange(), 403);

        api.request(HttpMethod.POST, ProbeEndpoints.FLOW, admin).exchange().expectStatus().isOk();
        api.request(HttpMethod.GET, ProbeEndpoints.FLOW, admin.withoutCsrfHeader()).exchange().expectStatus().isOk();
    }

    @Test
    void shouldNotRequireCsrfWithABearerToken() {
        String token = api.createToken(api.admin(), "ci", "editor");

        api.client.post().uri(ProbeEndpoints.FLOW).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldRefuseALoginThatIsNotJson() {
        api.client.post().uri("/api/auth/login").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}")
                .exchange().expectStatus().isEqualTo(415);
    }

    @ParameterizedTest(name = "{0} -> 400 at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"username\":\"admin\"}|/password",
            "{\"password\":\"x\"}|/username",
            "{\"username\":7,\"password\":\"secret\"}|/username",
            "{\"username\":\"admin\",\"password\":[]}|/password",
            "{\"username\":\"admin\",\"password\":\"\"}|/password",
            "{\"username\":\"admin\",\"password\":\"secret\",\"remember\":true}|/remember",
            "[\"admin\",\"secret\"]|''",
            "\"admin\"|''",
            "{\"username\":\"admin\",\"password\":\"secret\",|''"})
    void shouldAnswer400WithAPointerToABadLoginBody(String body, String pointer) {
        api.client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    @Test
    void shouldAnswer400ToAnEmptyLoginBody() {
        api.client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
