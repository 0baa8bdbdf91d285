import { describe, expect, test } from 'vitest';
import {
  MAX_LINES, describeHeard, describeWaiting, formatDetail, formatDuration, initialSimState, simOverlay, simReducer,
  type SimAction, type SimState,
} from './simReducer';
import type { CallView } from './simTypes';

const view = (patch: Partial<CallView> = {}): CallView => ({
  callId: 'c1', flowId: 'main-line', version: 'draft', state: 'waiting', ended: false, endReason: null,
  currentNode: 'menu', waiting: { node: 'menu', expecting: 'digits', minDigits: 1, maxDigits: 1 }, path: ['welcome', 'menu'],
  heard: [], actions: [], variables: {}, language: 'en-US', startedAt: '2026-03-02T10:00:00+01:00',
  clock: '2026-03-02T10:00:05+01:00', duration: 'PT5S', lastEventId: 9, ...patch,
});

let seq = 0;
const ev = (name: string, data: unknown, callId = 'c1'): SimAction => ({ type: 'event', callId, event: { id: ++seq, name, data } });

function run(...actions: SimAction[]): SimState {
  return actions.reduce(simReducer, initialSimState);
}

/** A call that enters welcome, then the menu, and waits for a key. */
function startedCall(): SimAction[] {
  seq = 0;
  return [
    { type: 'starting' },
    { type: 'started', view: view() },
    ev('started', { callId: 'c1', flowId: 'main-line', version: 'draft', at: '2026-03-02T10:00:00+01:00', callerNumber: '+12125550147' }),
    ev('node', { nodeId: 'welcome', type: 'say', label: 'Welcome', flowId: 'main-line', subflow: false }),
    ev('heard', { text: 'Welcome to Acme.' }),
    ev('action', { action: 'play', detail: { audio: ['speech:Welcome to Acme.'] } }),
    ev('exit', { nodeId: 'welcome', exit: 'next', target: 'menu', flowId: 'main-line' }),
    ev('node', { nodeId: 'menu', type: 'menu', label: null, flowId: 'main-line', subflow: false }),
    ev('heard', { text: 'file:prompts/menu.wav' }),
    ev('action', { action: 'collectDigits', detail: { min: 1, max: 1, terminators: '#' } }),
    ev('variables', { lang: 'en' }),
    ev('waiting', { node: 'menu', flowId: 'main-line', expecting: 'digits', minDigits: 1, maxDigits: 1, terminators: '#' }),
  ];
}

describe('simReducer', () => {
  test('shouldFollowTheNodesEnteredTheExitsTakenAndWhatTheCallerHeard', () => {
    // Given a call that entered welcome and the menu
    // When its events are folded
    const s = run(...startedCall());
    // Then the path, the current node, the exits and the transcript are the call's
    expect(s.phase).toBe('waiting');
    expect(s.path).toEqual(['welcome', 'menu']);
    expect(s.current).toBe('menu');
    expect(s.exits).toEqual([{ source: 'welcome', exit: 'next' }]);
    expect(s.variables).toEqual({ lang: 'en' });
    expect(s.waiting?.expecting).toBe('digits');
    const heard = s.lines.filter((l) => l.kind === 'heard');
    expect(heard.map((l) => [l.text, l.audio])).toEqual([['Welcome to Acme.', 'speech'], ['Audio file prompts/menu.wav', 'file']]);
    expect(s.lines.map((l) => l.kind)).toEqual(['started', 'node', 'heard', 'exit', 'node', 'heard', 'action']);
    expect(s.lines[1]).toMatchObject({ text: 'Welcome (welcome) · say', nodeId: 'welcome' });
    expect(s.lines[3]?.text).toBe('welcome took next → menu');
    expect(s.lines[6]?.text).toBe('collectDigits: min: 1, max: 1, terminators: #');
  });

  test('shouldKeepTheFinalPathAndTheEndReasonWhenTheCallEnds', () => {
    // Given a waiting call
    // When the caller presses 9, the menu times out to a wired fallback, and the call hangs up
    const s = run(...startedCall(),
      ev('caller', { digits: '9' }),
      ev('input', { nodeId: 'menu', flowId: 'main-line', detail: { digits: '9', try: 1 } }),
      ev('exit', { nodeId: 'menu', exit: 'invalid', target: 'bye', via: 'failure', flowId: 'main-line' }),
      ev('node', { nodeId: 'bye', type: 'hangup', flowId: 'main-line', subflow: false }),
      ev('ended', { reason: 'hangup node', path: ['welcome', 'menu', 'bye'], duration: 'PT12.5S', durationSeconds: 12.5 }));
    // Then the path stays, the exit is the wired one, and the end is said
    expect(s.phase).toBe('ended');
    expect(s.path).toEqual(['welcome', 'menu', 'bye']);
    expect(s.current).toBe('bye');
    expect(s.exits).toContainEqual({ source: 'menu', exit: 'failure' });
    expect(s.endReason).toBe('hangup node');
    expect(s.waiting).toBeNull();
    expect(s.lines.at(-1)?.text).toBe('Call ended: hangup node (12.5 s)');
    expect(s.lines.find((l) => l.kind === 'caller')?.text).toBe('Caller pressed 9');
    expect(s.lines.find((l) => l.kind === 'input')).toMatchObject({ text: 'menu: digits: 9, try: 1', nodeId: 'menu' });
    expect(s.lines.find((l) => l.text.startsWith('menu took'))?.text).toBe('menu took invalid (wired as failure) → bye');
  });

  test('shouldIgnoreAnEventItHasSeenWhenTheStreamReplaysAfterAReconnect', () => {
    // Given a call folded once
    const actions = startedCall();
    const once = run(...actions);
    // When the same events come again (same ids)
    const twice = actions.slice(2).reduce(simReducer, once);
    // Then nothing changed
    expect(twice).toBe(once);
  });

  test('shouldDropEventsOfAnEarlierCallAfterANewOneStarted', () => {
    // Given a call c1 that is running
    const s = run(...startedCall());
    // When a late event of another call arrives
    const after = simReducer(s, ev('node', { nodeId: 'elsewhere', flowId: 'main-line' }, 'c0'));
    // Then it is ignored
    expect(after).toBe(s);
  });

  test('shouldListSubflowNodesInTheTranscriptButNotOnTheCanvasPath', () => {
    // Given a call in the open flow
    // When it runs a subflow's node and takes its exit
    const s = run(...startedCall(),
      ev('node', { nodeId: 'ask-account', type: 'input', label: 'Account', flowId: 'accounts', subflow: true }),
      ev('exit', { nodeId: 'ask-account', exit: 'next', target: null, flowId: 'accounts' }));
    // Then the canvas path has only the open flow's nodes
    expect(s.path).toEqual(['welcome', 'menu']);
    expect(s.current).toBe('menu');
    expect(s.exits).toEqual([{ source: 'welcome', exit: 'next' }]);
    const lines = s.lines.slice(-2);
    expect(lines.map((l) => l.text)).toEqual(['Account (accounts/ask-account) · input', 'accounts/ask-account took next → end of the call']);
    expect(lines.every((l) => l.nodeId === undefined)).toBe(true);
  });

  test('shouldCountAnExitTakenTwiceOnceOnTheCanvas', () => {
    // Given a menu that is retried
    const s = run(...startedCall(),
      ev('exit', { nodeId: 'menu', exit: 'invalid', target: 'menu', flowId: 'main-line' }),
      ev('node', { nodeId: 'menu', flowId: 'main-line' }),
      ev('exit', { nodeId: 'menu', exit: 'invalid', target: 'menu', flowId: 'main-line' }));
    // Then the path repeats the node but the exit is listed once
    expect(s.path).toEqual(['welcome', 'menu', 'menu']);
    expect(s.exits.filter((e) => e.source === 'menu')).toEqual([{ source: 'menu', exit: 'invalid' }]);
  });

  test('shouldTakeTheStateOfAnAnswerOnlyWhenItIsNotOlderThanTheEvents', () => {
    // Given a call whose events went up to id 12
    const s = run(...startedCall());
    // When an older answer comes back, then a newer one
    const older = simReducer(s, { type: 'view', view: view({ state: 'running', lastEventId: 3 }) });
    const newer = simReducer(s, { type: 'view', view: view({ state: 'ended', ended: true, endReason: 'the caller hung up', lastEventId: 20, variables: { x: 1 } }) });
    // Then the older one is ignored and the newer one ends the call
    expect(older).toBe(s);
    expect(newer).toMatchObject({ phase: 'ended', endReason: 'the caller hung up', variables: { x: 1 } });
  });

  test('shouldStartFromTheAnswerWithoutSkippingTheEventsItAlreadyCovers', () => {
    // Given the answer of POST /api/sim/calls, which comes before the events it covers
    const s = simReducer(initialSimState, { type: 'started', view: view({ lastEventId: 9 }) });
    // When the first event arrives
    const after = simReducer(s, { type: 'event', callId: 'c1', event: { id: 1, name: 'node', data: { nodeId: 'welcome', flowId: 'main-line' } } });
    // Then it is shown
    expect(s.phase).toBe('waiting');
    expect(after.path).toEqual(['welcome']);
  });

  test('shouldNotWaitAgainAfterTheCallEnded', () => {
    const ended = run(...startedCall(), ev('ended', { reason: 'limit' }));
    expect(simReducer(ended, ev('waiting', { node: 'menu', expecting: 'digits' })).phase).toBe('ended');
  });

  test('shouldTakeThePathOfTheEndedEventWhenTheReplayLostTheNodeEvents', () => {
    // Given a stream whose first events were beyond the replay buffer
    seq = 100;
    const s = run({ type: 'started', view: view() }, ev('ended', { reason: 'ended', path: ['welcome', 'accounts/ask', 'menu'] }));
    // Then the open flow's nodes of the final path are shown
    expect(s.path).toEqual(['welcome', 'menu']);
  });

  test('shouldKeepOnlyTheNewestLinesOfAVeryLongCall', () => {
    seq = 0;
    let s = simReducer(initialSimState, { type: 'started', view: view() });
    for (let i = 0; i < MAX_LINES + 10; i++) s = simReducer(s, ev('heard', { text: `line ${i}` }));
    expect(s.lines).toHaveLength(MAX_LINES);
    expect(s.lines.at(-1)?.text).toBe(`line ${MAX_LINES + 9}`);
  });

  test('shouldForgetEverythingOnClear', () => {
    expect(simReducer(run(...startedCall()), { type: 'clear' })).toBe(initialSimState);
  });

  test('shouldDescribeWhatTheCallerDid', () => {
    const s = run(...startedCall(), ev('caller', { speech: 'billing please', confidence: 0.9 }), ev('caller', { silence: true }), ev('caller', { hangup: true }));
    expect(s.lines.filter((l) => l.kind === 'caller').map((l) => l.text))
      .toEqual(['Caller said “billing please” (confidence 0.9)', 'Caller stayed silent', 'Caller hung up']);
  });
});

describe('simOverlay', () => {
  test('shouldShowNothingBeforeTheFirstCall', () => {
    expect(simOverlay(initialSimState)).toEqual({ kind: 'none' });
  });

  test('shouldShowThePathTheCurrentNodeAndTheExitsOfACall', () => {
    const s = run(...startedCall());
    expect(simOverlay(s)).toEqual({ kind: 'sim', path: ['welcome', 'menu'], current: 'menu', exits: [{ source: 'welcome', exit: 'next' }] });
  });

  test('shouldShowAnEmptyPathWhileACallStarts', () => {
    const s = simReducer(initialSimState, { type: 'started', view: view() });
    expect(simOverlay(s)).toEqual({ kind: 'sim', path: [], exits: [] });
  });
});

describe('formatting', () => {
  test('shouldSayWhatTheFlowWaitsFor', () => {
    expect(describeWaiting({ node: 'm', expecting: 'digits', minDigits: 1, maxDigits: 4, terminators: '#' })).toBe('digits (1–4, ends with #)');
    expect(describeWaiting({ node: 'm', expecting: 'digits', minDigits: 1, maxDigits: 1 })).toBe('digits (1)');
    expect(describeWaiting({ node: 'a', expecting: 'speech', digitsToo: true, language: 'fr-FR' })).toBe('speech or keys in fr-FR');
    expect(describeWaiting(null)).toBe('');
  });

  test('shouldDescribeTonesAndFilesAsWhatTheyAre', () => {
    expect(describeHeard('tone:%(500,500,440)')).toEqual({ text: 'Tone %(500,500,440)', audio: 'tone' });
    expect(describeHeard('file:/sounds/hold.wav')).toEqual({ text: 'Audio file /sounds/hold.wav', audio: 'file' });
  });

  test('shouldWriteDetailsAsOneShortLine', () => {
    expect(formatDetail({ decision: 'closed', reason: 'after hours', empty: null })).toBe('decision: closed, reason: after hours');
    expect(formatDetail({ audio: ['a', 'b'], body: { x: 1 } })).toBe('audio: a, b, body: {"x":1}');
    expect(formatDetail({ long: 'x'.repeat(300) }, 20)).toHaveLength(20);
    expect(formatDetail(undefined)).toBe('');
  });

  test('shouldWriteIsoDurationsInWords', () => {
    expect(formatDuration('PT36S')).toBe('36 s');
    expect(formatDuration('PT1M5.5S')).toBe('1 min 5.5 s');
    expect(formatDuration('PT0S')).toBe('0 s');
    expect(formatDuration('soon')).toBe('soon');
  });
});
