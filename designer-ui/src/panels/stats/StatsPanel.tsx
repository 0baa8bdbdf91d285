/**
 * Per-node statistics of a published version over a period, from the call journal: a heatmap on the canvas
 * (drawn by the canvas from the overlay set here) and a table of entries, exits, drop-offs, timeouts, invalid
 * inputs and dwell times.
 */
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { api } from '../../api/client';
import { noticeOf, useEditor, type Editor, type Notice } from '../../store/editor';
import { PERIODS, isPeriodKind, periodLabel, periodRange, statsPath, type PeriodKind } from './period';
import { countOf, formatDwell, isEmpty, statsOverlay, statsRows } from './statsOverlay';
import type { FlowStats } from './statsTypes';
import './stats.css';

export function StatsPanel({ editor }: { editor: Editor }): JSX.Element {
  const doc = useEditor(editor, (s) => s.doc);
  const [version, setVersion] = useState('');
  const [period, setPeriod] = useState<PeriodKind>('24h');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [stats, setStats] = useState<{ data: FlowStats; label: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<Notice | null>(null);
  const mounted = useRef(false);
  const loadSeq = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (editor.getState().overlay.kind === 'stats') editor.setOverlay({ kind: 'none' });
    };
  }, [editor]);

  const versions = useEditor(editor, (st) => st.versions);
  const versionsError = useEditor(editor, (st) => st.versionsError);
  useEffect(() => {
    // The newest version unless the one chosen is still listed.
    if (!versions) return;
    const newest = versions[0];
    setVersion((v) => (v && versions.some((x) => String(x.version) === v) ? v : newest ? String(newest.version) : ''));
  }, [versions]);

  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label ?? null])), [doc]);
  const rows = useMemo(() => (stats ? statsRows(stats.data, (id) => labels.get(id)) : []), [stats, labels]);

  async function load(): Promise<void> {
    const v = Number(version);
    if (!Number.isInteger(v) || v < 1) return;
    const range = periodRange(period, new Date(), custom);
    if (!range.ok) {
      setProblem({ kind: 'error', text: range.error });
      return;
    }
    const seq = ++loadSeq.current;
    setProblem(null);
    setLoading(true);
    try {
      const r = await api.get<FlowStats>(statsPath(editor.flowId, v, range));
      if (!mounted.current || seq !== loadSeq.current) return;
      const label = `v${v} · ${periodLabel(period, range, when)}`;
      setStats({ data: r.data, label });
      editor.setOverlay(statsOverlay(r.data, label));
    } catch (e) {
      if (seq === loadSeq.current) setProblem(noticeOf(e, 'No statistics'));
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
  }

  function clear(): void {
    loadSeq.current++;
    setLoading(false);
    setStats(null);
    if (editor.getState().overlay.kind === 'stats') editor.setOverlay({ kind: 'none' });
  }

  const noVersions = versions !== null && versions.length === 0;

  return (
    <section className="stats" aria-label="Statistics">
      <form
        className="stats-bar"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label className="stats-field">
          <span>Version</span>
          <span className="stats-inline">
            <select data-testid="stats-version" value={version} onChange={(e) => setVersion(e.target.value)} disabled={noVersions}>
              {version === '' && <option value="">—</option>}
              {versions?.map((v, i) => (
                <option key={v.version} value={String(v.version)}>v{v.version}{i === 0 ? ' (live)' : ''}</option>
              ))}
            </select>
            <button type="button" className="stats-icon" title="List the published versions again" aria-label="List the published versions again" onClick={() => void editor.loadVersions()}>↻</button>
          </span>
        </label>
        <label className="stats-field">
          <span>Period</span>
          <select data-testid="stats-period" value={period} onChange={(e) => isPeriodKind(e.target.value) && setPeriod(e.target.value)}>
            {PERIODS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          </select>
        </label>
        {period === 'custom' && (
          <>
            <label className="stats-field">
              <span>From</span>
              <input data-testid="stats-from" type="datetime-local" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label className="stats-field">
              <span>To (empty: now)</span>
              <input data-testid="stats-to" type="datetime-local" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
          </>
        )}
        <button data-testid="stats-load" type="submit" className="stats-primary" disabled={loading || !version}>
          {loading ? 'Loading…' : 'Load'}
        </button>
        {stats && <button type="button" onClick={clear}>Clear</button>}
        {stats && !isEmpty(stats.data) && (
          <span className="stats-summary" data-testid="stats-summary">
            {stats.label}: {stats.data.calls} {stats.data.calls === 1 ? 'call' : 'calls'}
            {stats.data.started !== stats.data.calls ? ` (${stats.data.started} started here)` : ''}
          </span>
        )}
      </form>

      {(problem ?? versionsError) && (
        <div className="stats-problem" role="alert">
          <span>{(problem ?? versionsError)?.text}</span>
          {(problem ?? versionsError)?.details?.length ? <ul>{(problem ?? versionsError)?.details?.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
          <button type="button" className="stats-icon" aria-label="Dismiss" onClick={() => setProblem(null)}>×</button>
        </div>
      )}

      <div className="stats-body">
        {noVersions && <p className="stats-muted">This flow has no published version yet: statistics come from the calls of published versions.</p>}
        {!noVersions && !stats && (
          <p className="stats-muted">Choose a version and a period, then Load: the canvas turns into a heatmap of where calls went.</p>
        )}
        {stats && isEmpty(stats.data) && (
          <p className="stats-empty" data-testid="stats-empty">No calls in this period ({stats.label}): every node shows 0 on the canvas.</p>
        )}
        {stats && !isEmpty(stats.data) && (
          <table data-testid="stats-table" className="stats-table">
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col" className="stats-num">Entries</th>
                <th scope="col">Exits taken</th>
                <th scope="col" className="stats-num" title="The caller hung up in this node">Hung up</th>
                <th scope="col" className="stats-num" title="No answer in time, per try">Timeouts</th>
                <th scope="col" className="stats-num" title="An answer that was not valid, per try">Invalid</th>
                <th scope="col" className="stats-num" title="The node failed (error exit or the flow's fallback)">Failures</th>
                <th scope="col" className="stats-num" title="Median time in the node per visit (90th percentile in the tooltip)">Median dwell</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="stats-node">
                    {labels.has(r.id) ? (
                      <button type="button" className="stats-link" title="Select on the canvas" onClick={() => editor.select([r.id])}>{r.label ?? r.id}</button>
                    ) : (
                      <span title="Not in the draft">{r.id}</span>
                    )}
                    {(r.label || r.type) && <span className="stats-meta">{[r.label ? r.id : null, r.type].filter(Boolean).join(' · ')}</span>}
                  </th>
                  <td className="stats-num">
                    <span className="stats-bar-cell">
                      <span className="stats-bar-fill" style={{ width: `${Math.round(r.share * 100)}%` }} />
                      <span className="stats-bar-text">{r.entries}</span>
                    </span>
                  </td>
                  <td>
                    <ul className="stats-exits">
                      {r.exits.map(([exit, n]) => <li key={exit}><span className="stats-exit">{exit}</span> {n}</li>)}
                    </ul>
                  </td>
                  <td className="stats-num stats-drop">{countOf(r.hangups, r.entries)}</td>
                  <td className="stats-num">{countOf(r.timeouts, r.entries)}</td>
                  <td className="stats-num">{countOf(r.invalid, r.entries)}</td>
                  <td className="stats-num stats-drop">{countOf(r.failures, r.entries)}</td>
                  <td className="stats-num" title={r.visits ? `${r.visits} visits measured; 90th percentile ${formatDwell(r.p90Ms)}${r.exact ? '' : ' (sampled)'}` : 'No visit measured'}>
                    {formatDwell(r.medianMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
