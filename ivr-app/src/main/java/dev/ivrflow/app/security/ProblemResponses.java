package dev.ivrflow.app.security;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers the security filters give, in the API's error convention ({@code application/problem+json}, as
 * {@code ApiErrorHandler} writes them): 401 when the request is not authenticated, 403 when its role does not
 * allow it or its CSRF token is missing. A browser navigating to a page outside the API ({@code Accept: text/html})
 * is sent to {@code /login} instead of a 401.
 */
final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {
    static final String LOGIN_PAGE = "/login";
    private static final List<String> MACHINE_PREFIXES = List.of("/api/", "/actuator/", "/v3/");

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (browserNavigation(exchange)) {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.FOUND);
            response.getHeaders().setLocation(URI.create(exchange.getRequest().getPath().contextPath().value() + LOGIN_PAGE));
            return response.setComplete();
        }
        boolean badToken = ex instanceof BadCredentialsException && BearerTokens.present(exchange);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer realm=\"ivrflow\", error=\"invalid_token\"" : "Bearer realm=\"ivrflow\"");
        String detail = badToken ? ex.getMessage()
                : "authentication required: log in (POST /api/auth/login) or send an API token (Authorization: Bearer ivr_...)";
        return write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String detail = denied instanceof CsrfException
                ? "missing or wrong CSRF token: send the value of the " + Cookies.CSRF + " cookie in the "
                  + Cookies.CSRF_HEADER + " header"
                : "forbidden: your role does not allow " + exchange.getRequest().getMethod() + " "
                  + exchange.getRequest().getPath().pathWithinApplication().value();
        return write(exchange, HttpStatus.FORBIDDEN, detail);
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] json = JsonMapper.shared().writeValueAsBytes(problem);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        DataBuffer buffer = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(buffer));
    }

    private static boolean browserNavigation(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET || BearerTokens.present(exchange)) return false;
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (MACHINE_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/api") || path.equals("/v3")) return false;
        List<MediaType> accept = exchange.getRequest().getHeaders().getAccept();
        return accept.stream().anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType());
    }
}
