// tests/browser/embed.test.mjs - wardshare inside other sites: the <ward-calculator> element on a host page
// on another origin and under a strict CSP, with hostile host CSS; and the ?embed iframe, sized by
// origin-checked messages. Every request is recorded: none leaves for an origin not involved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, site, recordRequests, DIST, SHOTS } from './browser.mjs';

const WARD = 'Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236';
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const HOSTILE = '* { all: unset !important; }\ndiv { display: none !important; }\nbody { font: 40px serif !important; }\n';
let browser, files, tmp;

before(async () => {
  browser = await launch();
  files = await site();  // the wardshare files, on their own origin
  tmp = mkdtempSync(join(tmpdir(), 'wardshare-hosts-'));
});
after(async () => {
  await browser?.close();
  files?.server.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A host page in its own folder, served on a second port with `csp`. */
async function host(name, { csp, html, script, withFiles = false }) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  if (withFiles) cpSync(DIST, join(dir, 'wardshare'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
    `<link rel="stylesheet" href="hostile.css"><script type="module" src="host.js"></script></head><body>${html}` +
    '<div id="host-own">the host\'s own div</div></body></html>');
  writeFileSync(join(dir, 'hostile.css'), HOSTILE);
  writeFileSync(join(dir, 'favicon.ico'), '');
  writeFileSync(join(dir, 'host.js'), script);
  const served = await site(dir, { headers: (path) => (path.endsWith('.html') ? { 'Content-Security-Policy': csp } : {}) });
  return served;
}

async function open(url) {
  const context = await browser.newContext();
  const requests = recordRequests(context);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy|Refused/.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { context, page, requests, problems };
}

const ELEMENT_SCRIPT = (from) => `
import '${from}ward-calculator.js';
window.events = [];
const calc = document.createElement('ward-calculator');
calc.setAttribute('seats', '3');
calc.addEventListener('change', (e) => window.events.push(e.detail));
document.getElementById('slot').append(calc);
calc.value = ${JSON.stringify(WARD)};
`;

async function checkElement(page) {
  await page.waitForFunction(() => window.events?.length > 0, null, { timeout: 20000 });
  const result = await page.evaluate(() => document.querySelector('ward-calculator').result);
  assert.equal(result.contests.length, 1);
  assert.equal(result.contests[0].parties.find((p) => p.label === 'TUSC').rounded, '9.7');
  assert.equal(result.contests[0].seats, 3);
  const detail = await page.evaluate(() => window.events.at(-1).contests[0].ward);
  assert.equal(detail, 'Fryerns');
  // the host's hostile CSS hides its own divs and unsets everything, yet the element still shows its table
  assert.equal(await page.isVisible('#host-own'), false);
  const table = page.locator('ward-calculator table');
  assert.equal(await table.isVisible(), true);
  const box = await table.boundingBox();
  assert.ok(box.width > 200 && box.height > 60, JSON.stringify(box));
  assert.match(await page.locator('ward-calculator .status').textContent(), /TUSC 9\.7%/);
  // and the element's styles stay inside: the host's body font is the host's
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '40px');
  // attributes drive it: a new method recomputes and fires change again
  const before = await page.evaluate(() => window.events.length);
  await page.evaluate(() => document.querySelector('ward-calculator').setAttribute('method', 'total'));
  await page.waitForFunction((n) => window.events.length > n, before);
  assert.equal(await page.evaluate(() => document.querySelector('ward-calculator').result.contests[0].method), 'total');
  // readonly reaches the text box
  await page.evaluate(() => document.querySelector('ward-calculator').setAttribute('readonly', ''));
  assert.equal(await page.locator('ward-calculator textarea').evaluate((t) => t.readOnly), true);
}

test('the element on a host page on another origin, with the strict CSP plus that origin', async () => {
  const origin = new URL(files.url).origin;
  const csp = `default-src 'self' ${origin}; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self'`;
  const h = await host('cross-origin', { csp, html: '<main><section id="slot"></section></main>', script: ELEMENT_SCRIPT(files.url) });
  const { context, page, requests, problems } = await open(h.url);
  await checkElement(page);
  // typing in the element's own box recomputes too
  await page.evaluate(() => document.querySelector('ward-calculator').removeAttribute('readonly'));
  await page.locator('ward-calculator textarea').fill('Lab 10; Con 30');
  await page.waitForFunction(() => document.querySelector('ward-calculator').result.contests[0]?.parties[0].label === 'Con');
  assert.equal(await page.evaluate(() => document.querySelector('ward-calculator').value), 'Lab 10; Con 30');
  await page.screenshot({ path: `${SHOTS}embed-element.png`, fullPage: true });
  const allowed = [new URL(h.url).origin, origin];
  assert.deepEqual(requests.filter((r) => !allowed.some((o) => r.startsWith(o))), []);
  assert.deepEqual(problems, []);
  await context.close();
  h.server.close();
});

test('the element under exactly the strict CSP, its files hosted beside the page', async () => {
  const h = await host('strict', { csp: STRICT, html: '<main><p id="slot"></p></main>', script: ELEMENT_SCRIPT('./wardshare/'), withFiles: true });
  const { context, page, requests, problems } = await open(h.url);
  await checkElement(page);
  assert.deepEqual(requests.filter((r) => !r.startsWith(new URL(h.url).origin)), []);
  assert.deepEqual(problems, []);
  await context.close();
  h.server.close();
});

test('the iframe form: titled, lazy, sized to its content by origin-checked messages', async () => {
  const origin = new URL(files.url).origin;
  const csp = `default-src 'self'; script-src 'self' ${origin}; frame-src ${origin}; style-src 'self'`;
  const src = `${files.url}?embed#text=${encodeURIComponent(WARD)}`;
  const h = await host('iframe', {
    csp,
    html: `<iframe data-wardshare src="${src}" title="wardshare: vote shares" loading="lazy"></iframe>`,
    script: `import '${files.url}embed-host.js';`,
  });
  const { context, page, requests, problems } = await open(h.url);
  const frame = page.locator('iframe[data-wardshare]');
  assert.equal(await frame.getAttribute('title'), 'wardshare: vote shares');
  assert.equal(await frame.getAttribute('loading'), 'lazy');
  // the embedded page computes and the host grows the frame to fit it
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400, null, { timeout: 20000 });
  const inner = page.frameLocator('iframe[data-wardshare]');
  await inner.locator('.card').waitFor();
  assert.match(await inner.locator('#status').textContent(), /TUSC 9\.7%/);
  assert.equal(await inner.locator('header.top').isVisible(), false);
  const height = await frame.evaluate((f) => f.getBoundingClientRect().height);
  // a message from anywhere else (here the host itself) is ignored
  await page.evaluate(() => window.postMessage({ type: 'wardshare:height', height: 120 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await frame.evaluate((f) => f.getBoundingClientRect().height), height);
  await page.screenshot({ path: `${SHOTS}embed-iframe.png`, fullPage: true });
  const allowed = [new URL(h.url).origin, origin];
  assert.deepEqual(requests.filter((r) => !allowed.some((o) => r.startsWith(o))), []);
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
  await context.close();
  h.server.close();
});
