package dev.ivrflow.app.api;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Who is calling, from the reactive security context: the name the audit records, and their roles. (The same as
 * {@code app.security.CurrentUser}; kept here so the flow API does not depend on how security is wired.)
 */
final class Caller {
    static final String ANONYMOUS = "anonymous";

    private Caller() {
    }

    static Mono<String> name() {
        return authentication().map(Authentication::getName).defaultIfEmpty(ANONYMOUS);
    }

    /**
     * True when the caller has one of these roles ({@code PUBLISHER} means the authority {@code ROLE_PUBLISHER}).
     * Name every role that includes the one needed: the role hierarchy is applied when an authentication is built,
     * but a test's mock user has only the roles it names.
     */
    static Mono<Boolean> hasAnyRole(String... roles) {
        Set<String> wanted = new java.util.HashSet<>();
        for (String r : roles) wanted.add("ROLE_" + r);
        return authentication()
                .map(a -> a.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::contains))
                .defaultIfEmpty(false);
    }

    private static Mono<Authentication> authentication() {
        return ReactiveSecurityContextHolder.getContext().mapNotNull(SecurityContext::getAuthentication)
                .filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken));
    }
}
