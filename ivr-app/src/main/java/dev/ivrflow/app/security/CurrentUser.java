package dev.ivrflow.app.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Who is making the current request, for audit ("who published this"). Call it inside the request's reactive
 * chain (the security context travels in the Reactor context):
 *
 * <pre>{@code
 * return CurrentUser.name().flatMap(user -> store.publish(id, name, json, comment, user));
 * }</pre>
 *
 * <p>A person is their username ({@code ann}); a request authenticated by an API token is {@code token:<name>}
 * ({@code token:ci-publish}). Every API route except login, logout and the CSRF token requires authentication,
 * so a controller behind them always gets a real name.
 *
 * <p>Controllers need not check roles: {@link SecurityConfig}'s rules have done it. Code that must decide by role
 * anyway (showing what a caller may do) uses {@link #has}, which applies the hierarchy.
 */
public final class CurrentUser {
    /** The name recorded when no one is authenticated (only reachable from a public route). */
    public static final String ANONYMOUS = "anonymous";

    private CurrentUser() {
    }

    /** The authenticated name, or {@value #ANONYMOUS}; never empty. */
    public static Mono<String> name() {
        return authentication().map(Authentication::getName).defaultIfEmpty(ANONYMOUS);
    }

    /** Every role the caller has, after the hierarchy (an admin has all four); empty when anonymous. */
    public static Mono<Set<Role>> roles() {
        return authentication().map(a -> Role.reached(a.getAuthorities())).defaultIfEmpty(Set.of());
    }

    /** Whether the caller has {@code role}, directly or through a higher one. */
    public static Mono<Boolean> has(Role role) {
        return roles().map(r -> r.contains(role));
    }

    /** The authentication, when the caller is authenticated. */
    public static Mono<Authentication> authentication() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken));
    }
}
