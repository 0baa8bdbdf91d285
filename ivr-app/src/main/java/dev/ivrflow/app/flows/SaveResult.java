package dev.ivrflow.app.flows;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A draft saved (created, updated, or left as it was because the content was already the same), with its new
 * revision (the ETag for the next save) and what the validator says about it. A draft may be invalid: it is
 * work in progress, and only a publish requires a valid flow.
 */
public record SaveResult(String id, String name, long revision, Instant updatedAt, String updatedBy, Status status,
                         ValidationResult validation) {

    public enum Status {
        @JsonProperty("created") CREATED,
        @JsonProperty("updated") UPDATED,
        @JsonProperty("unchanged") UNCHANGED
    }

    static SaveResult of(Draft d, Status status, ValidationResult validation) {
        return new SaveResult(d.id(), d.name(), d.revision(), d.updatedAt(), d.updatedBy(), status, validation);
    }
}
