package dev.ivrflow.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.csrf.CsrfToken;

import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;

/** The cookies' attributes, and when they are Secure. */
class CookiesTest {
    private static final SslInfo TLS = new SslInfo() {
        @Override
        public String getSessionId() {
            return "tls";
        }

        @Override
        public X509Certificate[] getPeerCertificates() {
            return new X509Certificate[0];
        }
    };

    private static ResponseCookie session(MockServerWebExchange exchange, boolean alwaysSecure) {
        new SessionCookieResolver(new Cookies(alwaysSecure)).setSessionId(exchange, "id-1");
        return exchange.getResponse().getCookies().getFirst(Cookies.SESSION);
    }

    @Test
    void shouldMakeTheSessionCookieHttpOnlyAndStrict() {
        ResponseCookie c = session(MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/api/auth/login")), false);

        assertThat(c.getValue()).isEqualTo("id-1");
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getSameSite()).isEqualTo("Strict");
        assertThat(c.getPath()).isEqualTo("/");
        assertThat(c.isSecure()).isFalse();
    }

    @Test
    void shouldMakeTheCookiesSecureOverHttps() {
        assertThat(session(MockServerWebExchange.from(MockServerHttpRequest.get("https://ivr.example.com/api/auth/login")), false)
                .isSecure()).as("https scheme, e.g. from forwarded headers").isTrue();
        assertThat(session(MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/api/auth/login").sslInfo(TLS)), false)
                .isSecure()).as("TLS connection").isTrue();
    }

    @Test
    void shouldMakeTheCookiesSecureWhenConfigured() {
        assertThat(session(MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/api/auth/login")), true)
                .isSecure()).isTrue();

        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/"));
        CsrfCookieRepository csrf = new CsrfCookieRepository(new Cookies(true));
        CsrfToken token = csrf.generateToken(exchange).block();
        csrf.saveToken(exchange, token).block();
        ResponseCookie c = exchange.getResponse().getCookies().getFirst(Cookies.CSRF);
        assertThat(c.isSecure()).isTrue();
        assertThat(c.isHttpOnly()).isFalse();
        assertThat(c.getSameSite()).isEqualTo("Strict");
        assertThat(c.getValue()).isEqualTo(token.getToken());
    }

    @Test
    void shouldExpireTheSessionCookie() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/"));

        new SessionCookieResolver(new Cookies(false)).expireSession(exchange);

        ResponseCookie c = exchange.getResponse().getCookies().getFirst(Cookies.SESSION);
        assertThat(c.getMaxAge()).isZero();
        assertThat(c.getValue()).isEmpty();
    }

    @Test
    void shouldReadTheCsrfTokenBackFromItsCookie() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/")
                .cookie(new org.springframework.http.HttpCookie(Cookies.CSRF, "abc")));

        CsrfToken token = new CsrfCookieRepository(new Cookies(false)).loadToken(exchange).block();

        assertThat(token.getToken()).isEqualTo("abc");
        assertThat(token.getHeaderName()).isEqualTo("X-XSRF-TOKEN");
    }
}
