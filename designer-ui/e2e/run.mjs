// A minimal browser check of the running designer, until the real end-to-end suite replaces this file.
// ivr-app's DesignerBrowserTest starts the app and runs `node e2e/run.mjs` with:
//   IVR_BASE_URL  the app, e.g. http://127.0.0.1:8080
//   IVR_USER, IVR_PASSWORD  an admin; IVR_VIEWER_USER/_PASSWORD and IVR_EDITOR_USER/_PASSWORD (no publish right)
//   CHROMIUM      the browser executable (Debian's /usr/bin/chromium)
//   E2E_OUT       where screenshots go
// It opens the base URL, signs in through the login form when there is one, and saves a screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = required('IVR_BASE_URL');
const out = process.env.E2E_OUT ?? join(process.cwd(), 'test-output');
mkdirSync(out, { recursive: true });

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`e2e: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`e2e: page error: ${e.message}`));
  const response = await page.goto(baseUrl, { waitUntil: 'networkidle' });
  console.log(`e2e: GET ${baseUrl} -> ${response?.status()}`);
  const user = page.locator('input[name="username"]');
  if ((await user.count()) > 0) {
    await user.fill(required('IVR_USER'));
    await page.locator('input[name="password"]').fill(required('IVR_PASSWORD'));
    await page.locator('button[type="submit"]').click();
    await page.waitForLoadState('networkidle');
    console.log(`e2e: signed in as ${process.env.IVR_USER}, now at ${page.url()}`);
  } else {
    console.log('e2e: no login form found');
  }
  await page.screenshot({ path: join(out, 'login.png'), fullPage: true });
  console.log(`e2e: screenshot saved to ${join(out, 'login.png')}`);
} finally {
  await browser.close();
}
