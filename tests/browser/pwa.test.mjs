// tests/browser/pwa.test.mjs - installable and offline: Chromium's installability check, a reload with the
// network cut, and the update flow from one release to the next with no mix of the two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launch, launchOptions, site, paste, recordRequests, DIST, SHOTS } from './browser.mjs';
import { stamp } from '../../scripts/build-site.mjs';

const WARD = 'Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}

async function typeWard(page) {
  await page.fill('#input', WARD);
  await page.waitForFunction(() => /TUSC 9\.7%/.test(document.getElementById('status').textContent), null, { timeout: 20000 });
}

test('Chromium considers the app installable', async () => {
  const { server, url } = await site();
  // a real profile: Chromium never offers to install from an incognito context
  const profile = mkdtempSync(join(tmpdir(), 'wardshare-profile-'));
  const context = await chromium.launchPersistentContext(profile, launchOptions());
  const page = await context.newPage();
  await page.goto(url);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await (await page.request.get(`${url}manifest.webmanifest`)).json();
  assert.equal(manifest.display, 'standalone');
  assert.deepEqual(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const res = await page.request.get(url + icon.src);
    assert.equal(res.headers()['content-type'], 'image/png');
    const png = await res.body();
    assert.equal(png.readUInt32BE(16), Number(icon.sizes.split('x')[0]));  // IHDR width
  }
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
});

test('after one visit, with the network cut, the page loads and computes', async () => {
  const { server, url } = await site();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const requests = recordRequests(context);
  const page = await context.newPage();
  await page.goto(url);
  await controlled(page);
  await typeWard(page);
  await context.setOffline(true);
  server.close();  // and the server gone too
  await page.reload();
  await typeWard(page);
  assert.match(await page.textContent('.card h3'), /3 seats|seat/);
  await page.click('[data-example=report]');  // examples are precached too
  await page.waitForFunction(() => /^277 contests/.test(document.getElementById('status').textContent), null, { timeout: 20000 });
  await page.screenshot({ path: `${SHOTS}offline.png` });
  // CSV too: the second module, never fetched on this visit, was precached with the first
  await paste(page, readFileSync(new URL('../data/democracy-club.csv', import.meta.url), 'utf8'));
  await page.waitForFunction(() => /^3 contests/.test(document.getElementById('status').textContent) &&
    document.getElementById('format-note').textContent === 'Recognised: CSV.', null, { timeout: 20000 });
  const origin = new URL(url).origin;
  assert.deepEqual(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:')), []);
  await context.close();
});

test('a new release: the page offers a reload, serves the old release whole until then, then the new whole', async () => {
  const dirs = mkdtempSync(join(tmpdir(), 'wardshare-releases-'));
  const a = join(dirs, 'a');
  const b = join(dirs, 'b');
  cpSync(DIST, a, { recursive: true });
  cpSync(DIST, b, { recursive: true });
  // release B differs in its page and its script
  writeFileSync(join(b, 'index.html'), readFileSync(join(b, 'index.html'), 'utf8').replace('<h1>wardshare</h1>', '<h1>wardshare B</h1>'));
  writeFileSync(join(b, 'render.js'), `${readFileSync(join(b, 'render.js'), 'utf8')}\nexport const RELEASE = 'B';\n`);
  const versionB = stamp(b).version;
  const versionA = JSON.parse(readFileSync(join(a, 'version.json'), 'utf8')).version;
  assert.notEqual(versionA, versionB);

  let current = a;
  const { server, url } = await site(() => current);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await controlled(page);
  assert.equal(await page.textContent('h1'), 'wardshare');

  current = b;  // deploy B
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update:not([hidden])', { timeout: 20000 });
  // until the user says so, every file still comes from release A, even though the server has B
  const stillA = await page.evaluate(async () => [await (await fetch('index.html')).text(), await (await fetch('version.json')).json(), await (await fetch('render.js')).text()]);
  assert.match(stillA[0], /<h1>wardshare<\/h1>/);
  assert.equal(stillA[1].version, versionA);
  assert.doesNotMatch(stillA[2], /RELEASE = 'B'/);
  await page.screenshot({ path: `${SHOTS}update-offered.png` });

  await Promise.all([page.waitForEvent('load', { timeout: 20000 }), page.click('#update-reload')]);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'wardshare B', null, { timeout: 20000 });
  const nowB = await page.evaluate(async () => [(await (await fetch('version.json')).json()).version, await (await fetch('render.js')).text(), await caches.keys()]);
  assert.equal(nowB[0], versionB);
  assert.match(nowB[1], /RELEASE = 'B'/);
  assert.deepEqual(nowB[2], [`wardshare-${versionB}`]);  // the old release's cache is gone
  await typeWard(page);
  await context.close();
  server.close();
  rmSync(dirs, { recursive: true, force: true });
});
