// What the end-to-end steps share: a signed-in browser session, waiting assertions, and the designer's gestures
// (drag a wire from an exit's handle, select a node), as a user makes them.
import { isDeepStrictEqual, inspect } from 'node:util';
import { join } from 'node:path';

const TIMEOUT = 15_000;

export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`e2e: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

export async function step(name, body) {
  const started = Date.now();
  try {
    await body();
  } catch (e) {
    e.message = `step "${name}": ${e.message}`;
    throw e;
  }
  console.log(`e2e: ok  ${name} (${Date.now() - started} ms)`);
}

const isLocator = (v) => v && typeof v.count === 'function' && typeof v.evaluateAll === 'function';

/** Assertions; on a locator they wait up to 15 s for the page to get there, like a user would. */
export function expect(actual, what = '') {
  const label = what ? `${what}: ` : '';
  if (isLocator(actual)) return locatorExpect(actual, label, false);
  return {
    toBe(expected) {
      if (!Object.is(actual, expected)) throw new Error(`${label}expected ${inspect(expected)}, got ${inspect(actual)}`);
    },
    toEqual(expected) {
      if (!isDeepStrictEqual(actual, expected)) {
        throw new Error(`${label}expected ${inspect(expected, { depth: 6 })}\n got ${inspect(actual, { depth: 6 })}`);
      }
    },
  };
}

function locatorExpect(locator, label, negate) {
  const poll = async (describe, check) => {
    const deadline = Date.now() + TIMEOUT;
    let last;
    for (;;) {
      try {
        last = await check();
        if (last.ok !== negate) return;
      } catch (e) {
        last = { ok: false, seen: `error: ${e.message.split('\n')[0]}` };
      }
      if (Date.now() > deadline) throw new Error(`${label}expected ${locator} ${negate ? 'not ' : ''}${describe}; saw ${last.seen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const textMatches = (text, expected) => (expected instanceof RegExp ? expected.test(text) : text === expected);
  const api = {
    toHaveCount: (n) => poll(`to have ${n} elements`, async () => {
      const c = await locator.count();
      return { ok: c === n, seen: `${c}` };
    }),
    toHaveText: (expected) => poll(`to have text ${expected}`, async () => {
      const t = ((await locator.first().textContent({ timeout: 1000 })) ?? '').trim();
      return { ok: textMatches(t, expected), seen: JSON.stringify(t) };
    }),
    toHaveAttribute: (name, expected) => poll(`to have ${name}=${expected}`, async () => {
      const v = await locator.first().getAttribute(name, { timeout: 1000 });
      return { ok: v !== null && textMatches(v, expected), seen: JSON.stringify(v) };
    }),
    toHaveClass: (expected) => poll(`to have class ${expected}`, async () => {
      const v = (await locator.first().getAttribute('class', { timeout: 1000 })) ?? '';
      return { ok: textMatches(v, expected), seen: JSON.stringify(v) };
    }),
    toBeDisabled: () => poll('to be disabled', async () => {
      const d = await locator.first().isDisabled({ timeout: 1000 });
      return { ok: d, seen: d ? 'disabled' : 'enabled' };
    }),
    toBeEnabled: () => poll('to be enabled', async () => {
      const d = await locator.first().isDisabled({ timeout: 1000 });
      return { ok: !d, seen: d ? 'disabled' : 'enabled' };
    }),
  };
  if (!negate) api.not = locatorExpect(locator, label, true);
  return api;
}

/** One browser context (one user), with its console watched: any error fails the run. */
export class Session {
  static async open(browser, base, out) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    return new Session(context, page, base, out);
  }

  constructor(context, page, base, out) {
    this.context = context;
    this.page = page;
    this.base = base;
    this.out = out;
    this.errors = [];
    this.allowed = [];
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.errors.push(`page error: ${e.message}`));
    // The console says only "Failed to load resource"; the request says which.
    page.on('response', (r) => {
      if (r.status() >= 400) this.errors.push(`  (HTTP ${r.status()} ${r.request().method()} ${r.url()})`);
    });
  }

  /** A console error that a step causes on purpose (a wrong password's 401). */
  allowConsoleError(pattern) {
    this.allowed.push(pattern);
  }

  assertNoConsoleErrors() {
    const unexpected = this.errors.filter((e) => !this.allowed.some((p) => p.test(e)));
    if (unexpected.some((e) => !e.startsWith('  (HTTP'))) throw new Error(`console errors:\n  ${unexpected.join('\n  ')}`);
  }

  async login(user, password, path = '/') {
    await this.page.goto(`${this.base}${path}`);
    await this.page.locator('[data-testid=login-form]').waitFor();
    await this.page.fill('#login-user', user);
    await this.page.fill('#login-password', password);
    await this.page.click('[data-testid=login-submit]');
    await this.page.locator('[data-testid=whoami]').waitFor();
  }

  async shot(name) {
    await this.page.screenshot({ path: join(this.out, `${name}.png`) });
  }

  /** Selects one node by clicking its card's title. */
  async select(id) {
    const label = this.page.locator(`[data-testid=node-${id}] .card-label`);
    const clickable = async () => {
      const box = await label.boundingBox();
      if (!box) return false;
      return this.page.evaluate(({ x, y, id }) => !!document.elementFromPoint(x, y)?.closest(`[data-node-id="${id}"]`),
        { x: box.x + box.width / 2, y: box.y + box.height / 2, id });
    };
    if (!(await clickable())) {
      // Off the visible canvas or under the minimap: fit the flow in view first, as a user would.
      await this.page.click('[data-testid=fit]');
      await this.page.waitForTimeout(400);
    }
    if (await clickable()) {
      await label.click();
    } else {
      // Still covered: pick it with the keyboard (React Flow nodes take focus; Enter selects).
      await this.page.locator(`.react-flow__node[data-id="${id}"]`).focus();
      await this.page.keyboard.press('Enter');
    }
    await expect(this.page.locator('[data-testid=props-node]'), `${id} selected`).toHaveAttribute('data-node', id);
  }

  /** Drags a wire from a node's exit handle to another node's input, with the mouse, as a user does. */
  async wire(source, exit, target, { expectRefused = false } = {}) {
    const handle = this.page.locator(`[data-testid=handle-${source}-${exit}]`);
    const input = this.page.locator(`.react-flow__node[data-id="${target}"] .card-in`);
    await handle.scrollIntoViewIfNeeded();
    const h = await handle.boundingBox();
    const t = await input.boundingBox();
    if (!h || !t) throw new Error(`wire ${source}.${exit} -> ${target}: a handle is not on screen`);
    const hit = await this.page.evaluate(({ x, y }) => {
      const e = document.elementFromPoint(x, y);
      return e ? `${e.tagName}.${e.className}` : 'nothing';
    }, { x: h.x + h.width / 2, y: h.y + h.height / 2 });
    if (!hit.includes('react-flow__handle')) throw new Error(`wire ${source}.${exit}: the pointer would press ${hit}, not the handle`);
    await this.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await this.page.mouse.down();
    // Approach from inside the target card: near the pane's edge React Flow would auto-pan under the pointer.
    await this.page.mouse.move(t.x + t.width / 2, t.y + 25, { steps: 8 });
    await this.page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 4 });
    await this.page.mouse.up();
    if (!expectRefused) {
      await expect(this.page.locator(`.react-flow__edge[data-id="${source}|${exit}"]`), `wire ${source}.${exit}`).toHaveCount(1);
    }
  }

  /** Waits until the server's validation of the current document has come back. */
  async waitValidated() {
    await this.page.waitForTimeout(500);
    await this.page.waitForLoadState('networkidle');
  }

  /** What the canvas shows: every node's id, type, label, summary and exits, and every wire. */
  async fingerprint() {
    return this.page.evaluate(() => {
      const nodes = [...document.querySelectorAll('.react-flow__node .card')].map((c) => ({
        id: c.getAttribute('data-node-id'),
        type: c.querySelector('.card-type')?.textContent,
        label: c.querySelector('.card-label')?.textContent,
        summary: [...c.querySelectorAll('.card-summary')].map((s) => s.textContent),
        exits: [...c.querySelectorAll('.card-exit')].map((e) => `${e.textContent}:${e.className}`),
      })).sort((a, b) => a.id.localeCompare(b.id));
      const edges = [...document.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id')).sort();
      return { nodes, edges };
    });
  }

  /** GETs an API path with this session's cookie, parsed. */
  async api(path) {
    const r = await this.context.request.get(`${this.base}${path}`);
    if (!r.ok()) throw new Error(`GET ${path}: ${r.status()}`);
    return r.json();
  }

  async raw(path) {
    const r = await this.context.request.get(`${this.base}${path}`);
    if (!r.ok()) throw new Error(`GET ${path}: ${r.status()}`);
    return r.text();
  }

  async close() {
    await this.context.close();
  }
}
