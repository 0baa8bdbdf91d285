package dev.ivrflow.app.security;

import java.time.Instant;

/**
 * An API token as stored and as listed: everything but the secret, which exists only in the answer that created it
 * (the store keeps its SHA-256).
 */
record ApiToken(String id, String name, Role role, String createdBy, Instant createdAt, Instant expiresAt,
                Instant lastUsedAt, boolean revoked, Instant revokedAt, String revokedBy) {

    /** Not revoked, not past its expiry, and with a role this version knows. */
    boolean usable(Instant now) {
        return !revoked && role != null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
