package dev.ivrflow.app.flows;

import java.time.Instant;

/**
 * A flow as the designer lists it: its draft (name, revision, last save) and its latest published version, null
 * when it was never published.
 */
public record FlowSummary(String id, String name, long revision, Instant createdAt, Instant updatedAt, String updatedBy,
                          VersionSummary published) {

    public static FlowSummary of(Draft d, VersionSummary published) {
        return new FlowSummary(d.id(), d.name(), d.revision(), d.createdAt(), d.updatedAt(), d.updatedBy(), published);
    }
}
