// The designer's end-to-end suite: a real Chromium (Debian's, through playwright-core) against the running app.
// ivr-app's DesignerBrowserTest starts the app and runs `node e2e/run.mjs` with:
//   IVR_BASE_URL                         the app, e.g. http://127.0.0.1:8080
//   IVR_USER, IVR_PASSWORD               an admin
//   IVR_VIEWER_USER/_PASSWORD            a viewer (read-only)
//   IVR_EDITOR_USER/_PASSWORD            an editor (may edit, may not publish)
//   CHROMIUM                             the browser executable (/usr/bin/chromium)
//   E2E_OUT                              where the screenshots go
// Each step logs "ok" or fails the run (exit code 1) with what it saw; every console error or page error fails too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Session, expect, required, step } from './lib.mjs';

const base = required('IVR_BASE_URL');
const out = process.env.E2E_OUT ?? join(process.cwd(), 'test-output');
mkdirSync(out, { recursive: true });
const FLOW = `e2e-main-${Date.now().toString(36)}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
});
let failed = false;
let admin;
try {
  admin = await Session.open(browser, base, out);
  const page = admin.page;

  await step('logs in', async () => {
    await page.goto(`${base}/flows`);
    await page.waitForURL(/\/login\?next=%2Fflows/);
    await page.locator('[data-testid=login-form]').waitFor();
    await admin.shot('01-login');
    await page.fill('#login-user', required('IVR_USER'));
    await page.fill('#login-password', 'not the password');
    await page.click('[data-testid=login-submit]');
    await expect(page.locator('[data-testid=login-error]'), 'a wrong password is refused').toHaveText(/Wrong user name or password/);
    admin.allowConsoleError(/401/);
    await page.fill('#login-password', required('IVR_PASSWORD'));
    await page.click('[data-testid=login-submit]');
    await page.locator('[data-testid=whoami]').waitFor();
    await expect(page.locator('[data-testid=whoami]')).toHaveText(/admin/);
    await page.waitForURL(/\/flows$/);
  });

  await step('creates a flow and opens an empty canvas', async () => {
    await page.goto(`${base}/`);
    await page.fill('[data-testid=new-flow-id]', FLOW);
    await page.fill('[data-testid=new-flow-name]', 'Acme main line');
    await admin.shot('02-flows');
    await page.click('[data-testid=new-flow-create]');
    await page.locator('[data-testid=canvas]').waitFor();
    await expect(page.locator('.react-flow__node'), 'the canvas is empty').toHaveCount(0);
    await expect(page.locator('[data-testid=flow-title]')).toHaveText('Acme main line');
  });

  await step('drags say, menu, queue, voicemail and hangup from the palette', async () => {
    const drops = [['say', 120, 60], ['menu', 400, 60], ['queue', 120, 300], ['voicemail', 400, 300], ['hangup', 660, 300]];
    for (const [type, x, y] of drops) {
      await page.dragAndDrop(`[data-testid=palette-${type}]`, '[data-testid=canvas]', { targetPosition: { x, y } });
      await page.locator(`[data-testid=node-${type}]`).waitFor();
    }
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await expect(page.locator('[data-testid=node-say] .card-start'), 'the first node is the start').toHaveCount(1);
  });

  await step('searches the palette', async () => {
    await page.fill('[data-testid=palette-search]', 'voicem');
    await expect(page.locator('.palette-item')).toHaveCount(1);
    await page.fill('[data-testid=palette-search]', '');
    await expect(page.locator('.palette-item')).toHaveCount(23);
  });

  await step('wires exits by dragging from their handles', async () => {
    await admin.wire('say', 'next', 'menu');
    await admin.wire('menu', 'option1', 'queue');
    await admin.wire('menu', 'option2', 'voicemail');
    await admin.wire('queue', 'answered', 'hangup');
    await admin.wire('voicemail', 'next', 'hangup');
    await expect(page.locator('.react-flow__edge'), 'five wires').toHaveCount(5);
  });

  await step('refuses a wire that would loop without waiting', async () => {
    // hangup has no exits; a set node would loop on itself: the rule refuses before the server has to.
    const before = await page.locator('.react-flow__edge').count();
    await admin.wire('queue', 'timeout', 'queue', { expectRefused: true });
    await expect(page.locator('.react-flow__edge')).toHaveCount(before);
  });

  await step('fills the forms, wiring the rest from the properties panel', async () => {
    await admin.select('say');
    await page.fill('[data-testid=node-label]', 'Welcome');
    await page.fill('[data-field="/text/*"]', 'Welcome to Acme.');
    await admin.select('menu');
    await page.fill('[data-testid=node-label]', 'Main menu');
    await page.fill('[data-field="/prompt/*/tts"]', 'For sales press 1. For support press 2.');
    await page.fill('[data-field="/options/0/label"]', 'Sales');
    await page.fill('[data-field="/options/1/label"]', 'Support');
    await page.focus('[data-testid=exit-failure]');
    await page.selectOption('[data-testid=exit-failure]', 'hangup');
    await admin.select('queue');
    await page.fill('[data-field="/queue"]', 'sales');
    await page.focus('[data-testid=exit-timeout]');
    await page.selectOption('[data-testid=exit-timeout]', 'voicemail');
    await admin.select('voicemail');
    await page.fill('[data-field="/mailbox"]', 'sales');
    await admin.select('hangup');
    // A label that is markup must show as text, never run.
    await page.fill('[data-testid=node-label]', '<img src=x onerror="window.__xss=1">Bye');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid=node-say] .card-summary').first()).toHaveText(/Welcome to Acme/);
    await expect(page.locator('[data-testid=node-menu] .card-exit').first()).toHaveText(/Sales/);
    await expect(page.locator('[data-testid=node-hangup] .card-label')).toHaveText('<img src=x onerror="window.__xss=1">Bye');
    expect(await page.evaluate(() => window.__xss), 'no script ran from a label').toBe(undefined);
    expect(await page.locator('[data-testid=node-hangup] img').count(), 'no element made from a label').toBe(0);
    await admin.waitValidated();
    await expect(page.locator('[data-testid=issue-counts]')).toHaveText(/^0 errors/);
    await page.click('[data-testid=layout]');
    await page.waitForTimeout(600);
    await admin.shot('03-built');
  });

  let saved;
  await step('saves, reloads and sees the flow unchanged', async () => {
    await page.click('[data-testid=save]');
    await expect(page.locator('[data-testid=dirty]')).toHaveText('saved');
    saved = await admin.api(`/api/flows/${FLOW}`);
    const before = await admin.fingerprint();
    await page.reload();
    await page.locator(`[data-testid=node-say]`).waitFor();
    const after = await admin.fingerprint();
    expect(after, 'the canvas after a reload').toEqual(before);
    expect(await admin.api(`/api/flows/${FLOW}`), 'the stored draft').toEqual(saved);
    expect(saved.nodes.map((n) => n.id).sort()).toEqual(['hangup', 'menu', 'queue', 'say', 'voicemail']);
    expect(saved.nodes.find((n) => n.id === 'menu').exits).toEqual({ failure: 'hangup', option1: 'queue', option2: 'voicemail' });
    expect(saved.nodes.find((n) => n.id === 'queue').settings.queue).toBe('sales');
    expect(saved.start).toBe('say');
  });

  await step('shows a validation marker for an unwired exit, and clears it once fixed', async () => {
    await admin.select('voicemail');
    await page.selectOption('[data-testid=exit-next]', '');
    await expect(page.locator('[data-testid=marker-voicemail]'), 'the marker on the node').toHaveAttribute('data-severity', 'error');
    await expect(page.locator('[data-testid=publish]'), 'publishing is blocked by an error').toBeDisabled();
    await admin.shot('04-validation');
    await page.click('[data-testid=dock-issues]');
    await page.keyboard.press('Escape');
    await page.click('[data-testid=issue][data-node=voicemail]');
    await expect(page.locator('[data-testid=props-node]'), 'clicking the issue selects its node').toHaveAttribute('data-node', 'voicemail');
    await admin.wire('voicemail', 'next', 'hangup');
    await expect(page.locator('[data-testid=marker-voicemail]')).toHaveCount(0);
    await admin.waitValidated();
    await expect(page.locator('[data-testid=issue-counts]')).toHaveText(/^0 errors/);
  });

  await step('publishes with a comment', async () => {
    await page.click('[data-testid=save]');
    await expect(page.locator('[data-testid=dirty]')).toHaveText('saved');
    await page.click('[data-testid=publish]');
    await page.fill('[data-testid=publish-comment]', 'First version: sales queue and voicemail');
    await page.click('[data-testid=publish-confirm]');
    await expect(page.locator('[data-testid=notice]')).toHaveText(/Published version 1/);
    const versions = await admin.api(`/api/flows/${FLOW}/versions`);
    expect(versions.map((v) => [v.version, v.comment])).toEqual([[1, 'First version: sales queue and voicemail']]);
  });

  await step('simulates a call pressing 1 and sees the path and the prompts', async () => {
    await page.click('[data-testid=dock-sim]');
    await page.click('[data-testid=sim-call]');
    await expect(page.locator('[data-testid=sim-transcript] [data-kind=heard]').nth(1), 'the menu prompt').toHaveText(/For sales press 1/);
    await expect(page.locator('[data-testid=sim-transcript] [data-kind=heard]').first()).toHaveText(/Welcome to Acme/);
    await expect(page.locator('[data-testid=node-menu]'), 'the call waits in the menu').toHaveAttribute('data-mark', 'current');
    await expect(page.locator('[data-testid=node-say]')).toHaveAttribute('data-mark', 'visited');
    await page.click('[data-testid=sim-key-1]');
    await expect(page.locator('[data-testid=sim-state]')).toHaveText(/ended/i);
    await expect(page.locator('[data-testid=node-queue]'), 'the path went to the queue').toHaveAttribute('data-mark', /visited|current/);
    await expect(page.locator('[data-testid=node-hangup]'), 'and ended in the hang-up').toHaveAttribute('data-mark', /visited|current/);
    await expect(page.locator('.react-flow__edge.edge-taken'), 'the exits taken are drawn').not.toHaveCount(0);
    await admin.shot('05-simulator');
  });

  await step('undoes and redoes edits', async () => {
    await admin.select('say');
    await page.fill('[data-testid=node-label]', 'Greeting');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid=node-say] .card-label')).toHaveText('Greeting');
    await page.click('[data-testid=undo]');
    await expect(page.locator('[data-testid=node-say] .card-label')).toHaveText('Welcome');
    await page.click('[data-testid=redo]');
    await expect(page.locator('[data-testid=node-say] .card-label')).toHaveText('Greeting');
    // Deleting a node takes its incoming wires; one undo brings both back.
    await admin.select('voicemail');
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(4);
    await page.keyboard.press('Control+z');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await expect(page.locator('.react-flow__edge')).toHaveCount(7);
    await page.keyboard.press('Control+Shift+z');
    await expect(page.locator('.react-flow__node')).toHaveCount(4);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-testid=node-say] .card-label')).toHaveText('Welcome');
    await expect(page.locator('[data-testid=dirty]'), 'undone back to the saved state').toHaveText('saved');
  });

  await step('copies, pastes and duplicates nodes', async () => {
    await admin.select('hangup');
    await page.keyboard.press('Control+d');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await page.keyboard.press('Control+z');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
  });

  await step('shows the keyboard shortcuts', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('?');
    await expect(page.locator('[data-testid=help]')).toHaveText(/Undo/);
    await admin.shot('06-help');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid=help]')).toHaveCount(0);
  });

  await step('exports, imports and gets the same flow', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const file = join(out, `${FLOW}.flow.json`);
    await download.saveAs(file);
    const exported = readFileSync(file, 'utf8');
    expect(JSON.parse(exported), 'the export is the stored draft').toEqual(saved.nodes ? await admin.api(`/api/flows/${FLOW}`) : null);
    // Import it back from the flows page: the draft is replaced by the same content, byte for byte.
    const before = await admin.fingerprint();
    await page.goto(`${base}/`);
    await page.setInputFiles('[data-testid=flows-import]', file);
    await page.waitForURL(new RegExp(`/flows/${FLOW}$`));
    await page.locator('[data-testid=node-say]').waitFor();
    expect(await admin.fingerprint(), 'the canvas after the import').toEqual(before);
    const again = await admin.raw(`/api/flows/${FLOW}/export`);
    expect(again, 'the same bytes').toBe(exported);
    // And into the open editor: the same flow changes nothing.
    await page.setInputFiles('[data-testid=import]', file);
    await expect(page.locator('[data-testid=notice]')).toHaveText(/Imported/);
    expect(await admin.fingerprint()).toEqual(before);
    const other = join(out, 'other.flow.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(exported), id: 'someone-else' }));
    await page.setInputFiles('[data-testid=import]', other);
    await expect(page.locator('[data-testid=notice]'), 'another flow is not pasted over this one').toHaveText(/not "/);
    await page.click('[data-testid=notice] button');
  });

  await step('compares versions in the history', async () => {
    await admin.select('say');
    await page.fill('[data-field="/text/*"]', 'Welcome to Acme, the second version.');
    await page.click('[data-testid=save]');
    await expect(page.locator('[data-testid=dirty]')).toHaveText('saved');
    await page.click('[data-testid=dock-history]');
    await page.locator('[data-testid=history-list]').waitFor();
    await page.click('[data-testid=history-vsdraft-1]');
    await expect(page.locator('[data-testid=diff-summary]')).toHaveText(/change/i);
    await expect(page.locator('[data-testid=node-say]'), 'the changed node is highlighted').toHaveAttribute('data-mark', 'changed');
    await admin.shot('07-history');
  });

  await step('shows the statistics overlay', async () => {
    // With no calls in the period, every node shows 0.
    await page.click('[data-testid=dock-stats]');
    await page.click('[data-testid=stats-load]');
    await page.locator('[data-testid=stats-empty], [data-testid=stats-table]').first().waitFor();
    await expect(page.locator('[data-testid=figure-say]'), 'every node shows its figure').toHaveText(/^0/);
    // A flow that real calls went through (DesignerBrowserTest made three over the Event Socket): a heatmap.
    const statsFlow = process.env.IVR_STATS_FLOW;
    if (!statsFlow) return;
    await page.goto(`${base}/flows/${statsFlow}`);
    await page.locator('[data-testid=node-hello]').waitFor();
    await page.click('[data-testid=dock-stats]');
    await page.click('[data-testid=stats-load]');
    await page.locator('[data-testid=stats-table]').waitFor();
    await expect(page.locator('[data-testid=figure-hello]'), 'three calls entered').toHaveText(/^3 in/);
    await expect(page.locator('[data-testid=figure-menu]')).toHaveText(/^3 in · 1 hung up/);
    await expect(page.locator('[data-testid=figure-sales]'), 'one pressed 1').toHaveText(/^1 in/);
    await admin.shot('08-stats');
  });

  await step('edits a calendar and previews open, closed and holiday', async () => {
    await page.goto(`${base}/`);
    await page.fill('[data-testid=new-flow-id]', `${FLOW}-hours`);
    await page.click('[data-testid=new-flow-create]');
    await page.locator('[data-testid=canvas]').waitFor();
    await page.dragAndDrop('[data-testid=palette-calendar]', '[data-testid=canvas]', { targetPosition: { x: 300, y: 80 } });
    await admin.select('calendar');
    await page.fill('[data-field="/calendar/timeZone"]', 'America/New_York');
    await page.fill('[data-field="/calendar/holidays/country"]', 'US');
    const preview = async (local, decision) => {
      await page.fill('[data-preview=at]', local);
      await page.click('[data-preview=check]');
      await expect(page.locator('[data-decision]'), `${local} is ${decision}`).toHaveAttribute('data-decision', decision);
    };
    await preview('2026-12-22T10:00', 'open');
    await preview('2026-12-22T20:00', 'closed');
    await preview('2026-12-25T10:00', 'holiday');
    await admin.shot('10-calendar');
  });

  admin.assertNoConsoleErrors();

  await step('keeps viewers read-only', async () => {
    const viewer = await Session.open(browser, base, out);
    await viewer.login(required('IVR_VIEWER_USER'), required('IVR_VIEWER_PASSWORD'), `/flows/${FLOW}`);
    const v = viewer.page;
    await v.locator('[data-testid=node-say]').waitFor();
    await expect(v.locator('[data-testid=dirty]')).toHaveText('read-only');
    await expect(v.locator('[data-testid=save]')).toBeDisabled();
    await expect(v.locator('[data-testid=publish]')).toBeDisabled();
    await expect(v.locator('[data-testid=undo]')).toBeDisabled();
    await expect(v.locator('[data-testid=palette-say]')).toHaveClass(/disabled/);
    await viewer.select('say');
    await expect(v.locator('[data-testid=node-label]')).toBeDisabled();
    await expect(v.locator('[data-field="/text/*"]')).toBeDisabled();
    await v.keyboard.press('Delete');
    await expect(v.locator('.react-flow__node'), 'Delete does nothing').toHaveCount(5);
    await viewer.shot('09-viewer');
    viewer.assertNoConsoleErrors();
    await viewer.close();
  });

  await step('does not let an editor without publish rights publish', async () => {
    const editor = await Session.open(browser, base, out);
    await editor.login(required('IVR_EDITOR_USER'), required('IVR_EDITOR_PASSWORD'), `/flows/${FLOW}`);
    await editor.page.locator('[data-testid=node-say]').waitFor();
    await expect(editor.page.locator('[data-testid=save]')).toBeDisabled();
    await expect(editor.page.locator('[data-testid=publish]')).toBeDisabled();
    await expect(editor.page.locator('[data-testid=publish]')).toHaveAttribute('title', /Only publishers and admins/);
    await editor.select('say');
    await expect(editor.page.locator('[data-testid=node-label]')).toBeEnabled();
    editor.assertNoConsoleErrors();
    await editor.close();
  });

  await admin.close();
} catch (e) {
  failed = true;
  console.error(`e2e: FAILED: ${e.stack ?? e}`);
  await admin?.shot('FAILED').catch(() => undefined);
  if (admin?.errors.length) console.error(`e2e: console of the failed page:\n  ${admin.errors.join('\n  ')}`);
} finally {
  await browser.close();
}
if (failed) process.exit(1);
console.log('e2e: all steps passed');
