package dev.ivrflow.esl.inbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot for the application's health endpoint.
 *
 * @param state          where the connection stands
 * @param since          when it entered that state
 * @param lastError      the most recent failure, in words (kept after a recovery, so a flapping link is visible)
 * @param failedAttempts connection attempts that failed since the last successful one
 */
public record InboundHealth(ConnectionState state, Instant since, Optional<String> lastError, int failedAttempts) {
    public InboundHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** True only when api and bgapi can be sent. */
    public boolean isUp() {
        return state == ConnectionState.CONNECTED;
    }
}
