/**
 * The rules and words of a rollback and of the audit trail: who may roll back to which version, what the request
 * carries, what the user is told before and after. Pure, so the panel stays a view.
 */
import { ApiError } from '../../api/client';
import type { Role } from '../../api/types';
import type { Notice } from '../../store/editor';
import type { AuditEntry, RollbackResult } from './historyTypes';

export const MAX_COMMENT = 500;

/** Publishers and admins may roll back, to any version but the live one (the newest). */
export function canRollBack(role: Role, version: number, latest: number | null): boolean {
  return (role === 'PUBLISHER' || role === 'ADMIN') && latest !== null && version !== latest;
}

/**
 * The request: the comment is required by the server. If-Match names the draft revision the editor has, which
 * confirms that the draft (with any unpublished changes, kept in the audit log) is replaced.
 */
export function rollbackRequest(version: number, comment: string, revision: number | null):
  { ok: true; body: { version: number; comment: string }; headers: Record<string, string> } | { ok: false; error: string } {
  const c = comment.trim();
  if (!c) return { ok: false, error: 'Say why you roll back: the comment goes into the audit trail.' };
  if (c.length > MAX_COMMENT) return { ok: false, error: `The comment is ${c.length} characters long; at most ${MAX_COMMENT}.` };
  const headers: Record<string, string> = revision === null ? {} : { 'If-Match': `"${revision}"` };
  return { ok: true, body: { version, comment: c }, headers };
}

/** What the user confirms before a rollback. */
export function rollbackWarning(version: number, unsavedChanges: boolean): string[] {
  const lines = [
    `Version ${version}'s content is published again as a new version and goes live at once.`,
    'The draft is replaced by it; unpublished changes saved in the draft are kept in the audit trail.',
  ];
  if (unsavedChanges) lines.push('Your unsaved changes in the editor are lost.');
  return lines;
}

export function rollbackDone(r: RollbackResult): string {
  return `Rolled back to version ${r.rolledBackTo}: it is live again as version ${r.version.version}, and the draft holds it.`;
}

/**
 * A refused rollback, in the server's own words unless the draft moved on from the revision sent (a 409 may also
 * mean the version is live already, or that the draft's unpublished changes need confirming).
 */
export function rollbackProblem(e: unknown, sentRevision: number | null): Notice {
  if (e instanceof ApiError) {
    if (e.status === 403) return { kind: 'error', text: 'Not rolled back: your role does not allow it.' };
    const current = e.body.currentRevision;
    const stale = e.status === 409 && sentRevision !== null && typeof current === 'number' && current !== sentRevision;
    const text = stale
      ? 'Not rolled back: the draft changed since you opened it. Reload the flow, look at the changes, then try again.'
      : `Not rolled back: ${e.message}`;
    return { kind: 'error', text, details: e.errors.map((f) => `${f.pointer || '/'}: ${f.message}`) };
  }
  return { kind: 'error', text: `Not rolled back: ${(e as Error).message}` };
}

/** One audit entry in words: "alice published v3", "bob rolled back to v2 (as v4)". */
export function auditLine(e: AuditEntry): string {
  const who = e.user || 'someone';
  switch (e.action) {
    case 'publish':
      return `${who} published ${e.version != null ? `v${e.version}` : 'a version'}`;
    case 'rollback':
      return `${who} rolled back to ${e.fromVersion != null ? `v${e.fromVersion}` : 'an old version'}${e.version != null ? ` (as v${e.version})` : ''}`;
    case 'delete':
      return `${who} deleted the draft`;
    default:
      return `${who}: ${e.action}${e.version != null ? ` v${e.version}` : ''}`;
  }
}

/** The file name a replaced draft is saved under, so it can be imported back. */
export function replacedDraftFile(e: AuditEntry): string {
  return `${e.flowId}.draft-${e.replacedDraftRevision ?? 'replaced'}.flow.json`;
}
