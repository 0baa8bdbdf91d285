// Responsiveness of the designer with a large flow: a generated flow of NODES nodes (1,000 by default) against a
// 50-node flow generated the same way, both measured in the same run (the machine is shared and noisy, so the ratio
// matters as much as the absolute figures). A real Chromium (Debian's, through playwright-core) against a running app:
//   IVR_BASE_URL             the app, e.g. http://127.0.0.1:8080
//   IVR_USER, IVR_PASSWORD   an editor or admin
//   CHROMIUM                 the browser executable (/usr/bin/chromium)
//   NODES                    the size of the large flow (1000)
//   BENCH_KEEP=1             keep the imported flows (they are deleted at the end otherwise)
// Timings are taken inside the page with performance.now(), from the input event's timestamp to the first frame after
// the DOM shows the result, so they measure the page and not the driver. Exit code 0, with a verdict line, unless the
// app cannot be reached or a flow does not import (1, with the reason).
//
//   IVR_BASE_URL=http://127.0.0.1:8095 IVR_USER=admin IVR_PASSWORD=... npm run bench

import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { Session } from '../e2e/lib.mjs';

const BASE = (process.env.IVR_BASE_URL ?? '').replace(/\/$/, '');
const USER = process.env.IVR_USER ?? '';
const PASSWORD = process.env.IVR_PASSWORD ?? '';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NODES = Number(process.env.NODES ?? 1000);
const BASELINE = 50;
const KEEP = process.env.BENCH_KEEP === '1';

/** Targets at the large size: interactions under this p50, pan and zoom at least this frame rate. */
const TARGET_MS = 100;
const TARGET_FPS = 30;

function fail(reason) {
  console.error(`bench: FAILED: ${reason}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// The flow: a tree grown breadth first from a welcome message, mostly say -> menu -> say chains, with some condition,
// set, queue, voicemail and hangup nodes. Every required exit is wired, to a new node (so every node is reachable and
// nothing loops) or, for a menu's failure, a queue's answered exit and most voicemails, to the latest hang-up; the
// number of open exits is kept bounded so the tree is about as wide as it is deep; each depth is one row of a grid,
// so no two cards overlap.

/** A small seeded generator: the same NODES give the same flow in every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['Sales', 'Support', 'Billing', 'Returns', 'Orders', 'Accounts', 'Repairs', 'Delivery'];
const COL_GAP = 260;
const ROW_GAP = 220;
/** Open exits allowed per square root of the node count: the tree's width against its depth. */
const WIDTH = 1.3;

/** Settings and required exits of one node of a type; `n` numbers it, `rnd` picks its details. */
function nodeOf(type, n, rnd) {
  const dept = DEPARTMENTS[n % DEPARTMENTS.length];
  switch (type) {
    case 'say':
      return { label: `${dept} message ${n}`, settings: { text: { 'en-US': `Thank you for calling ${dept.toLowerCase()}. Message ${n}.` } }, exits: ['next'] };
    case 'menu': {
      const count = rnd() < 0.5 ? 2 : 3;
      const options = Array.from({ length: count }, (_, i) => ({ exit: `option${i + 1}`, digits: String(i + 1), label: DEPARTMENTS[(n + i) % DEPARTMENTS.length] }));
      const tts = options.map((o) => `For ${o.label.toLowerCase()} press ${o.digits}.`).join(' ');
      return { label: `${dept} menu ${n}`, settings: { prompt: { 'en-US': { tts } }, options }, exits: [...options.map((o) => o.exit), 'failure'] };
    }
    case 'condition': {
      const cases = rnd() < 0.5 ? [{ exit: 'gold', when: 'tier == "gold"' }] : [{ exit: 'gold', when: 'tier == "gold"' }, { exit: 'repeat', when: 'visits > 2' }];
      return { label: `Check caller ${n}`, settings: { cases }, exits: [...cases.map((c) => c.exit), 'else'] };
    }
    case 'set':
      return { label: `Count visit ${n}`, settings: { assign: [{ variable: 'visits', value: 'visits + 1' }] }, exits: ['next'] };
    case 'queue':
      return { label: `${dept} queue ${n}`, settings: { queue: dept.toLowerCase(), maxWaitSeconds: 120 + (n % 5) * 60 }, exits: ['answered', 'timeout'] };
    case 'voicemail':
      return { label: `${dept} voicemail ${n}`, settings: { mailbox: dept.toLowerCase() }, exits: ['next'] };
    case 'hangup':
      return { label: `Goodbye ${n}`, settings: {}, exits: [] };
    default:
      throw new Error(`no such type ${type}`);
  }
}

function pick(rnd, weights) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let r = rnd() * total;
  for (const [k, w] of Object.entries(weights)) {
    r -= w;
    if (r < 0) return k;
  }
  return Object.keys(weights)[0];
}

/** What follows an exit: say after a menu option, a menu most often after a say, a hang-up after a failure... */
function nextType(parentType, exit, rnd, crowded) {
  switch (parentType) {
    case 'menu':
      if (exit === 'failure') return rnd() < 0.8 ? 'hangup' : 'voicemail';
      return crowded ? 'voicemail' : pick(rnd, { say: 85, queue: 8, condition: 7 });
    case 'say':
      return crowded ? pick(rnd, { hangup: 3, voicemail: 1 }) : pick(rnd, { menu: 62, set: 8, condition: 8, queue: 10, voicemail: 5, hangup: 7 });
    case 'set':
      return pick(rnd, { say: 3, condition: 1 });
    case 'condition':
      return crowded ? 'hangup' : pick(rnd, { say: 70, queue: 20, hangup: 10 });
    case 'queue':
      return exit === 'answered' ? 'hangup' : pick(rnd, { voicemail: 7, hangup: 3 });
    case 'voicemail':
      return crowded ? 'hangup' : pick(rnd, { hangup: 6, say: 4 });
    default:
      return 'hangup';
  }
}

export function generateFlow(id, total) {
  const rnd = random(total * 7919 + 17);
  const width = Math.max(4, Math.round(Math.sqrt(total) * WIDTH));
  const nodes = [];
  const depthOf = new Map();
  const open = []; // exits still to wire, breadth first: { node, exit }
  let counter = 0;
  const create = (type, depth, made) => {
    const node = { id: `${type}_${counter}`, type, label: made.label, settings: made.settings, exits: {} };
    nodes.push(node);
    depthOf.set(node.id, depth);
    for (const exit of made.exits) open.push({ node, exit });
    return node;
  };
  counter++;
  const first = create('say', 0, { ...nodeOf('say', counter, rnd), label: 'Welcome' });
  let lastHangup = null;
  while (open.length) {
    const { node: parent, exit } = open.shift();
    // A menu's failure, a queue's answered exit and most voicemails end the call: the latest hang-up (a row up at
    // most) serves them.
    if (lastHangup && open.length >= width / 2 && ((parent.type === 'menu' && exit === 'failure') || (parent.type === 'queue' && exit === 'answered') || (parent.type === 'voicemail' && rnd() < 0.6))) {
      parent.exits[exit] = lastHangup.id;
      continue;
    }
    // A new node adds its exits to the open ones; there must stay at least one node to make per open exit.
    const room = total - nodes.length - 1 - open.length;
    counter++;
    let type = nextType(parent.type, exit, rnd, open.length >= width);
    let made = nodeOf(type, counter, rnd);
    if (made.exits.length > room) {
      if ((type === 'menu' || type === 'condition') && room >= 2) trim(type, made, room);
      else {
        type = room >= 1 ? 'say' : 'hangup';
        made = nodeOf(type, counter, rnd);
      }
    }
    if (made.exits.length === 0 && open.length < width / 2 && room >= 1) {
      // Too few open exits: a dead end now could end the tree before it has all its nodes.
      type = 'say';
      made = nodeOf(type, counter, rnd);
    }
    const child = create(type, depthOf.get(parent.id) + 1, made);
    if (type === 'hangup') lastHangup = child;
    parent.exits[exit] = child.id;
  }
  if (nodes.length !== total) throw new Error(`generator: made ${nodes.length} nodes, not ${total}`);
  // The grid: one row per depth, cards in the order they were made (children under their parents' order).
  const layout = {};
  const perRow = new Map();
  for (const n of nodes) {
    const row = depthOf.get(n.id);
    const col = perRow.get(row) ?? 0;
    perRow.set(row, col + 1);
    layout[n.id] = { x: col * COL_GAP, y: row * ROW_GAP };
  }
  // Centre each row on the widest one, like a tree.
  const widest = Math.max(...perRow.values());
  for (const n of nodes) {
    const row = depthOf.get(n.id);
    layout[n.id].x += Math.round(((widest - perRow.get(row)) * COL_GAP) / 2);
  }
  for (const n of nodes) if (Object.keys(n.exits).length === 0) delete n.exits;
  return {
    schema: 'ivr-flow/1',
    id,
    name: `Bench ${total} nodes`,
    description: `Generated by designer-ui/bench/canvas-1000.mjs: ${total} nodes.`,
    defaultLanguage: 'en-US',
    start: first.id,
    fallback: lastHangup ? lastHangup.id : undefined,
    variables: { tier: { type: 'string', initial: 'silver' }, visits: { type: 'int', initial: 0 } },
    nodes,
    layout,
  };
}

/** Keeps the first options or cases of a menu or condition so that its exits fit in `room` (at least two). */
function trim(type, made, room) {
  if (type === 'menu') {
    made.settings.options = made.settings.options.slice(0, room - 1);
    made.settings.prompt['en-US'].tts = made.settings.options.map((o) => `For ${o.label.toLowerCase()} press ${o.digits}.`).join(' ');
    made.exits = [...made.settings.options.map((o) => o.exit), 'failure'];
  } else {
    made.settings.cases = made.settings.cases.slice(0, room - 1);
    made.exits = [...made.settings.cases.map((c) => c.exit), 'else'];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The API, from node: a session cookie and the CSRF token, as the designer's own client does.

export class Api {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  async call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(xsrf);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const text = await r.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: r.status, ok: r.ok, json, text };
  }

  async login(user, password) {
    await this.call('GET', '/api/auth/csrf');
    const r = await this.call('POST', '/api/auth/login', { username: user, password });
    if (!r.ok) throw new Error(`login as ${user}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  }
}

/** "12 errors, 3 warnings" of a validation result, and the first few issues when there are errors. */
function counts(issues) {
  const errors = issues.filter((i) => String(i.severity).toLowerCase() === 'error');
  return { errors: errors.length, warnings: issues.length - errors.length, first: errors.slice(0, 5) };
}

// ---------------------------------------------------------------------------------------------------------------
// In the page (an init script, so it is there from the first frame of a navigation): what the canvas shows frame by
// frame while a flow opens, latency probes (from an input event to the first frame after the DOM shows its effect),
// and a frame counter for panning and zooming.

function pageHelpers() {
  const now = () => performance.now();
  /** After the next frame's rendering work: a rAF, then a task. */
  const nextFrame = () => new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(now());
      ch.port2.postMessage(0);
    });
  });
  const viewport = () => document.querySelector('.react-flow__viewport')?.style.transform ?? '';
  const zoomOf = (t) => Number(/scale\(([^)]+)\)/.exec(t)?.[1] ?? NaN);

  // What the canvas shows: nodes rendered, nodes still hidden (not measured yet), edges, the view.
  const signature = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    if (!nodes.length) return null;
    let hidden = 0;
    for (const n of nodes) if (n.style.visibility === 'hidden') hidden++;
    return { nodes: nodes.length, hidden, edges: document.querySelectorAll('.react-flow__edge').length, view: viewport() };
  };
  const same = (a, b) => !!a && !!b && a.nodes === b.nodes && a.hidden === b.hidden && a.edges === b.edges && a.view === b.view;

  /** Resolves with the time the canvas last changed once it has not changed for `frames` frames (and shows nodes). */
  const stable = (frames = 30, timeout = 120_000) => new Promise((resolve) => {
    const started = now();
    let last = null;
    let since = now();
    let count = 0;
    let first = null;
    const tick = () => {
      const sig = signature();
      const t = now();
      if (sig && first === null) first = t;
      if (same(sig, last)) count++;
      else {
        last = sig;
        since = t;
        count = 0;
      }
      if ((sig && sig.hidden === 0 && count >= frames) || t - started > timeout) {
        resolve({ first, settled: since, ...(last ?? {}), zoom: zoomOf(last?.view ?? ''), timedOut: t - started > timeout });
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const opening = stable(30);

  const find = (selector) => document.querySelector(selector);
  const checks = {
    present: (c) => !!find(c.selector),
    text: (c) => find(c.selector)?.textContent === c.text,
    textNot: (c) => { const e = find(c.selector); return !!e && e.textContent !== c.text; },
    moved: (c) => { const e = find(c.selector); return !!e && e.style.transform !== c.from; },
    disabled: (c) => { const e = find(c.selector); return !!e && e.disabled === c.value; },
    anyMoved: (c) => {
      for (const e of document.querySelectorAll('.react-flow__node')) {
        const was = c.from[e.getAttribute('data-id')];
        if (was !== undefined && was !== e.style.transform) return true;
      }
      return false;
    },
  };
  let pending = null;

  window.__bench = {
    opened: () => opening,
    stable,
    zoom: () => zoomOf(viewport()),
    transform: (selector) => find(selector)?.style.transform ?? null,
    transforms: () => Object.fromEntries([...document.querySelectorAll('.react-flow__node')].map((e) => [e.getAttribute('data-id'), e.style.transform])),

    /**
     * Arms a probe: from the next `start` event (its timestamp, when plausible) or from now, until `cond` holds in
     * the DOM, then the next frame. wait() gives { ms, domMs } (ms to the frame, domMs to the DOM change).
     */
    arm(spec) {
      if (checks[spec.cond.kind](spec.cond)) return 'already true';
      let t0 = null;
      let tDom = null;
      pending = new Promise((resolve) => {
        let timer;
        const observer = new MutationObserver(() => onChange());
        const onChange = () => {
          if (t0 === null || tDom !== null || !checks[spec.cond.kind](spec.cond)) return;
          tDom = now();
          observer.disconnect();
          void nextFrame().then((t1) => {
            clearTimeout(timer);
            resolve({ ms: t1 - t0, domMs: tDom - t0, t0, t1 });
          });
        };
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const onStart = (e) => {
          window.removeEventListener(spec.start, onStart, true);
          const t = now();
          t0 = e.timeStamp > 0 && e.timeStamp <= t && t - e.timeStamp < 10_000 ? e.timeStamp : t;
          queueMicrotask(onChange);
        };
        if (spec.start === 'now') t0 = now();
        else window.addEventListener(spec.start, onStart, true);
        timer = setTimeout(() => {
          observer.disconnect();
          resolve({ timeout: true, started: t0 !== null });
        }, spec.timeout ?? 30_000);
      });
      return 'armed';
    },
    wait: () => pending,

    /** Counts animation frames until stopped. */
    framesStart() {
      const f = { times: [], changes: 0, view: viewport(), running: true, from: now(), cards: [] };
      const loop = () => {
        if (!f.running) return;
        f.times.push(now());
        f.cards.push(document.querySelectorAll('.react-flow__node').length);
        const v = viewport();
        if (v !== f.view) {
          f.changes++;
          f.view = v;
        }
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      window.__frames = f;
    },
    framesStop() {
      const f = window.__frames;
      f.running = false;
      const to = now();
      const gaps = f.times.slice(1).map((t, i) => t - f.times[i]).sort((a, b) => a - b);
      return {
        fps: (f.times.length * 1000) / (to - f.from),
        frames: f.times.length,
        ms: to - f.from,
        viewChanges: f.changes,
        cardsMin: Math.min(...f.cards),
        cardsMax: Math.max(...f.cards),
        maxGap: gaps.at(-1) ?? to - f.from,
        p95Gap: gaps[Math.floor(gaps.length * 0.95)] ?? to - f.from,
      };
    },

    /** Cards whose label can be clicked where it is (not under the minimap or the controls), with their centres. */
    clickable() {
      const out = [];
      for (const label of document.querySelectorAll('.react-flow__node .card-label')) {
        const card = label.closest('.card');
        const id = card.getAttribute('data-node-id');
        const b = label.getBoundingClientRect();
        if (b.width < 16 || b.height < 8) continue;
        const x = b.left + Math.min(b.width / 2, 40);
        const y = b.top + b.height / 2;
        const hit = document.elementFromPoint(x, y);
        if (hit?.closest('.card-label') === label) out.push({ id, type: card.querySelector('.card-type')?.textContent, x, y });
      }
      return out;
    },
    /** Where a card's centre is on the screen, if it is rendered. */
    centre(id) {
      const e = document.querySelector(`.react-flow__node[data-id="${id}"]`);
      if (!e) return null;
      const b = e.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    /** An empty spot of the pane near its centre, where a drag pans. */
    emptyPane() {
      const pane = document.querySelector('.react-flow__pane');
      if (!pane) return null;
      const b = pane.getBoundingClientRect();
      const cx = b.left + b.width / 2;
      const cy = b.top + b.height / 2;
      for (let r = 0; r < Math.max(b.width, b.height) / 2; r += 8) {
        for (let a = 0; a < 360; a += 15) {
          const x = cx + r * Math.cos((a * Math.PI) / 180);
          const y = cy + r * Math.sin((a * Math.PI) / 180);
          if (document.elementFromPoint(x, y) === pane) return { x, y };
        }
      }
      return null;
    },
    /** The canvas's centre on the screen. */
    canvasCentre() {
      const b = document.querySelector('.react-flow__pane').getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, width: b.width, height: b.height };
    },
    /** The duration of the latest POST /api/validate, from the resource timing. */
    lastValidate() {
      const e = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/api/validate')).at(-1);
      return e ? { duration: e.duration, start: e.startTime, end: e.responseEnd } : null;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One flow in one browser context: open it, then select, type, drag, undo and redo, pan and zoom, auto-layout and a
// validation round trip, as a user does with the mouse and the keyboard.

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const percentile = (xs, p) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] : NaN;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Lets the validation an edit asks for (400 ms later) come back and render before the next measurement. */
async function settle(page) {
  await sleep(600);
  const until = Date.now() + 60_000;
  while (page.validating > 0 && Date.now() < until) await sleep(20);
  await page.evaluate(() => window.__bench.stable(5));
}

/** Counts the validation requests in flight on the page, for settle(). */
function watchValidation(page) {
  page.validating = 0;
  const isValidate = (q) => q.url().endsWith('/api/validate');
  page.on('request', (q) => { if (isValidate(q)) page.validating++; });
  const done = (q) => { if (isValidate(q)) page.validating--; };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** Arms a probe in the page, makes the gesture, and gives the probe's result (ms to the frame after the DOM change). */
async function probe(page, spec, gesture) {
  const armed = await page.evaluate((s) => window.__bench.arm(s), spec);
  if (armed !== 'armed') throw new Error(`probe ${JSON.stringify(spec.cond)}: ${armed} before the gesture`);
  await gesture();
  const r = await page.evaluate(() => window.__bench.wait());
  if (r.timeout) throw new Error(`probe ${JSON.stringify(spec.cond)}: nothing after ${spec.timeout ?? 30_000} ms (${r.started ? 'the gesture happened' : 'no start event'})`);
  return r;
}

/** The main thread's time so far (ms): all tasks, script, style and layout. */
async function busy(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value * 1000]));
  return { task: m.TaskDuration, script: m.ScriptDuration, style: m.RecalcStyleDuration, layout: m.LayoutDuration };
}

/** Main-thread time per second of a phase, from two busy() readings. */
function perSecond(a, b, ms) {
  const k = 1000 / ms;
  return { task: (b.task - a.task) * k, script: (b.script - a.script) * k, styleLayout: (b.style - a.style + b.layout - a.layout) * k };
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { heapMB: m.JSHeapUsedSize / 1048576, domNodes: m.Nodes };
}

/** Wheel-zooms at the canvas centre (in, then out by as much) for `ms`, then drag-pans an empty spot in a circle. */
async function panZoom(page, cdp, ms) {
  const c = await page.evaluate(() => window.__bench.canvasCentre());
  await page.mouse.move(c.x, c.y);
  const z0 = await busy(cdp);
  await page.evaluate(() => window.__bench.framesStart());
  let wheels = 0;
  const zoomUntil = Date.now() + ms;
  while (Date.now() < zoomUntil || wheels % 10 !== 0) {
    await page.mouse.wheel(0, Math.floor(wheels / 5) % 2 === 0 ? -60 : 60);
    wheels++;
  }
  const zoom = await page.evaluate(() => window.__bench.framesStop());
  zoom.busy = perSecond(z0, await busy(cdp), zoom.ms);
  await page.evaluate(() => window.__bench.stable(10));
  const p = await page.evaluate(() => window.__bench.emptyPane());
  let pan = { fps: NaN, frames: 0, ms: 0, viewChanges: 0, maxGap: NaN, p95Gap: NaN, cardsMin: NaN, cardsMax: NaN, busy: { task: NaN, script: NaN, styleLayout: NaN } };
  let moves = 0;
  if (p) {
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    const p0 = await busy(cdp);
    await page.evaluate(() => window.__bench.framesStart());
    const panUntil = Date.now() + ms;
    while (Date.now() < panUntil) {
      const a = (moves * 12 * Math.PI) / 180;
      await page.mouse.move(p.x + 120 * Math.sin(a), p.y + 80 * (1 - Math.cos(a)));
      moves++;
    }
    pan = await page.evaluate(() => window.__bench.framesStop());
    pan.busy = perSecond(p0, await busy(cdp), pan.ms);
    await page.mouse.move(p.x, p.y);
    await page.mouse.up();
    await page.evaluate(() => window.__bench.stable(10));
  }
  return { zoom: { ...zoom, events: wheels }, pan: { ...pan, events: moves } };
}

/** Zooms with the wheel at a card until the view is at `target` zoom; the card stays where it was on the screen. */
async function zoomAt(page, id, target) {
  for (let i = 0; i < 6; i++) {
    const k = await page.evaluate(() => window.__bench.zoom());
    if (Math.abs(Math.log2(target / k)) < 0.02) break;
    const at = await page.evaluate((n) => window.__bench.centre(n), id);
    if (!at) throw new Error(`zoom at ${id}: the card is not on the canvas`);
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -Math.log2(target / k) / 0.002);
    await page.evaluate(() => window.__bench.stable(10));
  }
}

async function measureFlow(browser, flow, log) {
  const session = await Session.open(browser, BASE, process.cwd());
  const { page } = session;
  const r = { nodes: flow.nodes.length };
  try {
    await session.login(USER, PASSWORD, '/');
    await page.addInitScript(pageHelpers);
    watchValidation(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // Open: from the navigation (the page's time origin) until the canvas has stopped changing.
    await page.goto(`${BASE}/flows/${flow.id}`, { waitUntil: 'commit' });
    const opened = await page.evaluate(() => window.__bench.opened());
    if (opened.timedOut) throw new Error(`the canvas did not settle within 120 s (${opened.nodes ?? 0} nodes shown)`);
    r.open = opened.settled;
    r.firstNodes = opened.first;
    r.rendered = opened.nodes;
    r.edges = opened.edges;
    r.fitZoom = opened.zoom;
    await settle(page);
    Object.assign(r, await heap(cdp));
    log(`open ${r.open.toFixed(0)} ms, ${r.rendered} cards and ${r.edges} wires at zoom ${r.fitZoom.toFixed(3)}, heap ${r.heapMB.toFixed(1)} MB`);

    // Pan and zoom the view the flow opened in (a big flow opens at its start node), then the whole flow fitted.
    r.overview = await panZoom(page, cdp, 1000);
    log(`as opened: zoom ${r.overview.zoom.fps.toFixed(1)} fps (${r.overview.zoom.cardsMin}-${r.overview.zoom.cardsMax} cards), pan ${r.overview.pan.fps.toFixed(1)} fps (${r.overview.pan.cardsMin}-${r.overview.pan.cardsMax} cards)`);
    await page.click('[data-testid=fit]');
    await page.evaluate(() => window.__bench.stable(10));
    r.fitted = await panZoom(page, cdp, 1000);
    log(`whole flow fitted: zoom ${r.fitted.zoom.fps.toFixed(1)} fps (${r.fitted.zoom.cardsMin}-${r.fitted.zoom.cardsMax} cards), pan ${r.fitted.pan.fps.toFixed(1)} fps`);
    await page.click('[data-testid=fit]');
    await page.evaluate(() => window.__bench.stable(10));

    // The node to work on: a say node that is on screen, nearest the canvas's centre.
    const says = new Set(flow.nodes.filter((n) => n.type === 'say' && n.exits?.next && n.id !== flow.start).map((n) => n.id));
    const work = await page.evaluate((ids) => {
      const c = window.__bench.canvasCentre();
      const seen = [...document.querySelectorAll('.react-flow__node')].map((e) => e.getAttribute('data-id')).filter((id) => ids.includes(id));
      const d = (id) => { const p = window.__bench.centre(id); return p ? Math.hypot(p.x - c.x, p.y - c.y) : Infinity; };
      return seen.sort((a, b) => d(a) - d(b))[0];
    }, [...says]);
    if (!work) throw new Error('no say node on the canvas to work on');
    const workNode = flow.nodes.find((n) => n.id === work);
    await zoomAt(page, work, 1);
    r.workZoom = await page.evaluate(() => window.__bench.zoom());
    const card = `.react-flow__node[data-id="${work}"]`;

    // Select: click card labels; the properties panel shows the node.
    const targets = (await page.evaluate(() => window.__bench.clickable())).filter((t) => t.id !== work);
    const mine = (await page.evaluate(() => window.__bench.clickable())).find((t) => t.id === work);
    if (!mine) throw new Error(`${work} is not clickable at zoom 1`);
    if (!targets.length) throw new Error('no other card is clickable at zoom 1');
    r.select = [];
    r.selectTypes = [];
    // Another card, this one, another, ... so that every click changes the selection; the last one is this card.
    for (let i = 0; i < 10; i++) {
      const t = i % 2 ? mine : targets[(i / 2) % targets.length];
      const res = await probe(page, { start: 'pointerdown', cond: { kind: 'present', selector: `[data-testid=props-node][data-node="${t.id}"]` } },
        () => page.mouse.click(t.x, t.y));
      r.select.push(res.ms);
      r.selectTypes.push(t.type);
      await page.evaluate(() => window.__bench.stable(5));
    }
    r.selectTargets = new Set(targets.map((t) => t.id)).size;
    log(`select: ${r.select.map((x, i) => `${x.toFixed(0)} (${r.selectTypes[i]})`).join(' ')} ms`);

    // Type: 20 characters at the end of the label; each keystroke until the card shows it.
    await page.click('[data-testid=node-label]');
    await page.keyboard.press('End');
    const typed = ' fast typing test 20'.slice(0, 20);
    const before = workNode.label ?? work;
    r.type = [];
    for (let i = 0; i < typed.length; i++) {
      const res = await probe(page, { start: 'keydown', cond: { kind: 'text', selector: `[data-testid="node-${work}"] .card-label`, text: before + typed.slice(0, i + 1) } },
        () => page.keyboard.press(typed[i]));
      r.type.push(res.ms);
    }
    log(`type: ${r.type.map((x) => x.toFixed(0)).join(' ')} ms`);
    await settle(page);

    // Drag: 100 px to the right in ten steps; each step until the card moves, then the drop until it is committed
    // (the command clears the redo stack: the undo just before makes sure there is one to clear).
    r.drag = [];
    r.dragMove = [];
    for (let i = 0; i < 5; i++) {
      await page.click('[data-testid=undo]');
      await page.locator('[data-testid=redo]:not([disabled])').waitFor();
      // A validation result that arrives during a drag puts the card back where the document has it: let it come first.
      await settle(page);
      const at = (await page.evaluate(() => window.__bench.clickable())).find((t) => t.id === work);
      if (!at) throw new Error(`${work} is not clickable for a drag`);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      // The first move picks the card up (React Flow starts the drag); the ten after it move it.
      await page.mouse.move(at.x + 2, at.y);
      for (let step = 1; step <= 10; step++) {
        const from = await page.evaluate((s) => window.__bench.transform(s), card);
        const res = await probe(page, { start: 'pointermove', cond: { kind: 'moved', selector: card, from }, timeout: 5000 },
          () => page.mouse.move(at.x + step * 10, at.y));
        r.dragMove.push(res.ms);
      }
      const res = await probe(page, { start: 'pointerup', cond: { kind: 'disabled', selector: '[data-testid=redo]', value: true } }, () => page.mouse.up());
      r.drag.push(res.ms);
      await settle(page);
    }
    log(`drag: drop ${r.drag.map((x) => x.toFixed(0)).join(' ')} ms; move steps p50 ${median(r.dragMove).toFixed(0)} ms`);

    // Undo and redo: 20 moves of the card (20 px left, right, left...), then 20 undos and 20 redos from the toolbar.
    for (let i = 0; i < 20; i++) {
      const at = (await page.evaluate(() => window.__bench.clickable())).find((t) => t.id === work);
      if (!at) throw new Error(`${work} is not clickable for a drag`);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      await page.mouse.move(at.x + (i % 2 ? 10 : -10), at.y + 5, { steps: 2 });
      await page.mouse.move(at.x + (i % 2 ? 20 : -20), at.y, { steps: 2 });
      await page.mouse.up();
      await page.locator(`${card}:not(.dragging)`).waitFor();
      await settle(page);
    }
    const undo = await page.locator('[data-testid=undo]').boundingBox();
    const redo = await page.locator('[data-testid=redo]').boundingBox();
    r.undo = [];
    r.redo = [];
    for (const [button, list] of [[undo, r.undo], [redo, r.redo]]) {
      for (let i = 0; i < 20; i++) {
        const from = await page.evaluate((s) => window.__bench.transform(s), card);
        const res = await probe(page, { start: 'click', cond: { kind: 'moved', selector: card, from } },
          () => page.mouse.click(button.x + button.width / 2, button.y + button.height / 2));
        list.push(res.ms);
      }
    }
    log(`undo: ${r.undo.map((x) => x.toFixed(0)).join(' ')} ms`);
    log(`redo: ${r.redo.map((x) => x.toFixed(0)).join(' ')} ms`);

    // Pan and zoom where one works, at zoom 1.
    await settle(page);
    const view = () => page.evaluate(() => `${document.querySelectorAll('.react-flow__node').length} cards at ${window.__bench.zoom().toFixed(2)}`);
    const shown = await view();
    r.work = await panZoom(page, cdp, 1000);
    log(`zoom 1: zoom ${r.work.zoom.fps.toFixed(1)} fps, pan ${r.work.pan.fps.toFixed(1)} fps (${shown} before, ${await view()} after)`);

    // Auto-layout of the whole flow in view: until the cards have moved (elkjs runs on the main thread), then until
    // the view has fitted the new layout. The first one loads elkjs (1.4 MB) too; it is undone, and the second one is
    // elkjs alone.
    await page.click('[data-testid=fit]');
    await page.evaluate(() => window.__bench.stable(10));
    r.layout = [];
    r.layoutFitted = [];
    for (let i = 0; i < 2; i++) {
      await settle(page);
      const from = await page.evaluate(() => window.__bench.transforms());
      const lay = await probe(page, { start: 'click', cond: { kind: 'anyMoved', from }, timeout: 120_000 }, () => page.click('[data-testid=layout]'));
      r.layout.push(lay.ms);
      const fitted = await page.evaluate(() => window.__bench.stable(20));
      r.layoutFitted.push(fitted.settled - lay.t0);
      if (i === 0) {
        await settle(page);
        await page.click('[data-testid=undo]');
        await page.evaluate(() => window.__bench.stable(10));
        await page.click('[data-testid=fit]');
        await page.evaluate(() => window.__bench.stable(10));
      }
    }
    log(`auto-layout: ${r.layout.map((x) => x.toFixed(0)).join(', then ')} ms to move the cards, ${r.layoutFitted.map((x) => x.toFixed(0)).join(', then ')} ms to the fitted view`);

    // Validation round trip: unwire the work node's next exit in the properties panel (an error), then wire it again.
    await settle(page);
    await page.locator(`[data-testid=props-node][data-node="${work}"]`).waitFor();
    r.validate = [];
    r.validatePost = [];
    for (const target of ['', workNode.exits.next]) {
      const text = await page.locator('[data-testid=issue-counts]').textContent();
      // Node pickers list the nodes once opened (focused), as a user's click does.
      await page.focus('[data-testid=exit-next]');
      const res = await probe(page, { start: 'change', cond: { kind: 'textNot', selector: '[data-testid=issue-counts]', text } },
        () => page.selectOption('[data-testid=exit-next]', target));
      r.validate.push(res.ms);
      const post = await page.evaluate(() => window.__bench.lastValidate());
      r.validatePost.push(post ? post.duration : NaN);
      r[target ? 'countsFixed' : 'countsBroken'] = await page.locator('[data-testid=issue-counts]').textContent();
    }
    log(`validation: ${r.validate.map((x) => x.toFixed(0)).join(' ')} ms (POST ${r.validatePost.map((x) => x.toFixed(0)).join(' ')} ms): "${r.countsBroken}" then "${r.countsFixed}"`);
    const end = await heap(cdp);
    r.heapEndMB = end.heapMB;
    r.consoleErrors = session.errors.slice();
  } finally {
    await session.close();
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// The run: generate, validate and import both flows, measure each in a fresh browser context, print the table.

const fmt = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** The figures of one flow: [name, value, digits, target] with target 'ms' or 'fps' for the verdict's ones. */
function rows(r) {
  const p50 = (xs) => median(xs);
  return [
    ['open: navigation to settled canvas (ms)', r.open, 0],
    ['  first cards on screen (ms)', r.firstNodes, 0],
    ['  cards / wires rendered at open', `${r.rendered} / ${r.edges}`],
    ['  zoom after the fit', `${fmt(r.fitZoom, 3)}`],
    ['JS heap after open, after GC (MB)', r.heapMB, 1],
    ['DOM nodes after open', r.domNodes, 0],
    ['select p50 of 10 (ms)', p50(r.select), 0, 'ms'],
    ['  select max (ms)', Math.max(...r.select), 0],
    ['type: keystroke p50 of 20 (ms)', p50(r.type), 0, 'ms'],
    ['  keystroke p95 (ms)', percentile(r.type, 95), 0],
    ['drag: drop to commit p50 of 5 (ms)', p50(r.drag), 0, 'ms'],
    ['  pointer move to card moved p50 of 50 (ms)', p50(r.dragMove), 0],
    ['  pointer move p95 (ms)', percentile(r.dragMove, 95), 0],
    ['undo p50 of 20 (ms)', p50(r.undo), 0, 'ms'],
    ['  undo max (ms)', Math.max(...r.undo), 0],
    ['redo p50 of 20 (ms)', p50(r.redo), 0, 'ms'],
    ['  redo max (ms)', Math.max(...r.redo), 0],
    ...frameRows('wheel zoom, as opened', r.overview.zoom, 'wheel events'),
    ...frameRows('drag pan, as opened', r.overview.pan, 'pointer moves'),
    ...frameRows('wheel zoom, whole flow fitted (not in the verdict)', r.fitted.zoom, 'wheel events', false),
    ...frameRows('drag pan, whole flow fitted (not in the verdict)', r.fitted.pan, 'pointer moves', false),
    ...frameRows('wheel zoom at zoom 1', r.work.zoom, 'wheel events'),
    ...frameRows('drag pan at zoom 1', r.work.pan, 'pointer moves'),
    ['auto-layout, first (loads elkjs) (ms)', r.layout[0], 0],
    ['auto-layout, again (ms)', r.layout[1], 0],
    ['  to the fitted view (ms)', r.layoutFitted[1], 0],
    ['validation round trip p50 of 2 (ms)', p50(r.validate), 0],
    ['  of which POST /api/validate (ms)', p50(r.validatePost), 0],
    ['JS heap at the end, after GC (MB)', r.heapEndMB, 1],
  ];
}

function frameRows(name, f, events, inVerdict = true) {
  return [
    [`${name} (fps)`, f.fps, 1, inVerdict ? 'fps' : undefined],
    [`  longest frame (ms) / ${events}`, `${fmt(f.maxGap)} / ${f.events}`],
    ['  cards on the canvas, fewest-most', `${f.cardsMin}-${f.cardsMax}`],
    ['  main thread ms/s: all / script / style+layout', `${fmt(f.busy.task)} / ${fmt(f.busy.script)} / ${fmt(f.busy.styleLayout)}`],
  ];
}

function table(small, large) {
  const a = rows(small);
  const b = rows(large);
  const head = ['', `${small.nodes} nodes`, `${large.nodes} nodes`, 'ratio'];
  const lines = a.map(([name, x, digits], i) => {
    const y = b[i][1];
    const num = typeof x === 'number' && typeof y === 'number';
    const ratio = num && Number.isFinite(x) && Number.isFinite(y) && x !== 0 ? `${(y / x).toFixed(1)}x` : '';
    return [name, num ? fmt(x, digits) : String(x), num ? fmt(y, digits) : String(y), ratio];
  });
  const widths = head.map((_, c) => Math.max(head[c].length, ...lines.map((l) => l[c].length)));
  const line = (l) => l.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n');
}

function verdict(large) {
  const misses = [];
  const seen = [];
  for (const [name, value, , target] of rows(large)) {
    if (!target) continue;
    const short = name.replace(/ (p50 of \d+ )?\((ms|fps)\)$/, '').replace(/^type: |^drag: drop to commit/, (m) => (m === 'type: ' ? 'type ' : 'drag'));
    const ok = target === 'ms' ? value < TARGET_MS : value >= TARGET_FPS;
    seen.push(`${short} ${fmt(value, 1)} ${target}${ok ? '' : ' (missed)'}`);
    if (!ok) misses.push(short);
  }
  return `verdict at ${large.nodes} nodes: ${misses.length ? `FAIL (${misses.join(', ')})` : 'PASS'}; targets interaction p50 < ${TARGET_MS} ms, `
    + `pan/zoom >= ${TARGET_FPS} fps: ${seen.join(', ')}`;
}

async function main() {
  if (!BASE) fail('IVR_BASE_URL is not set (the app, e.g. http://127.0.0.1:8080)');
  if (!USER || !PASSWORD) fail('IVR_USER and IVR_PASSWORD must be set (an editor or admin)');
  if (!Number.isInteger(NODES) || NODES < 2 || NODES > 10_000) fail(`NODES must be a whole number from 2 to 10000, not ${process.env.NODES}`);
  const api = new Api(BASE);
  try {
    await api.login(USER, PASSWORD);
  } catch (e) {
    fail(`the app at ${BASE} cannot be reached or refuses the login: ${e.cause?.message ?? e.message}`);
  }
  const stamp = Date.now().toString(36);
  const flows = [];
  const cleanUp = async () => {
    if (!KEEP) for (const flow of flows) await api.call('DELETE', `/api/flows/${flow.id}`).catch(() => undefined);
  };
  for (const n of [BASELINE, NODES]) {
    const flow = generateFlow(`bench-${n}-${stamp}`, n);
    const wires = flow.nodes.reduce((k, x) => k + Object.keys(x.exits ?? {}).length, 0);
    const types = Object.entries(flow.nodes.reduce((m, x) => ({ ...m, [x.type]: (m[x.type] ?? 0) + 1 }), {})).map(([t, k]) => `${k} ${t}`).join(', ');
    const v = await api.call('POST', '/api/validate', flow);
    if (!v.ok) fail(`POST /api/validate for ${flow.id}: HTTP ${v.status} ${v.text.slice(0, 500)}`);
    const c = counts(v.json.issues ?? []);
    console.log(`bench: ${flow.id}: ${n} nodes (${types}), ${wires} wires: ${c.errors} errors, ${c.warnings} warnings or notes`);
    if (c.errors) console.log(`bench: WARNING: the generated flow does not validate: ${c.first.map((i) => `${i.nodeId ?? ''} ${i.message}`).join('; ')}`);
    const imp = await api.call('POST', '/api/import', flow);
    if (!imp.ok) {
      await cleanUp();
      fail(`POST /api/import of ${flow.id} (${n} nodes): HTTP ${imp.status} ${imp.text.slice(0, 500)}`);
    }
    flows.push(flow);
  }

  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    await cleanUp();
    fail(`Chromium (${CHROMIUM}) does not start: ${e.message.split('\n')[0]}`);
  }
  const results = [];
  let broken = null;
  try {
    for (const flow of flows) {
      const label = `${flow.nodes.length} nodes`;
      const started = Date.now();
      try {
        results.push(await measureFlow(browser, flow, (m) => console.log(`bench: [${label}] ${m}`)));
      } catch (e) {
        broken = `${label}: ${e.message}`;
        console.error(`bench: [${label}] stopped: ${e.stack ?? e}`);
        break;
      }
      console.log(`bench: [${label}] measured in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await browser.close();
    await cleanUp();
  }
  if (results.length === 2) {
    console.log('');
    console.log(table(results[0], results[1]));
    console.log('');
    for (const r of results) if (r.consoleErrors.length) console.log(`bench: console errors with ${r.nodes} nodes:\n  ${r.consoleErrors.join('\n  ')}`);
    console.log(verdict(results[1]));
  } else {
    console.log(`verdict: NOT MEASURED (${broken})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
