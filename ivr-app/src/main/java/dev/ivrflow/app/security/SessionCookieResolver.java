package dev.ivrflow.app.security;

import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

import java.time.Duration;
import java.util.List;

/**
 * Carries the WebFlux session id in the {@value Cookies#SESSION} cookie, {@code HttpOnly} and {@code SameSite=Strict}
 * (see {@link Cookies}). A bean of this type replaces Spring Boot's resolver; the session store and its idle
 * timeout stay Boot's ({@code server.reactive.session.timeout}, 30 minutes by default).
 */
final class SessionCookieResolver implements WebSessionIdResolver {
    private final Cookies cookies;

    SessionCookieResolver(Cookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public List<String> resolveSessionIds(ServerWebExchange exchange) {
        List<HttpCookie> found = exchange.getRequest().getCookies().get(Cookies.SESSION);
        return found == null ? List.of() : found.stream().map(HttpCookie::getValue).toList();
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        exchange.getResponse().getCookies().set(Cookies.SESSION,
                cookies.cookie(exchange, Cookies.SESSION, id, true, Duration.ofSeconds(-1)));
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().set(Cookies.SESSION,
                cookies.cookie(exchange, Cookies.SESSION, "", true, Duration.ZERO));
    }
}
