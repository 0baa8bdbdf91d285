/**
 * The panel's connection to one simulated call at a time: starts it, follows its event stream (an EventSource:
 * the session cookie goes along, and a dropped stream reconnects with Last-Event-ID), sends the caller's steps in
 * the order they were made, and hangs up. Everything it learns goes to the reducer as actions; the browser and
 * the API are injected, so its behaviour is tested without either.
 */
import { api, seg } from '../../api/client';
import type { SimAction } from './simReducer';
import { SIM_EVENT_NAMES, type CallerInput, type CallView, type StartBody } from './simTypes';

/** What the link needs of an EventSource. */
export interface EventStream {
  addEventListener(name: string, listener: (e: MessageEvent<string>) => void): void;
  close(): void;
  onerror: ((e: Event) => void) | null;
  readonly readyState: number;
}

export interface SimHttp {
  post<T>(path: string, body?: unknown): Promise<{ data: T }>;
  get<T>(path: string): Promise<{ data: T }>;
}

const CLOSED = 2;

const browserStream = (url: string): EventStream => new EventSource(url);

export class SimLink {
  private dispatch: (action: SimAction) => void = () => undefined;
  private report: (problem: unknown, what: string) => void = () => undefined;
  private stream: EventStream | null = null;
  private callId: string | null = null;
  private live = false;
  private steps: Promise<unknown> = Promise.resolve();
  private attached = false;

  constructor(
    private readonly http: SimHttp = api,
    private readonly open: (url: string) => EventStream = browserStream,
  ) {}

  /** Where actions and problems go; the panel attaches on mount. */
  attach(dispatch: (action: SimAction) => void, report: (problem: unknown, what: string) => void): void {
    this.dispatch = dispatch;
    this.report = report;
    this.attached = true;
  }

  /** The panel is gone: nothing more is dispatched, and a call in progress (or still starting) is hung up. */
  detach(): void {
    this.attached = false;
    this.close();
    this.dispatch = () => undefined;
    this.report = () => undefined;
  }

  /** Whether a call is in progress (started and not ended). */
  get active(): boolean {
    return this.live;
  }

  /** Starts a call (hanging up one still in progress), then follows its events; throws what the server refused. */
  async start(body: StartBody): Promise<CallView> {
    this.close();
    this.dispatch({ type: 'starting' });
    try {
      const r = await this.http.post<CallView>('/api/sim/calls', body);
      const view = r.data;
      if (!this.attached) {
        if (!view.ended) this.http.post(`/api/sim/calls/${seg(view.callId)}/hangup`).catch(() => undefined);
        return view;
      }
      this.callId = view.callId;
      this.live = !view.ended;
      this.dispatch({ type: 'started', view });
      this.follow(view.callId);
      return view;
    } catch (e) {
      this.dispatch({ type: 'clear' });
      throw e;
    }
  }

  /** One caller step, sent after the previous ones have been answered (a quick series of keys stays in order). */
  send(input: CallerInput): Promise<CallView | null> {
    const id = this.callId;
    if (!id || !this.live) return Promise.resolve(null);
    const step = this.steps.catch(() => undefined).then(async () => {
      const r = await this.http.post<CallView>(`/api/sim/calls/${seg(id)}/input`, input);
      this.settled(r.data);
      return r.data;
    });
    this.steps = step;
    return step;
  }

  async hangup(): Promise<CallView | null> {
    const id = this.callId;
    if (!id || !this.live) return null;
    const r = await this.http.post<CallView>(`/api/sim/calls/${seg(id)}/hangup`);
    this.settled(r.data);
    return r.data;
  }

  /** Stops following the call, and hangs it up if it is still in progress so it does not hold a server slot. */
  close(): void {
    this.stream?.close();
    this.stream = null;
    const id = this.callId;
    if (id && this.live) {
      this.http.post(`/api/sim/calls/${seg(id)}/hangup`).catch(() => undefined);
    }
    this.live = false;
    this.callId = null;
    this.steps = Promise.resolve();
  }

  private settled(view: CallView): void {
    if (view.callId !== this.callId) return;
    if (view.ended) this.live = false;
    this.dispatch({ type: 'view', view });
  }

  private follow(callId: string): void {
    const stream = this.open(`/api/sim/calls/${seg(callId)}/events`);
    this.stream = stream;
    for (const name of SIM_EVENT_NAMES) {
      stream.addEventListener(name, (e) => {
        if (this.stream !== stream) return;
        let data: unknown;
        try {
          data = JSON.parse(e.data);
        } catch {
          data = null;
        }
        this.dispatch({ type: 'event', callId, event: { id: Number(e.lastEventId) || 0, name, data } });
        if (name === 'ended') {
          // The stream ends here; without this the EventSource would reconnect only to be told 204.
          this.live = false;
          stream.close();
          this.stream = null;
        }
      });
    }
    stream.onerror = () => {
      // While reconnecting, the EventSource retries by itself; once closed it has given up.
      if (this.stream !== stream || stream.readyState !== CLOSED) return;
      this.stream = null;
      this.report(new Error('the connection to the server was lost'), 'The call’s events stopped');
      this.http.get<CallView>(`/api/sim/calls/${seg(callId)}`)
        .then((r) => this.settled(r.data))
        .catch(() => undefined);
    };
  }
}
