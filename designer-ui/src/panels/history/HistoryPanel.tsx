/**
 * A flow's history: its published versions, a semantic comparison of any two (or a version and the draft) shown
 * as a list and marked on the canvas, rolling back to an old version (publishers), and the audit trail.
 */
import { useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { api, seg } from '../../api/client';
import { noticeOf, useEditor, type Editor, type Notice } from '../../store/editor';
import { describeChange, describeExitChange, diffHeadline, diffLabel, diffOverlay, nodeName } from './diffOverlay';
import type { AuditEntry, DiffAnswer, RollbackResult } from './historyTypes';
import { MAX_COMMENT, auditLine, canRollBack, replacedDraftFile, rollbackDone, rollbackProblem, rollbackRequest, rollbackWarning } from './rollback';
import './history.css';

interface Confirming {
  version: number;
  comment: string;
  error?: string;
}

export function HistoryPanel({ editor }: { editor: Editor }): JSX.Element {
  const dirty = useEditor(editor, (s) => s.dirty);
  const revision = useEditor(editor, (s) => s.revision);
  const doc = useEditor(editor, (s) => s.doc);
  const role = editor.session.me.role;
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [asked, setAsked] = useState(0);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('draft');
  const [diff, setDiff] = useState<DiffAnswer | null>(null);
  const [comparing, setComparing] = useState(false);
  const [problem, setProblem] = useState<Notice | null>(null);
  const [confirm, setConfirm] = useState<Confirming | null>(null);
  const [rolling, setRolling] = useState(false);
  const mounted = useRef(false);
  const compareSeq = useRef(0);
  const ids = useId();

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (editor.getState().overlay.kind === 'diff') editor.setOverlay({ kind: 'none' });
    };
  }, [editor]);

  const known = useEditor(editor, (st) => st.revision !== null);
  const publishes = useEditor(editor, (st) => st.publishes);
  const versions = useEditor(editor, (st) => st.versions);
  const versionsError = useEditor(editor, (st) => st.versionsError);
  useEffect(() => {
    const newest = versions?.[0];
    if (newest) setFrom((f) => f || String(newest.version));
  }, [versions]);
  useEffect(() => {
    // A flow not yet saved has no audit trail (and asking would be a 404).
    if (!known) return undefined;
    let current = true;
    api.get<AuditEntry[]>(`/api/flows/${seg(editor.flowId)}/audit`).then(
      (r) => current && setAudit(Array.isArray(r.data) ? r.data : []),
      (e: unknown) => current && setProblem(noticeOf(e, 'The audit trail could not be read')),
    );
    return () => {
      current = false;
    };
  }, [editor, asked, known, publishes]);

  const nodeIds = useMemo(() => new Set(doc.nodes.map((n) => n.id)), [doc]);
  const latest = versions?.[0]?.version ?? null;

  function dropDiff(): void {
    compareSeq.current++;
    setDiff(null);
    if (editor.getState().overlay.kind === 'diff') editor.setOverlay({ kind: 'none' });
  }

  async function compare(f: string, t: string): Promise<void> {
    if (!f || !t) return;
    const seq = ++compareSeq.current;
    setProblem(null);
    setComparing(true);
    try {
      const q = `from=${encodeURIComponent(f)}&to=${encodeURIComponent(t)}`;
      const r = await api.get<DiffAnswer>(`/api/flows/${seg(editor.flowId)}/diff?${q}`);
      // A newer comparison, or the panel closing, makes this answer moot.
      if (!mounted.current || seq !== compareSeq.current) return;
      setDiff(r.data);
      editor.setOverlay(diffOverlay(r.data));
    } catch (e) {
      setProblem(noticeOf(e, 'Not compared'));
    } finally {
      setComparing(false);
    }
  }

  function compareWithDraft(version: number): void {
    setFrom(String(version));
    setTo('draft');
    void compare(String(version), 'draft');
  }

  async function rollBack(c: Confirming): Promise<void> {
    const request = rollbackRequest(c.version, c.comment, revision);
    if (!request.ok) {
      setConfirm({ ...c, error: request.error });
      return;
    }
    setRolling(true);
    setProblem(null);
    try {
      const r = await api.post<RollbackResult>(`/api/flows/${seg(editor.flowId)}/rollback`, request.body, request.headers);
      setConfirm(null);
      dropDiff();
      setAsked((n) => n + 1);
      try {
        await editor.reload();
        editor.notify({ kind: 'info', text: rollbackDone(r.data) });
      } catch (e) {
        editor.notify(noticeOf(e, `${rollbackDone(r.data)} The editor could not load the new draft; reload the page`));
      }
    } catch (e) {
      setConfirm(null);
      setProblem(rollbackProblem(e, revision));
    } finally {
      setRolling(false);
    }
  }

  const options = (
    <>
      <option value="draft">Draft</option>
      {versions?.map((v) => <option key={v.version} value={String(v.version)}>v{v.version}</option>)}
    </>
  );

  return (
    <section className="hist" aria-label="History">
      {(problem ?? versionsError) && (
        <div className="hist-problem" role="alert">
          <span>{(problem ?? versionsError)?.text}</span>
          {(problem ?? versionsError)?.details?.length ? <ul>{(problem ?? versionsError)?.details?.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
          <button type="button" className="hist-icon" aria-label="Dismiss" onClick={() => setProblem(null)}>×</button>
        </div>
      )}

      {confirm && (
        <form
          className="hist-confirm"
          role="alertdialog"
          aria-labelledby={`${ids}-confirm`}
          onSubmit={(e) => {
            e.preventDefault();
            void rollBack(confirm);
          }}
        >
          <strong id={`${ids}-confirm`}>Roll back to v{confirm.version}?</strong>
          <ul>{rollbackWarning(confirm.version, dirty).map((w) => <li key={w}>{w}</li>)}</ul>
          <div className="hist-confirm-row">
            <label className="hist-field hist-grow">
              <span>Why (goes into the audit trail)</span>
              <input data-testid="history-rollback-comment" value={confirm.comment} maxLength={MAX_COMMENT} autoFocus
                onChange={(e) => setConfirm({ ...confirm, comment: e.target.value, error: undefined })} />
            </label>
            <button data-testid="history-rollback-confirm" type="submit" className="hist-danger" disabled={rolling}>
              {rolling ? 'Rolling back…' : `Roll back to v${confirm.version}`}
            </button>
            <button type="button" onClick={() => setConfirm(null)} disabled={rolling}>Cancel</button>
          </div>
          {confirm.error && <p className="hist-error" role="alert">{confirm.error}</p>}
        </form>
      )}

      <div className="hist-body">
        <div className="hist-col">
          <div className="hist-heading">
            <h3>Published versions</h3>
            <button type="button" className="hist-icon" title="Read the history again" aria-label="Read the history again" onClick={() => setAsked((n) => n + 1)}>↻</button>
          </div>
          <div className="hist-scroll">
            <table data-testid="history-list" className="hist-table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Comment</th>
                  <th scope="col">By</th>
                  <th scope="col">When</th>
                  <th scope="col"><span className="hist-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {versions?.map((v) => (
                  <tr key={v.version} data-version={v.version} className={String(v.version) === from || String(v.version) === to ? 'hist-picked' : undefined}>
                    <td className="hist-nowrap">
                      v{v.version}
                      {v.version === latest && <span className="hist-live" title="Calls run this version">live</span>}
                    </td>
                    <td className="hist-comment">{v.comment}</td>
                    <td>{v.publishedBy}</td>
                    <td className="hist-nowrap"><time dateTime={v.publishedAt}>{when(v.publishedAt)}</time></td>
                    <td>
                      <div className="hist-row-actions">
                      <button type="button" data-testid={`history-vsdraft-${v.version}`} onClick={() => compareWithDraft(v.version)} disabled={comparing}
                        title={`Compare v${v.version} with the draft`}>
                        vs draft
                      </button>
                      {canRollBack(role, v.version, latest) && (
                        <button type="button" data-testid={`history-rollback-${v.version}`} onClick={() => setConfirm({ version: v.version, comment: '' })} disabled={rolling}>
                          Roll back to v{v.version}
                        </button>
                      )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {versions === null && <p className="hist-muted">Loading…</p>}
            {versions?.length === 0 && <p className="hist-muted">Not published yet: the first publish starts the history.</p>}
          </div>
        </div>

        <div className="hist-col hist-col-diff">
          <div className="hist-compare" role="group" aria-label="Compare two versions">
            <label className="hist-field">
              <span>From</span>
              <select data-testid="history-from" value={from} onChange={(e) => setFrom(e.target.value)}>
                {from === '' && <option value="">—</option>}
                {options}
              </select>
            </label>
            <label className="hist-field">
              <span>To</span>
              <select data-testid="history-to" value={to} onChange={(e) => setTo(e.target.value)}>{options}</select>
            </label>
            <button type="button" data-testid="history-compare" className="hist-primary" disabled={!from || !to || comparing} onClick={() => void compare(from, to)}>
              {comparing ? 'Comparing…' : 'Compare'}
            </button>
            {diff && <button type="button" onClick={dropDiff}>Clear</button>}
          </div>
          {dirty && (from === 'draft' || to === 'draft') && (
            <p className="hist-note">The draft is compared as last saved: save to include your latest changes.</p>
          )}
          <div className="hist-scroll">
            {diff ? (
              <DiffSummary answer={diff} onCanvas={(id) => nodeIds.has(id)} onSelect={(id) => editor.select([id])} />
            ) : (
              <p className="hist-muted">Pick two versions, or a version and the draft, and compare them: what changed is listed here and marked on the canvas.</p>
            )}
          </div>
        </div>

        <div className="hist-col">
          <h3>Audit trail</h3>
          <div className="hist-scroll">
            <ol className="hist-audit" data-testid="history-audit">
              {audit?.map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <div><time dateTime={e.at} className="hist-when">{when(e.at)}</time> {auditLine(e)}</div>
                  {e.comment && <div className="hist-comment">{e.comment}</div>}
                  {e.replacedDraft && (
                    <button type="button" className="hist-small" onClick={() => download(e)}>
                      Save the replaced draft{e.replacedDraftRevision != null ? ` (revision ${e.replacedDraftRevision})` : ''}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {audit?.length === 0 && <p className="hist-muted">Nothing published, rolled back or deleted yet.</p>}
          </div>
        </div>
      </div>
    </section>
  );
}

function DiffSummary({ answer, onCanvas, onSelect }: {
  answer: DiffAnswer;
  onCanvas: (id: string) => boolean;
  onSelect: (id: string) => void;
}): JSX.Element {
  const { diff } = answer;
  const { added, removed, changed } = diff.nodes;
  const name = (n: { id: string; label?: string | null; type?: string | null }) =>
    onCanvas(n.id)
      ? <button type="button" className="hist-link" title="Select on the canvas" onClick={() => onSelect(n.id)}>{nodeName(n)}</button>
      : <span>{nodeName(n)}</span>;
  return (
    <div data-testid="diff-summary" className="hist-diff">
      <p className="hist-headline"><strong>{diffLabel(answer)}</strong> {diffHeadline(diff)}</p>
      {answer.to !== 'draft' && !diff.identical && <p className="hist-note">The canvas shows the draft: nodes are marked by their id.</p>}
      {diff.flow.length > 0 && (
        <section>
          <h4>Flow</h4>
          <ul>{diff.flow.map((c, i) => <li key={i} className="hist-change">{describeChange(c)}</li>)}</ul>
        </section>
      )}
      {added.length > 0 && (
        <section>
          <h4>Added</h4>
          <ul>{added.map((n) => <li key={n.id} className="hist-added">{name(n)}</li>)}</ul>
        </section>
      )}
      {removed.length > 0 && (
        <section>
          <h4>Removed</h4>
          <ul>{removed.map((n) => <li key={n.id} className="hist-removed">{name(n)}</li>)}</ul>
        </section>
      )}
      {changed.length > 0 && (
        <section>
          <h4>Changed</h4>
          <ul>
            {changed.map((n) => (
              <li key={n.id} className="hist-changed">
                {name(n)}
                <ul className="hist-details">
                  {n.fields.map((c, i) => <li key={`f${i}`} className="hist-change">{describeChange(c)}</li>)}
                  {n.exits.map((x) => <li key={`x${x.exit}`} className="hist-rewired">exit {describeExitChange(x)}</li>)}
                  {n.settings.map((c, i) => <li key={`s${i}`} className="hist-change">{describeChange(c, '/settings')}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function download(e: AuditEntry): void {
  const url = URL.createObjectURL(new Blob([e.replacedDraft ?? ''], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = replacedDraftFile(e);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
