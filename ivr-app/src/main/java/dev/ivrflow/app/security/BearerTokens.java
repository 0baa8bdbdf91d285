package dev.ivrflow.app.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * Authentication by {@code Authorization: Bearer ivr_...}. A request that carries such a header is authenticated by
 * the token alone: a bad, revoked or expired token is a 401 even when a session cookie comes along, and a good one
 * never opens a session. Such requests need no CSRF token (a page on another site cannot set the header).
 */
final class BearerTokens {
    private static final String SCHEME = "Bearer ";

    private BearerTokens() {
    }

    /** Whether the request carries a bearer token (valid or not). */
    static boolean present(ServerWebExchange exchange) {
        String h = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return h != null && h.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    static AuthenticationWebFilter filter(ApiTokenStore tokens, ProblemResponses problems) {
        ReactiveAuthenticationManager manager = authentication -> {
            String secret = ((TokenAuthentication) authentication).secret;
            if (secret == null || !secret.startsWith(ApiTokenStore.PREFIX) || secret.length() > 200) {
                return Mono.error(new BadCredentialsException("the API token is not valid"));
            }
            return tokens.authenticate(secret)
                    .<Authentication>map(TokenAuthentication::authenticated)
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the API token is not valid, or is revoked or expired")));
        };
        ServerAuthenticationConverter converter = exchange -> {
            if (!present(exchange)) return Mono.empty();
            String h = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return Mono.just(new TokenAuthentication(h.substring(SCHEME.length()).trim()));
        };
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(converter);
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
        return filter;
    }

    /** A request's token: unauthenticated holding the secret, then authenticated holding the stored token. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {
        private final transient String secret;
        private final ApiToken token;

        private TokenAuthentication(String secret) {
            super(List.of());
            this.secret = secret;
            this.token = null;
        }

        private TokenAuthentication(ApiToken token) {
            super(Role.authorities(Set.of(token.role())));
            this.secret = null;
            this.token = token;
            setAuthenticated(true);
        }

        static TokenAuthentication authenticated(ApiToken token) {
            return new TokenAuthentication(token);
        }

        /** The stored token (no secret), once authenticated. */
        ApiToken token() {
            return token;
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        /** {@code token:<name>}: how audit records a request made with a token. */
        @Override
        public Object getPrincipal() {
            return token == null ? "token" : "token:" + token.name();
        }

        @Override
        public String getName() {
            return (String) getPrincipal();
        }
    }
}
