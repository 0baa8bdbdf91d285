package dev.ivrflow.app.flows;

import java.time.Instant;

/** A published version without its content: who published it, when and why. */
public record VersionSummary(String flowId, int version, String name, String comment, Instant publishedAt,
                             String publishedBy) {

    public static VersionSummary of(Version v) {
        return new VersionSummary(v.flowId(), v.version(), v.name(), v.comment(), v.publishedAt(), v.publishedBy());
    }
}
