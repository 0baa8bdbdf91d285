package dev.ivrflow.app.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * The CSRF token in the {@value Cookies#CSRF} cookie (double-submit: the designer reads the cookie and sends its
 * value in the {@value Cookies#CSRF_HEADER} header; a page on another site can neither read the cookie nor set the
 * header). Spring's {@code CookieServerCsrfTokenRepository} does the same; this one exists so both cookies follow
 * one rule for {@code Secure} and {@code SameSite} ({@link Cookies}), including HTTPS behind a proxy.
 */
final class CsrfCookieRepository implements ServerCsrfTokenRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Cookies cookies;

    CsrfCookieRepository(Cookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            return token(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        });
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return Mono.fromRunnable(() -> exchange.getResponse().getCookies().set(Cookies.CSRF, token == null
                ? cookies.cookie(exchange, Cookies.CSRF, "", false, Duration.ZERO)
                : cookies.cookie(exchange, Cookies.CSRF, token.getToken(), false, Duration.ofSeconds(-1))));
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        String value = Cookies.value(exchange, Cookies.CSRF);
        return value == null || value.isEmpty() ? Mono.empty() : Mono.just(token(value));
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(Cookies.CSRF_HEADER, Cookies.CSRF_PARAMETER, value);
    }
}
