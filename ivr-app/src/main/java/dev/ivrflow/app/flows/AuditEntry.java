package dev.ivrflow.app.flows;

import java.time.Instant;

/**
 * One audited change of a flow: who did what, when, and why.
 *
 * @param action                publish, rollback or delete
 * @param version               the version a publish or rollback created
 * @param fromVersion           for a rollback: the version whose content was published again
 * @param comment               the reason the user gave
 * @param replacedDraftRevision for a rollback that replaced a draft with unpublished changes: its revision
 * @param replacedDraft         ... and its canonical JSON, so that work can be recovered
 */
public record AuditEntry(Instant at, String action, String flowId, String user, Integer version, Integer fromVersion,
                         String comment, Long replacedDraftRevision, String replacedDraft) {
}
