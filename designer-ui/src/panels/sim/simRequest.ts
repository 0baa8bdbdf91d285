/**
 * The panel's form turned into the simulator's request bodies: the version, the caller, the simulated date and
 * time (a local date-time input given the browser's offset at that date, for calendar testing) and the scripted
 * outcomes of the world. Problems are found here, before the server sees the request.
 */
import type { CallerInput, SimWorldBody, StartBody } from './simTypes';

export const BRIDGE_OUTCOMES = ['answered', 'busy', 'noAnswer', 'failed'] as const;
export const QUEUE_OUTCOMES = ['answered', 'timeout', 'noAgents', 'full', 'abandoned', 'callback', 'hangup'] as const;
const MAX_RECORD_SECONDS = 3600;

/** The telephone keypad, in its layout order. */
export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
export type Key = (typeof KEYS)[number];

/** `sim-key-1`, ..., `sim-key-star`, `sim-key-hash`: ids that are safe in selectors. */
export function keyTestId(key: Key): string {
  return `sim-key-${key === '*' ? 'star' : key === '#' ? 'hash' : key}`;
}

export function isKey(s: string): s is Key {
  return (KEYS as readonly string[]).includes(s);
}

/** The "scripted outcomes" form: lists as comma-separated words, the HTTP replies as JSON. */
export interface WorldForm {
  bridge: string;
  queue: string;
  http: string;
  recordSeconds: string;
  speechFails: boolean;
}

export const emptyWorld: WorldForm = { bridge: '', queue: '', http: '', recordSeconds: '', speechFails: false };

export interface CallForm {
  /** "draft" or a published version number as text (a select's value). */
  version: string;
  callerNumber: string;
  calledNumber: string;
  /** A datetime-local value ("2026-03-02T10:00"), or empty for now. */
  at: string;
  world: WorldForm;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * The body of POST /api/sim/calls. `offsetAt` gives the offset in minutes east of UTC at a local date-time:
 * the browser's (see {@link browserOffsetMinutes}), injected so the conversion is tested in any time zone.
 */
export function startBody(flowId: string, form: CallForm, offsetAt: (local: string) => number): Parsed<StartBody> {
  const errors: string[] = [];
  let version: number | 'draft' = 'draft';
  if (form.version !== 'draft') {
    const n = Number(form.version);
    if (Number.isInteger(n) && n >= 1) version = n;
    else errors.push(`Version: "${form.version}" is not a published version.`);
  }
  const body: StartBody = { flowId, version };
  const caller = form.callerNumber.trim();
  if (caller) body.callerNumber = caller;
  const called = form.calledNumber.trim();
  if (called) body.calledNumber = called;
  if (form.at.trim()) {
    const at = withOffset(form.at.trim(), offsetAt(form.at.trim()));
    if (at) body.at = at;
    else errors.push(`Date and time: "${form.at}" is not a date and time.`);
  }
  const world = parseWorld(form.world);
  if (!world.ok) errors.push(...world.errors);
  else if (world.value) body.world = world.value;
  return errors.length ? { ok: false, errors } : { ok: true, value: body };
}

/** "2026-03-02T10:00" and +60 minutes → "2026-03-02T10:00:00+01:00"; null when the text is not a local date-time. */
export function withOffset(local: string, offsetMinutes: number): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(local);
  if (!m || !Number.isFinite(offsetMinutes)) return null;
  const [, date, hh, mm, ss, fraction] = m;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(offsetMinutes));
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${date}T${hh}:${mm}:${ss ?? '00'}${fraction ?? ''}${offset}`;
}

/** The browser's offset east of UTC, in minutes, at that local date-time (so summer time is right). */
export function browserOffsetMinutes(local: string): number {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? -new Date().getTimezoneOffset() : -d.getTimezoneOffset();
}

/** The scripted world, or nothing when the form is empty (the server's defaults then apply). */
export function parseWorld(form: WorldForm): Parsed<SimWorldBody | null> {
  const errors: string[] = [];
  const world: SimWorldBody = {};
  const bridge = outcomes(form.bridge, BRIDGE_OUTCOMES, 'Transfer outcomes', errors);
  if (bridge) world.bridge = bridge;
  const queue = outcomes(form.queue, QUEUE_OUTCOMES, 'Queue outcomes', errors);
  if (queue) world.queue = queue;
  if (form.recordSeconds.trim()) {
    const n = Number(form.recordSeconds.trim());
    if (Number.isInteger(n) && n >= 0 && n <= MAX_RECORD_SECONDS) world.recordSeconds = n;
    else errors.push(`Recording length: a whole number of seconds from 0 to ${MAX_RECORD_SECONDS}, not "${form.recordSeconds.trim()}".`);
  }
  if (form.speechFails) world.speechFails = true;
  if (form.http.trim()) {
    try {
      const parsed: unknown = JSON.parse(form.http);
      if (Array.isArray(parsed)) world.http = parsed;
      else errors.push('HTTP replies: a JSON list such as [{"status": 200, "body": {"vip": true}}, {"timeout": true}].');
    } catch (e) {
      errors.push(`HTTP replies: not JSON (${(e as Error).message}).`);
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: Object.keys(world).length ? world : null };
}

function outcomes(text: string, allowed: readonly string[], what: string, errors: string[]): string[] | null {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return null;
  const unknown = words.filter((w) => !allowed.includes(w));
  if (unknown.length) {
    errors.push(`${what}: ${unknown.map((w) => `"${w}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of ${allowed.join(', ')}.`);
    return null;
  }
  return words;
}

/** What the caller says, or null when there is nothing to send. */
export function speechInput(text: string): CallerInput | null {
  const speech = text.trim();
  return speech ? { speech } : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
