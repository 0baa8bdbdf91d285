package dev.ivrflow.app.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Who a session belongs to. The session keeps only the username and when they logged in; every request reads the
 * user again, so a change takes effect at once: a deleted or disabled user, or one whose password changed after
 * the login, has their session ended; changed roles apply to the next request.
 */
final class SessionContextRepository implements ServerSecurityContextRepository {
    static final String USER = "ivr.user";
    static final String LOGIN_AT = "ivr.loginAt";

    private final UserStore users;

    SessionContextRepository(UserStore users) {
        this.users = users;
    }

    /** Logs the user in on this exchange's session, under a new session id (no fixation). */
    Mono<Void> login(ServerWebExchange exchange, String username, Instant at) {
        return exchange.getSession().flatMap(session -> {
            session.getAttributes().clear();
            Mono<Void> newId = session.isStarted() ? session.changeSessionId() : Mono.empty();
            return newId.then(Mono.fromRunnable(() -> {
                session.getAttributes().put(USER, username);
                session.getAttributes().put(LOGIN_AT, at);
                session.start();
            }));
        });
    }

    Mono<Void> logout(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate);
    }

    /** Sessions are opened by {@link #login} only; a context saved by Spring's filters is not kept. */
    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return context == null ? logout(exchange) : Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            String username = session.getAttribute(USER);
            Instant loginAt = session.getAttribute(LOGIN_AT);
            if (username == null || loginAt == null) return Mono.empty();
            return users.find(username)
                    .filter(u -> !u.disabled() && (u.passwordChangedAt() == null || !u.passwordChangedAt().isAfter(loginAt)))
                    .map(u -> (SecurityContext) new SecurityContextImpl(
                            UsernamePasswordAuthenticationToken.authenticated(u.username(), null, Role.authorities(u.roles()))))
                    .switchIfEmpty(Mono.defer(() -> session.invalidate().then(Mono.empty())));
        });
    }
}
