package dev.ivrflow.mrcp.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Time that moves only when a test says so. */
final class ManualClock implements InstantSource {
    private Instant now = Instant.parse("2025-03-03T09:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
