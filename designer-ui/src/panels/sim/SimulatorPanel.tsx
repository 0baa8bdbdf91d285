/**
 * "Call this flow": a simulated call of the draft (saved first) or of a published version, run by the server's
 * real interpreter. The user plays the caller with a keypad, speech and silence; the panel shows what the caller
 * hears and what the flow does, the variables, and highlights the live path on the canvas.
 */
import { useEffect, useMemo, useReducer, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { noticeOf, useEditor, type Editor, type Notice } from '../../store/editor';
import { SimLink } from './simLink';
import { describeWaiting, formatDuration, initialSimState, simOverlay, simReducer, type LineKind, type SimLine } from './simReducer';
import {
  BRIDGE_OUTCOMES, KEYS, QUEUE_OUTCOMES, browserOffsetMinutes, emptyWorld, isKey, keyTestId, speechInput, startBody,
  type CallForm, type WorldForm,
} from './simRequest';
import type { CallerInput } from './simTypes';
import './sim.css';

const TAGS: Record<LineKind, string> = {
  started: 'call', node: 'node', exit: 'exit', heard: 'hears', action: 'action', caller: 'caller', input: 'input',
  decision: 'decision', failed: 'failed', fallback: 'fallback', limit: 'limit', language: 'language', ended: 'end',
};

export function SimulatorPanel({ editor }: { editor: Editor }): JSX.Element {
  const dirty = useEditor(editor, (s) => s.dirty);
  const readOnly = useEditor(editor, (s) => s.readOnly);
  const busy = useEditor(editor, (s) => s.busy);
  const [sim, dispatch] = useReducer(simReducer, initialSimState);
  const [link] = useState(() => new SimLink());
  const [form, setForm] = useState<CallForm>({ version: 'draft', callerNumber: '', calledNumber: '', at: '', world: emptyWorld });
  const [say, setSay] = useState('');
  const [problem, setProblem] = useState<Notice | null>(null);
  const [starting, setStarting] = useState(false);
  const transcript = useRef<HTMLOListElement>(null);

  useEffect(() => {
    link.attach(dispatch, (e, what) => setProblem(noticeOf(e, what)));
    return () => {
      link.detach();
      if (editor.getState().overlay.kind === 'sim') editor.setOverlay({ kind: 'none' });
    };
  }, [link, editor]);

  const versions = useEditor(editor, (st) => st.versions) ?? [];

  // The canvas follows the call; after "Clear" (or before any call) a path of ours is taken off, another panel's kept.
  const { callId, path, current, exits } = sim;
  const overlay = useMemo(() => simOverlay({ callId, path, current, exits }), [callId, path, current, exits]);
  useEffect(() => {
    if (overlay.kind !== 'none' || editor.getState().overlay.kind === 'sim') editor.setOverlay(overlay);
  }, [editor, overlay]);

  useEffect(() => {
    const list = transcript.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [sim.lines]);

  const live = sim.phase === 'running' || sim.phase === 'waiting';
  const saveFirst = form.version === 'draft' && dirty && !readOnly;

  async function call(): Promise<void> {
    setProblem(null);
    const body = startBody(editor.flowId, form, browserOffsetMinutes);
    if (!body.ok) {
      setProblem({ kind: 'error', text: 'The call cannot start:', details: body.errors });
      return;
    }
    setStarting(true);
    try {
      if (saveFirst && !(await editor.save())) {
        setProblem(editor.getState().notice ?? { kind: 'error', text: 'The draft was not saved, so the call did not start.' });
        return;
      }
      await link.start(body.value);
    } catch (e) {
      setProblem(noticeOf(e, 'The call did not start'));
    } finally {
      setStarting(false);
    }
  }

  function send(input: CallerInput): void {
    setProblem(null);
    link.send(input).catch((e: unknown) => setProblem(noticeOf(e, 'The caller’s step was not sent')));
  }

  function sendSpeech(): void {
    const input = speechInput(say);
    if (!input) return;
    send(input);
    setSay('');
  }

  function hangup(): void {
    link.hangup().catch((e: unknown) => setProblem(noticeOf(e, 'The call was not hung up')));
  }

  function clear(): void {
    link.close();
    dispatch({ type: 'clear' });
    setProblem(null);
  }

  function onKeypadKey(e: KeyboardEvent<HTMLDivElement>): void {
    if (!live || e.altKey || e.ctrlKey || e.metaKey || !isKey(e.key)) return;
    e.preventDefault();
    send({ digits: e.key });
  }

  const setWorld = (patch: Partial<WorldForm>) => setForm((f) => ({ ...f, world: { ...f.world, ...patch } }));
  const variables = Object.entries(sim.variables).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section className="sim" aria-label="Simulator">
      <form
        className="sim-setup"
        onSubmit={(e) => {
          e.preventDefault();
          void call();
        }}
      >
        <label className="sim-field">
          <span>Version</span>
          <span className="sim-inline">
            <select data-testid="sim-version" value={form.version} onChange={(e) => setForm({ ...form, version: e.target.value })}>
              <option value="draft">Draft{dirty ? ' (unsaved changes)' : ''}</option>
              {versions.map((v) => (
                <option key={v.version} value={String(v.version)}>
                  v{v.version}{v.comment ? ` — ${shorten(v.comment, 40)}` : ''}
                </option>
              ))}
            </select>
            <button type="button" className="sim-icon" title="List the published versions again" aria-label="List the published versions again" onClick={() => void editor.loadVersions()}>↻</button>
          </span>
        </label>
        <label className="sim-field">
          <span>Caller number</span>
          <input data-testid="sim-caller" type="tel" value={form.callerNumber} placeholder="+12125550147" maxLength={200}
            onChange={(e) => setForm({ ...form, callerNumber: e.target.value })} />
        </label>
        <label className="sim-field" title="Empty: now. The call runs at this date and time in this browser's time zone (for calendar nodes).">
          <span>Date and time</span>
          <input data-testid="sim-at" type="datetime-local" step={1} value={form.at} onChange={(e) => setForm({ ...form, at: e.target.value })} />
        </label>
        <div className="sim-actions">
          <button data-testid="sim-call" type="submit" className="sim-primary" disabled={starting || busy !== null}
            title={saveFirst ? 'Saves the draft, then calls it' : undefined}>
            {starting ? 'Calling…' : saveFirst ? 'Save and call' : 'Call'}
          </button>
          <button data-testid="sim-clear" type="button" onClick={clear} disabled={starting || (sim.callId === null && sim.lines.length === 0)}
            title={live ? 'Hangs up and clears the transcript and the path' : 'Clears the transcript and the path'}>
            Clear
          </button>
        </div>
        <details className="sim-world">
          <summary>Scripted outcomes</summary>
          <div className="sim-world-grid">
            <label className="sim-field">
              <span>Called number</span>
              <input type="tel" value={form.calledNumber} maxLength={200} onChange={(e) => setForm({ ...form, calledNumber: e.target.value })} />
            </label>
            <label className="sim-field" title={`In order, one per transfer: ${BRIDGE_OUTCOMES.join(', ')}`}>
              <span>Transfers</span>
              <input value={form.world.bridge} placeholder="busy, answered" onChange={(e) => setWorld({ bridge: e.target.value })} />
            </label>
            <label className="sim-field" title={`In order, one per queue: ${QUEUE_OUTCOMES.join(', ')}`}>
              <span>Queues</span>
              <input value={form.world.queue} placeholder="noAgents, answered" onChange={(e) => setWorld({ queue: e.target.value })} />
            </label>
            <label className="sim-field">
              <span>Recording length (s)</span>
              <input type="number" min={0} max={3600} value={form.world.recordSeconds} onChange={(e) => setWorld({ recordSeconds: e.target.value })} />
            </label>
            <label className="sim-check">
              <input type="checkbox" checked={form.world.speechFails} onChange={(e) => setWorld({ speechFails: e.target.checked })} />
              <span>Speech recognition fails</span>
            </label>
            <label className="sim-field sim-wide">
              <span>HTTP replies (JSON list, in order)</span>
              <textarea rows={2} value={form.world.http} placeholder='[{"status": 200, "body": {"vip": true}}, {"timeout": true}]'
                onChange={(e) => setWorld({ http: e.target.value })} />
            </label>
          </div>
        </details>
      </form>

      {problem && (
        <div className="sim-problem" role="alert">
          <span>{problem.text}</span>
          {problem.details && problem.details.length > 0 && (
            <ul>{problem.details.map((d, i) => <li key={i}>{d}</li>)}</ul>
          )}
          <button type="button" className="sim-icon" aria-label="Dismiss" onClick={() => setProblem(null)}>×</button>
        </div>
      )}

      <div className="sim-body">
        <div className="sim-controls">
          <div className="sim-status">
            <span data-testid="sim-state" className={`sim-state sim-state-${sim.phase}`}>{sim.phase}</span>
            <span className="sim-status-text" data-testid="sim-status">
              {sim.phase === 'waiting' && `for ${describeWaiting(sim.waiting)}`}
              {sim.phase === 'ended' && `${sim.endReason ?? ''}${sim.duration ? ` · ${formatDuration(sim.duration)}` : ''}`}
              {sim.phase === 'idle' && 'no call'}
            </span>
          </div>
          <div className="sim-keypad" role="group" aria-label="Keypad (or type 0-9, * and # here)" onKeyDown={onKeypadKey}>
            {KEYS.map((k) => (
              <button key={k} type="button" data-testid={keyTestId(k)} aria-label={`Press ${k}`} disabled={!live} onClick={() => send({ digits: k })}>
                {k}
              </button>
            ))}
          </div>
          <form
            className="sim-say"
            onSubmit={(e) => {
              e.preventDefault();
              sendSpeech();
            }}
          >
            <input data-testid="sim-say-input" aria-label="Caller says" placeholder="Caller says…" value={say} maxLength={1000}
              onChange={(e) => setSay(e.target.value)} disabled={!live} />
            <button data-testid="sim-say-send" type="submit" disabled={!live || !say.trim()}>Send</button>
          </form>
          <div className="sim-row">
            <button data-testid="sim-silence" type="button" disabled={!live} onClick={() => send({ silence: true })}
              title="The caller says and presses nothing: the flow's timeout">
              Silence
            </button>
            <button data-testid="sim-hangup" type="button" className="sim-danger" disabled={!live} onClick={hangup}>Hang up</button>
          </div>
        </div>

        <div className="sim-transcript-box">
          <ol className="sim-transcript" data-testid="sim-transcript" ref={transcript} aria-label="Transcript" aria-live="polite" aria-relevant="additions">
            {sim.lines.map((l) => <TranscriptLine key={l.id} line={l} onSelect={(id) => editor.select([id])} />)}
          </ol>
          {sim.lines.length === 0 && (
            <p className="sim-hint">{sim.phase === 'starting' ? 'Starting the call…' : 'Press Call to ring this flow; what the caller hears shows here.'}</p>
          )}
        </div>

        <div className="sim-vars">
          <table data-testid="sim-variables" className="sim-table">
            <caption>Variables</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Value</th></tr>
            </thead>
            <tbody>
              {variables.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{typeof value === 'string' ? value : JSON.stringify(value)}</td>
                </tr>
              ))}
              {variables.length === 0 && (
                <tr><td colSpan={2} className="sim-muted">none yet</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function TranscriptLine({ line, onSelect }: { line: SimLine; onSelect: (nodeId: string) => void }): JSX.Element {
  const nodeId = line.nodeId;
  return (
    <li className={`sim-line sim-line-${line.kind}`} data-kind={line.kind} data-audio={line.audio}>
      <span className="sim-tag">{TAGS[line.kind]}</span>
      {nodeId && line.kind === 'node' ? (
        <button type="button" className="sim-link" title="Select this node on the canvas" onClick={() => onSelect(nodeId)}>{line.text}</button>
      ) : (
        <span className="sim-text">{line.text}</span>
      )}
    </li>
  );
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
