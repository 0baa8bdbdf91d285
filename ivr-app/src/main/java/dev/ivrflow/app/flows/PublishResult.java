package dev.ivrflow.app.flows;

/** The version a publish created, and the validator's warnings about it (a published flow has no errors). */
public record PublishResult(VersionSummary version, ValidationResult validation) {
}
