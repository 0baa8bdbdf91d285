package dev.ivrflow.app.security;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;

/**
 * The two cookies the designer gets, with one rule for their attributes: {@code SameSite=Strict}, {@code Path} the
 * application's root, no {@code Domain}, no {@code Max-Age} (they end with the browser session), and {@code Secure}
 * when the request came over HTTPS (directly, or through a proxy whose forwarded headers the server honours) or
 * {@code ivr.security.secure-cookies} is true.
 */
final class Cookies {
    /** The session cookie: {@code HttpOnly}, so scripts cannot read it. */
    static final String SESSION = "IVR_SESSION";
    /** The CSRF token cookie: readable by the designer's scripts, which echo it in {@link #CSRF_HEADER}. */
    static final String CSRF = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String CSRF_PARAMETER = "_csrf";

    private final boolean alwaysSecure;

    Cookies(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    /** A cookie to set ({@code maxAge} negative: a browser-session cookie; zero: delete it). */
    ResponseCookie cookie(ServerWebExchange exchange, String name, String value, boolean httpOnly, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .path(path(exchange.getRequest()))
                .httpOnly(httpOnly)
                .secure(secure(exchange.getRequest()))
                .sameSite("Strict")
                .maxAge(maxAge)
                .build();
    }

    boolean secure(ServerHttpRequest request) {
        return alwaysSecure || request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
    }

    static String value(ServerWebExchange exchange, String name) {
        HttpCookie c = exchange.getRequest().getCookies().getFirst(name);
        return c == null ? null : c.getValue();
    }

    private static String path(ServerHttpRequest request) {
        String context = request.getPath().contextPath().value();
        return context.isEmpty() ? "/" : context;
    }
}
