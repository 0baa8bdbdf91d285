package dev.ivrflow.app.flows;

import java.time.Instant;

/** An immutable published version of a flow, with who published it, when and why. */
public record Version(String flowId, int version, String name, String json, String comment, Instant publishedAt,
                      String publishedBy) {
}
