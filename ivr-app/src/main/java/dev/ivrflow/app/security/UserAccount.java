package dev.ivrflow.app.security;

import java.time.Instant;
import java.util.Set;

/**
 * A person who logs in. {@code passwordHash} is bcrypt and never leaves the server; {@code passwordChangedAt}
 * ends every session opened before it.
 */
record UserAccount(String username, String passwordHash, Set<Role> roles, Instant createdAt, Instant updatedAt,
                   Instant passwordChangedAt, boolean disabled) {

    UserAccount {
        roles = Set.copyOf(roles);
    }

    /** An enabled user holding the admin role. */
    boolean activeAdmin() {
        return !disabled && roles.contains(Role.ADMIN);
    }
}
