package dev.ivrflow.app.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles, each including the ones below it: {@code ADMIN > PUBLISHER > EDITOR > VIEWER}. In JSON a role is its
 * lower-case name ({@code "editor"}); in Spring Security it is the authority {@code ROLE_EDITOR}.
 *
 * <p>Spring Security's reactive {@code hasRole} does not consult a {@link RoleHierarchy}, so the hierarchy is applied
 * twice: the authorization rules check {@link #reached} (so any authentication works, a test's mock user included),
 * and the authentications built here already hold every authority their roles reach ({@link #authorities}), so
 * code that looks at the authorities directly sees them too.
 */
public enum Role {
    /** Reads flows, versions, diffs, calls and statistics; runs the simulator. */
    VIEWER,
    /** Also creates, saves and deletes drafts, and imports. */
    EDITOR,
    /** Also publishes and rolls back. */
    PUBLISHER,
    /** Also manages users and API tokens, and reads the actuator endpoints. */
    ADMIN;

    /** The hierarchy, for code that checks authorities itself. */
    public static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.withDefaultRolePrefix()
            .role("ADMIN").implies("PUBLISHER")
            .role("PUBLISHER").implies("EDITOR")
            .role("EDITOR").implies("VIEWER")
            .build();

    /** {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** {@code editor}: how the API writes a role. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes {@code other} ({@code ADMIN} includes every role, each role includes itself). */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The role named, in any case ({@code "editor"}, {@code "EDITOR"}). */
    public static Optional<Role> parse(String name) {
        if (name == null) return Optional.empty();
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** The role of an authority ({@code ROLE_EDITOR}), if it is one of ours. */
    public static Optional<Role> ofAuthority(String authority) {
        return authority != null && authority.startsWith("ROLE_") ? parse(authority.substring(5)) : Optional.empty();
    }

    /** Every authority the roles reach through the hierarchy. */
    public static List<GrantedAuthority> authorities(Collection<Role> roles) {
        List<GrantedAuthority> assigned = roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
        return List.copyOf(HIERARCHY.getReachableGrantedAuthorities(assigned));
    }

    /** Every role the authorities reach through the hierarchy ({@code ROLE_ADMIN} alone reaches all four). */
    public static Set<Role> reached(Collection<? extends GrantedAuthority> authorities) {
        return of(HIERARCHY.getReachableGrantedAuthorities(authorities));
    }

    /** The roles named among the authorities, as they are (no hierarchy applied). */
    public static Set<Role> of(Collection<? extends GrantedAuthority> authorities) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : authorities) ofAuthority(a.getAuthority()).ifPresent(roles::add);
        return roles;
    }

    /** The JSON names of the roles, lowest first. */
    public static List<String> json(Collection<Role> roles) {
        return roles.stream().sorted().distinct().map(Role::json).toList();
    }
}
