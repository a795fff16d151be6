// tests/browser/browser.mjs - Debian's chromium driven by playwright-core, and the site served on loopback.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const SHOTS = fileURLToPath(new URL('../../build/screenshots/', import.meta.url));

export function launchOptions() {
  return {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  };
}

export function launch() {
  return chromium.launch(launchOptions());
}

/** Serves `root` on a free loopback port; returns { server, url }. */
export async function site(root = DIST, options = {}) {
  const server = await serve({ root, port: 0, ...options });
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Records every request a page makes, for the "nothing leaves" assertions. */
export function recordRequests(context) {
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  return seen;
}

/** Pastes `text` into the input box as a person does (clipboard and Ctrl+V: one input event). */
export async function paste(page, text, selector = '#input') {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}
