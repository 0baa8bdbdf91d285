package dev.ivrflow.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP side of the security tests: a client on the running server, logins, users and tokens. */
final class Api {
    static final String ADMIN_PASSWORD = "first-admin-password-for-tests";

    final WebTestClient client;

    Api(int port) {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Who makes a request: nobody, a session (cookie and CSRF header) or a bearer token. */
    interface Caller extends UnaryOperator<WebTestClient.RequestBodySpec> {
    }

    static final Caller ANONYMOUS = spec -> spec;

    static Caller bearer(String token) {
        return spec -> spec.header("Authorization", "Bearer " + token);
    }

    /** A logged-in session: the session cookie, and the CSRF cookie echoed in the header, as the designer does. */
    record Session(String id, String xsrf) implements Caller {
        @Override
        public WebTestClient.RequestBodySpec apply(WebTestClient.RequestBodySpec spec) {
            spec.cookie(Cookies.SESSION, id);
            if (xsrf != null) spec.cookie(Cookies.CSRF, xsrf).header(Cookies.CSRF_HEADER, xsrf);
            return spec;
        }

        /** The same session without the CSRF header (a forged cross-site request would look like this). */
        Caller withoutCsrfHeader() {
            return spec -> spec.cookie(Cookies.SESSION, id).cookie(Cookies.CSRF, xsrf);
        }
    }

    WebTestClient.RequestBodySpec request(HttpMethod method, String path, Caller caller) {
        return caller.apply(client.method(method).uri(path));
    }

    WebTestClient.ResponseSpec loginAttempt(String username, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange();
    }

    Session login(String username, String password) {
        EntityExchangeResult<byte[]> r = loginAttempt(username, password).expectStatus().isOk().expectBody().returnResult();
        ResponseCookie session = r.getResponseCookies().getFirst(Cookies.SESSION);
        ResponseCookie xsrf = r.getResponseCookies().getFirst(Cookies.CSRF);
        assertThat(session).as("session cookie").isNotNull();
        assertThat(xsrf).as("CSRF cookie").isNotNull();
        return new Session(session.getValue(), xsrf.getValue());
    }

    Session admin() {
        return login(SecurityBootstrap.ADMIN, ADMIN_PASSWORD);
    }

    void createUser(Session admin, String username, String password, String... roles) {
        request(HttpMethod.POST, "/api/users", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password, "roles", List.of(roles)))
                .exchange().expectStatus().isCreated();
    }

    String createToken(Session admin, String name, String role) {
        Map<?, ?> created = request(HttpMethod.POST, "/api/tokens", admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "role", role)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("token");
    }

    /** The answer must be a problem+json document with this status. */
    static void problem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status).jsonPath("$.detail").isNotEmpty();
    }
}
