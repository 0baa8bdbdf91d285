import { describe, expect, test } from 'vitest';
import { SimLink, type EventStream, type SimHttp } from './simLink';
import type { SimAction } from './simReducer';
import type { CallView } from './simTypes';

const view = (patch: Partial<CallView> = {}): CallView => ({
  callId: 'c1', flowId: 'f', version: 'draft', state: 'waiting', ended: false, endReason: null, currentNode: 'menu',
  waiting: null, path: [], heard: [], actions: [], variables: {}, language: null, startedAt: '', clock: '', duration: 'PT0S',
  lastEventId: 3, ...patch,
});

const flush = () => new Promise((r) => setTimeout(r, 0));

class FakeStream implements EventStream {
  readonly listeners = new Map<string, (e: MessageEvent<string>) => void>();
  onerror: ((e: Event) => void) | null = null;
  readyState = 1;
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(name: string, listener: (e: MessageEvent<string>) => void): void {
    this.listeners.set(name, listener);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(name: string, id: number, data: unknown): void {
    this.listeners.get(name)?.({ data: JSON.stringify(data), lastEventId: String(id) } as MessageEvent<string>);
  }
}

/** An API that records each request and answers with the next reply (a CallView or an error to throw). */
class FakeHttp implements SimHttp {
  readonly requests: { method: string; path: string; body?: unknown }[] = [];
  private readonly gates: (() => void)[] = [];
  constructor(private readonly answer: (path: string, body: unknown) => CallView, private readonly held = false) {}
  post<T>(path: string, body?: unknown): Promise<{ data: T }> {
    this.requests.push({ method: 'POST', path, body });
    return this.reply<T>(path, body);
  }
  get<T>(path: string): Promise<{ data: T }> {
    this.requests.push({ method: 'GET', path });
    return this.reply<T>(path, undefined);
  }
  release(): void {
    for (const g of this.gates.splice(0)) g();
  }
  private reply<T>(path: string, body: unknown): Promise<{ data: T }> {
    const result = () => ({ data: this.answer(path, body) as T });
    if (!this.held || path === '/api/sim/calls') return Promise.resolve().then(result);
    return new Promise((resolve) => this.gates.push(() => resolve(result())));
  }
}

function setUp(answer: (path: string, body: unknown) => CallView = () => view(), held = false) {
  const streams: FakeStream[] = [];
  const http = new FakeHttp(answer, held);
  const link = new SimLink(http, (url) => {
    const s = new FakeStream(url);
    streams.push(s);
    return s;
  });
  const actions: SimAction[] = [];
  const problems: string[] = [];
  link.attach((a) => actions.push(a), (_e, what) => problems.push(what));
  return { link, http, streams, actions, problems };
}

describe('SimLink', () => {
  test('shouldFollowTheEventsOfTheCallItStarted', async () => {
    // Given a started call
    const { link, streams, actions } = setUp();
    await link.start({ flowId: 'f', version: 'draft' });
    // When its stream sends a node event
    streams[0]?.emit('node', 1, { nodeId: 'menu' });
    // Then the reducer gets it for that call
    expect(streams[0]?.url).toBe('/api/sim/calls/c1/events');
    expect(actions.map((a) => a.type)).toEqual(['starting', 'started', 'event']);
    expect(actions[2]).toEqual({ type: 'event', callId: 'c1', event: { id: 1, name: 'node', data: { nodeId: 'menu' } } });
  });

  test('shouldCloseTheStreamWhenTheCallEnds', async () => {
    const { link, streams } = setUp();
    await link.start({ flowId: 'f', version: 'draft' });
    streams[0]?.emit('ended', 9, { reason: 'hangup' });
    expect(streams[0]?.closed).toBe(true);
    expect(link.active).toBe(false);
  });

  test('shouldSendQuickKeyPressesInTheOrderTheyWereMade', async () => {
    // Given a call whose input answers are held back
    const { link, http } = setUp(() => view(), true);
    await link.start({ flowId: 'f', version: 'draft' });
    // When three keys are pressed before any answer
    const sent = [link.send({ digits: '1' }), link.send({ digits: '2' }), link.send({ digits: '#' })];
    await flush();
    // Then only the first is on its way; the next go one by one as each is answered
    expect(http.requests.filter((r) => r.path.endsWith('/input')).map((r) => r.body)).toEqual([{ digits: '1' }]);
    for (let i = 0; i < 3; i++) {
      await flush();
      http.release();
      await sent[i];
    }
    expect(http.requests.filter((r) => r.path.endsWith('/input')).map((r) => r.body)).toEqual([{ digits: '1' }, { digits: '2' }, { digits: '#' }]);
  });

  test('shouldHangUpACallStillInProgressWhenClosed', async () => {
    // Given a waiting call
    const { link, http, streams } = setUp();
    await link.start({ flowId: 'f', version: 'draft' });
    // When the panel closes
    link.close();
    // Then the stream is closed and the call hung up
    expect(streams[0]?.closed).toBe(true);
    expect(http.requests.at(-1)).toEqual({ method: 'POST', path: '/api/sim/calls/c1/hangup', body: undefined });
    expect(await link.send({ digits: '1' })).toBeNull();
  });

  test('shouldNotHangUpACallThatHasEnded', async () => {
    const { link, http } = setUp(() => view({ state: 'ended', ended: true, endReason: 'done' }));
    await link.start({ flowId: 'f', version: 'draft' });
    link.close();
    expect(http.requests.map((r) => r.path)).toEqual(['/api/sim/calls']);
  });

  test('shouldClearThePanelAndRethrowWhenTheServerRefusesTheCall', async () => {
    const { link, actions } = setUp(() => {
      throw new Error('the flow does not validate');
    });
    await expect(link.start({ flowId: 'f', version: 'draft' })).rejects.toThrow('the flow does not validate');
    expect(actions.map((a) => a.type)).toEqual(['starting', 'clear']);
  });

  test('shouldAskForTheCallsStateWhenTheStreamGivesUp', async () => {
    // Given a call whose stream fails for good
    const { link, http, streams, actions, problems } = setUp((path) => (path.endsWith('/c1') ? view({ state: 'ended', ended: true, lastEventId: 9 }) : view()));
    await link.start({ flowId: 'f', version: 'draft' });
    const stream = streams[0];
    if (!stream) throw new Error('no stream');
    stream.readyState = 2;
    stream.onerror?.(new Event('error'));
    await flush();
    // Then the problem is reported and the call's state is read once
    expect(problems).toEqual(['The call’s events stopped']);
    expect(http.requests.at(-1)).toEqual({ method: 'GET', path: '/api/sim/calls/c1' });
    expect(actions.at(-1)).toMatchObject({ type: 'view', view: { ended: true } });
  });

  test('shouldHangUpACallThatAnswersAfterThePanelWasClosed', async () => {
    // Given a call being started
    const { link, http, streams, actions } = setUp();
    const started = link.start({ flowId: 'f', version: 'draft' });
    // When the panel goes away before the server answers
    link.detach();
    await started;
    // Then the new call is hung up and not followed
    expect(http.requests.map((r) => r.path)).toEqual(['/api/sim/calls', '/api/sim/calls/c1/hangup']);
    expect(streams).toEqual([]);
    expect(actions.map((a) => a.type)).toEqual(['starting']);
  });

  test('shouldIgnoreARetryingStream', async () => {
    const { link, streams, problems } = setUp();
    await link.start({ flowId: 'f', version: 'draft' });
    streams[0]?.onerror?.(new Event('error'));
    expect(problems).toEqual([]);
  });
});
