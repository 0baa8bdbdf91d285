import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api/client';
import { auditLine, canRollBack, replacedDraftFile, rollbackDone, rollbackProblem, rollbackRequest, rollbackWarning } from './rollback';
import type { AuditEntry, RollbackResult } from './historyTypes';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({ at: '2026-03-02T10:00:00Z', action: 'publish', flowId: 'main-line', user: 'alice', ...patch });

describe('rollback', () => {
  test('shouldLetOnlyPublishersAndAdminsRollBackToAVersionThatIsNotLive', () => {
    expect(canRollBack('PUBLISHER', 2, 5)).toBe(true);
    expect(canRollBack('ADMIN', 2, 5)).toBe(true);
    expect(canRollBack('EDITOR', 2, 5)).toBe(false);
    expect(canRollBack('VIEWER', 2, 5)).toBe(false);
    expect(canRollBack('ADMIN', 5, 5)).toBe(false);
    expect(canRollBack('ADMIN', 1, null)).toBe(false);
  });

  test('shouldConfirmTheDraftRevisionTheEditorHasWithIfMatch', () => {
    // Given an editor at draft revision 7
    // When the user rolls back to v2 with a reason
    const r = rollbackRequest(2, '  v3 drops calls  ', 7);
    // Then the body carries the version and the trimmed comment, and If-Match the revision
    expect(r).toEqual({ ok: true, body: { version: 2, comment: 'v3 drops calls' }, headers: { 'If-Match': '"7"' } });
    expect(rollbackRequest(2, 'why', null)).toEqual({ ok: true, body: { version: 2, comment: 'why' }, headers: {} });
  });

  test('shouldRefuseARollbackWithoutAReasonOrWithTooLongAOne', () => {
    expect(rollbackRequest(2, '   ', 7).ok).toBe(false);
    expect(rollbackRequest(2, 'x'.repeat(501), 7).ok).toBe(false);
  });

  test('shouldWarnThatUnsavedChangesAreLost', () => {
    expect(rollbackWarning(2, false)).toHaveLength(2);
    expect(rollbackWarning(2, true).at(-1)).toBe('Your unsaved changes in the editor are lost.');
  });

  test('shouldSayWhichVersionIsLiveAfterwards', () => {
    const r = { version: { version: 6 }, rolledBackTo: 2 } as RollbackResult;
    expect(rollbackDone(r)).toBe('Rolled back to version 2: it is live again as version 6, and the draft holds it.');
  });

  test('shouldTellAStaleDraftFromAVersionThatIsLiveAlready', () => {
    const stale = new ApiError(409, 'Conflict', "flow 'f' is at revision 9, not 7", [], { currentRevision: 9 });
    const live = new ApiError(409, 'Conflict', 'version 5 is already the live version', [], {});
    expect(rollbackProblem(stale, 7).text).toContain('the draft changed since you opened it');
    expect(rollbackProblem(live, 7).text).toBe('Not rolled back: version 5 is already the live version');
    expect(rollbackProblem(new ApiError(403, 'Forbidden', '', [], {}), 7).text).toBe('Not rolled back: your role does not allow it.');
  });

  test('shouldListTheFieldErrorsOfARefusedRollback', () => {
    const e = new ApiError(400, 'Bad Request', 'the body is not valid', [{ pointer: '/comment', message: 'comment is required' }], {});
    expect(rollbackProblem(e, 7)).toEqual({ kind: 'error', text: 'Not rolled back: the body is not valid', details: ['/comment: comment is required'] });
  });
});

describe('audit trail', () => {
  test('shouldSayWhoDidWhat', () => {
    expect(auditLine(entry({ action: 'publish', version: 3 }))).toBe('alice published v3');
    expect(auditLine(entry({ action: 'rollback', user: 'bob', version: 4, fromVersion: 2 }))).toBe('bob rolled back to v2 (as v4)');
    expect(auditLine(entry({ action: 'delete' }))).toBe('alice deleted the draft');
    expect(auditLine(entry({ action: 'import', version: null }))).toBe('alice: import');
  });

  test('shouldNameAReplacedDraftSoItCanBeImportedBack', () => {
    expect(replacedDraftFile(entry({ action: 'rollback', replacedDraftRevision: 7 }))).toBe('main-line.draft-7.flow.json');
  });
});
