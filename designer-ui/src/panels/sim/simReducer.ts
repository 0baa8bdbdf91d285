/**
 * A simulated call as the panel shows it, folded from the server's event stream: the transcript lines, the path
 * on the canvas (nodes entered, the current node, the exits taken), the variables and how the call ended.
 * Pure, so every event sequence can be tested without a browser. The stream replays from the start when it
 * reconnects, so an event seen before (by id) is ignored, and events of an earlier call are dropped.
 */
import type { Overlay } from '../../store/editor';
import type { CallView, SimEvent, Waiting } from './simTypes';

export type SimPhase = 'idle' | 'starting' | 'running' | 'waiting' | 'ended';

export type LineKind =
  | 'started' | 'node' | 'exit' | 'heard' | 'action' | 'caller' | 'input' | 'decision' | 'failed' | 'fallback'
  | 'limit' | 'language' | 'ended';

export interface SimLine {
  /** The event's id: unique in the call, so it keys the list. */
  id: number;
  kind: LineKind;
  text: string;
  /** The node the line is about, when it is one of the open flow's (the panel selects it on click). */
  nodeId?: string;
  /** For heard lines: speech (TTS text), file or tone. */
  audio?: 'speech' | 'file' | 'tone';
}

export interface TakenExit {
  source: string;
  exit: string;
}

export interface SimState {
  phase: SimPhase;
  callId: string | null;
  /** The flow called; nodes of other flows (subflows) are in the transcript but not on the canvas path. */
  flowId: string | null;
  version: number | 'draft' | null;
  lines: SimLine[];
  path: string[];
  current: string | null;
  exits: TakenExit[];
  variables: Record<string, unknown>;
  waiting: Waiting | null;
  endReason: string | null;
  duration: string | null;
  lastEventId: number;
}

export type SimAction =
  | { type: 'starting' }
  | { type: 'started'; view: CallView }
  | { type: 'event'; callId: string; event: SimEvent }
  | { type: 'view'; view: CallView }
  | { type: 'clear' };

/** A long call keeps its newest lines only, so the panel stays light. */
export const MAX_LINES = 2000;

const EMPTY_VARIABLES: Record<string, unknown> = {};

export const initialSimState: SimState = {
  phase: 'idle', callId: null, flowId: null, version: null, lines: [], path: [], current: null, exits: [],
  variables: EMPTY_VARIABLES, waiting: null, endReason: null, duration: null, lastEventId: 0,
};

export function simReducer(state: SimState, action: SimAction): SimState {
  switch (action.type) {
    case 'clear':
      return initialSimState;
    case 'starting':
      return { ...initialSimState, phase: 'starting' };
    case 'started': {
      const v = action.view;
      return { ...initialSimState, callId: v.callId, flowId: v.flowId, version: v.version, ...viewStatus(v) };
    }
    case 'view': {
      const v = action.view;
      // An answer older than the events already shown (or of another call) would move the call backwards.
      if (v.callId !== state.callId || v.lastEventId < state.lastEventId || state.phase === 'ended') return state;
      return { ...state, ...viewStatus(v), variables: v.variables };
    }
    case 'event':
      if (action.callId !== state.callId || action.event.id <= state.lastEventId) return state;
      return onEvent({ ...state, lastEventId: action.event.id }, action.event);
  }
}

function viewStatus(v: CallView): Pick<SimState, 'phase' | 'waiting' | 'endReason'> {
  const phase: SimPhase = v.ended || v.state === 'ended' ? 'ended' : v.state === 'waiting' ? 'waiting' : 'running';
  return { phase, waiting: phase === 'waiting' ? v.waiting : null, endReason: v.endReason };
}

function onEvent(state: SimState, event: SimEvent): SimState {
  const d = record(event.data);
  const id = event.id;
  switch (event.name) {
    case 'started': {
      const flowId = str(d.flowId) ?? state.flowId;
      const parts = [`version ${String(d.version ?? state.version ?? '?')}`];
      if (str(d.callerNumber)) parts.push(`from ${str(d.callerNumber)}`);
      if (str(d.calledNumber)) parts.push(`to ${str(d.calledNumber)}`);
      if (str(d.at)) parts.push(`at ${str(d.at)}`);
      return line({ ...state, flowId }, { id, kind: 'started', text: `Call started: ${parts.join(', ')}` });
    }
    case 'node': {
      const nodeId = str(d.nodeId);
      if (!nodeId) return state;
      const subflow = d.subflow === true;
      const label = str(d.label);
      const type = str(d.type);
      const name = subflow ? `${str(d.flowId) ?? '?'}/${nodeId}` : nodeId;
      const text = `${label ? `${label} (${name})` : name}${type ? ` · ${type}` : ''}`;
      const next = subflow ? state : { ...state, path: [...state.path, nodeId], current: nodeId };
      return line(running(next), subflow ? { id, kind: 'node', text } : { id, kind: 'node', text, nodeId });
    }
    case 'exit': {
      const nodeId = str(d.nodeId);
      const exit = str(d.exit);
      if (!nodeId || !exit) return state;
      const via = str(d.via);
      const target = str(d.target);
      const ours = isOurs(state, d);
      const wired = via ?? exit;
      const taken = ours && !state.exits.some((e) => e.source === nodeId && e.exit === wired)
        ? [...state.exits, { source: nodeId, exit: wired }] : state.exits;
      const text = `${ours ? nodeId : `${str(d.flowId) ?? '?'}/${nodeId}`} took ${exit}${via ? ` (wired as ${via})` : ''} → ${target ?? 'end of the call'}`;
      return line({ ...state, exits: taken }, ours ? { id, kind: 'exit', text, nodeId } : { id, kind: 'exit', text });
    }
    case 'heard': {
      const heard = str(d.text) ?? '';
      return line(state, { id, kind: 'heard', ...describeHeard(heard) });
    }
    case 'action': {
      const name = str(d.action) ?? '?';
      // What a play action plays is already on the transcript as heard lines.
      if (name === 'play') return state;
      const detail = formatDetail(d.detail);
      return line(state, { id, kind: 'action', text: detail ? `${name}: ${detail}` : name });
    }
    case 'caller':
      return line({ ...running(state), waiting: null }, { id, kind: 'caller', text: describeCaller(d) });
    case 'input':
    case 'decision':
    case 'failed':
    case 'fallback':
    case 'limit': {
      const nodeId = str(d.nodeId);
      const detail = formatDetail(d.detail);
      const text = `${nodeId ?? 'call'}: ${detail || event.name}`;
      return line(state, nodeId && isOurs(state, d) ? { id, kind: event.name, text, nodeId } : { id, kind: event.name, text });
    }
    case 'variables':
      return { ...state, variables: d };
    case 'language':
      return line(state, { id, kind: 'language', text: `Language is now ${str(d.language) ?? '?'}` });
    case 'waiting':
      return state.phase === 'ended' ? state : { ...state, phase: 'waiting', waiting: waitingOf(d) };
    case 'ended': {
      const reason = str(d.reason) ?? 'ended';
      const duration = str(d.duration);
      // Should the replay have lost the first node events, the final path still comes whole.
      const path = state.path.length === 0 && Array.isArray(d.path)
        ? d.path.filter((p): p is string => typeof p === 'string' && !p.includes('/')) : state.path;
      const ended = { ...state, phase: 'ended' as const, waiting: null, endReason: reason, duration, path };
      return line(ended, { id, kind: 'ended', text: `Call ended: ${reason}${duration ? ` (${formatDuration(duration)})` : ''}` });
    }
    default:
      return state;
  }
}

function running(state: SimState): SimState {
  return state.phase === 'ended' || state.phase === 'running' ? state : { ...state, phase: 'running', waiting: null };
}

function line(state: SimState, l: SimLine): SimState {
  const lines = state.lines.length >= MAX_LINES ? [...state.lines.slice(state.lines.length - MAX_LINES + 1), l] : [...state.lines, l];
  return { ...state, lines };
}

/** A line of a subflow names its flow; the open flow's nodes are the only ones the canvas can show. */
function isOurs(state: SimState, d: Record<string, unknown>): boolean {
  const flowId = str(d.flowId);
  return !flowId || !state.flowId || flowId === state.flowId;
}

function waitingOf(d: Record<string, unknown>): Waiting {
  return {
    node: str(d.node), flowId: str(d.flowId), expecting: str(d.expecting) ?? 'input',
    minDigits: num(d.minDigits), maxDigits: num(d.maxDigits), terminators: str(d.terminators),
    digitsToo: typeof d.digitsToo === 'boolean' ? d.digitsToo : null, language: str(d.language),
  };
}

/** What the caller hears: TTS text as it is, `file:...` and `tone:...` as what they are. */
export function describeHeard(heard: string): { text: string; audio: 'speech' | 'file' | 'tone' } {
  if (heard.startsWith('file:')) return { text: `Audio file ${heard.slice(5)}`, audio: 'file' };
  if (heard.startsWith('tone:')) return { text: `Tone ${heard.slice(5)}`, audio: 'tone' };
  return { text: heard, audio: 'speech' };
}

function describeCaller(d: Record<string, unknown>): string {
  if (typeof d.digits === 'string') return `Caller pressed ${d.digits}`;
  if (typeof d.speech === 'string') {
    const c = num(d.confidence);
    return `Caller said “${d.speech}”${c !== null ? ` (confidence ${c})` : ''}`;
  }
  if (d.silence === true) return 'Caller stayed silent';
  if (d.hangup === true) return 'Caller hung up';
  return 'Caller did something';
}

/** What the flow waits for, in words: "digits (1–4, ends with #)", "speech (or keys)". */
export function describeWaiting(w: Waiting | null): string {
  if (!w) return '';
  if (w.expecting === 'digits') {
    const range = w.minDigits != null && w.maxDigits != null
      ? w.minDigits === w.maxDigits ? `${w.minDigits}` : `${w.minDigits}–${w.maxDigits}` : '';
    const parts = [range, w.terminators ? `ends with ${w.terminators}` : ''].filter(Boolean);
    return `digits${parts.length ? ` (${parts.join(', ')})` : ''}`;
  }
  if (w.expecting === 'speech') return `speech${w.digitsToo ? ' or keys' : ''}${w.language ? ` in ${w.language}` : ''}`;
  return 'the caller';
}

/** A journal detail or action detail as one short line: "decision: closed, reason: after hours". */
export function formatDetail(detail: unknown, max = 240): string {
  if (detail === null || detail === undefined) return '';
  const text = typeof detail === 'object' && !Array.isArray(detail)
    ? Object.entries(detail as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')
    : formatValue(detail);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map(String).join(', ');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

/** ISO-8601 durations as the server writes them (PT36S, PT1M5.5S) in words; anything else as it is. */
export function formatDuration(iso: string): string {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso);
  if (!m || iso === 'PT') return iso;
  const [, h, min, s] = m;
  const parts = [h ? `${h} h` : '', min ? `${min} min` : '', s ? `${Number(s)} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}

/** The canvas overlay of a call: nothing before the first call or after "Clear", else its path so far. */
export function simOverlay(s: Pick<SimState, 'callId' | 'path' | 'current' | 'exits'>): Overlay {
  if (s.callId === null && s.path.length === 0) return { kind: 'none' };
  return s.current ? { kind: 'sim', path: s.path, current: s.current, exits: s.exits } : { kind: 'sim', path: s.path, exits: s.exits };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
