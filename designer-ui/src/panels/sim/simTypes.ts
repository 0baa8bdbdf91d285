/**
 * The simulator API's shapes as the server sends them (ivr-app's sim package: CallView, InteractiveCall's events,
 * SimRequests' bodies). Event data arrives as parsed JSON and is read defensively by the reducer.
 */

/** A channel action the flow asked for: play, collectDigits, bridge, queue... with its detail. */
export interface SimChannelAction {
  action: string;
  detail: Record<string, unknown>;
}

/** What the flow waits for (the `waiting` event, and CallView.waiting). */
export interface Waiting {
  node: string | null;
  flowId?: string | null;
  expecting: 'digits' | 'speech' | 'input' | string;
  minDigits?: number | null;
  maxDigits?: number | null;
  terminators?: string | null;
  digitsToo?: boolean | null;
  language?: string | null;
}

/** POST /api/sim/calls, /input, /hangup and GET /api/sim/calls/{id} answer this. */
export interface CallView {
  callId: string;
  flowId: string;
  version: number | 'draft';
  state: 'waiting' | 'running' | 'ended' | string;
  ended: boolean;
  endReason: string | null;
  currentNode: string | null;
  waiting: Waiting | null;
  path: string[];
  heard: string[];
  actions: SimChannelAction[];
  variables: Record<string, unknown>;
  language: string | null;
  startedAt: string;
  clock: string;
  duration: string;
  lastEventId: number;
}

/** One server-sent event of a call's stream: its id (1, 2, 3... in the call), its name and its parsed data. */
export interface SimEvent {
  id: number;
  name: string;
  data: unknown;
}

/** The events the stream sends (SimController / InteractiveCall). */
export const SIM_EVENT_NAMES = [
  'started', 'node', 'exit', 'heard', 'action', 'caller', 'input', 'decision', 'failed', 'fallback', 'limit',
  'variables', 'language', 'waiting', 'ended',
] as const;

/** Scripted outcomes of the world outside the flow (SimWorld): each list is consumed in order. */
export interface SimWorldBody {
  bridge?: string[];
  queue?: string[];
  http?: unknown[];
  recordSeconds?: number;
  speechFails?: boolean;
}

/** The body of POST /api/sim/calls. */
export interface StartBody {
  flowId: string;
  version: number | 'draft';
  callerNumber?: string;
  calledNumber?: string;
  at?: string;
  world?: SimWorldBody;
}

/** The body of POST /api/sim/calls/{id}/input: exactly one of these. */
export type CallerInput = { digits: string } | { speech: string; confidence?: number } | { silence: true };
