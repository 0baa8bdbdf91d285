package dev.ivrflow.app.flows;

/**
 * A rollback: the new version (the old version's content published again), the version it came from, and the
 * draft, which now holds that same content so the next publish does not undo the rollback.
 */
public record RollbackResult(VersionSummary version, int rolledBackTo, FlowSummary draft) {
}
