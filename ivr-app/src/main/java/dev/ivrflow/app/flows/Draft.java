package dev.ivrflow.app.flows;

import java.time.Instant;

/**
 * A flow's editable draft: its canonical JSON and a revision that every save increments, so two editors cannot
 * overwrite each other's work unknowingly.
 */
public record Draft(String id, String name, String json, long revision, Instant createdAt, Instant updatedAt,
                    String updatedBy) {
}
