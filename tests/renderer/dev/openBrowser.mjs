// The headless Debian Chromium both screenshot scripts drive, with console errors collected and a `shot` helper
// saving test-results/screenshots/<prefix>-<name>.png (git-ignored) for a person to look at.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export async function openBrowser(prefix) {
  const out = 'test-results/screenshots';
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    // Debian's Chromium, or another (e.g. the npm-packaged one the tests unpack) named by LOPSIDED_CHROMIUM
    executablePath: process.env.LOPSIDED_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const shot = async (name, full = true) => { await page.screenshot({ path: `${out}/${prefix}-${name}.png`, fullPage: full }); console.log('saved', name); };
  return { browser, page, errors, shot };
}

/** Opens the both-sides session screen of the fake page with its side and left clips merged. */
export async function openBothSidesSession(page, base) {
  await page.goto(`${base}#/session`);
  await page.getByTestId('session-pick').waitFor();
  await page.locator('input[data-job-id="side"]').check();
  await page.locator('input[data-job-id="left"]').check();
  await page.getByTestId('session-confirm').check();
  await page.getByTestId('session-result').waitFor();
}
