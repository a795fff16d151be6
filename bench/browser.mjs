// bench/browser.mjs - in Chromium: navigation to first result for a ward, and keystroke-to-result latency
// (median and 95th percentile) for one ward and with the whole 2024 report in the box, the whole report
// computed as the page computes it, warm, and pasted into a fresh page. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { launch, site, paste } from '../tests/browser/browser.mjs';

const REPORT = readFileSync(new URL('../tests/corpus/tusc-local-elections-2024.txt', import.meta.url), 'utf8');
const WARD = 'Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236';
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return +s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1); };
const spread = (v) => ({ median: pct(v, 0.5), p95: pct(v, 0.95), runs: v.length });

const { server, url } = await site();
const browser = await launch();
const out = {};

// 1. navigation to first result: a fresh context each time (nothing cached), the ward in the link
const firsts = [];
for (let i = 0; i < 9; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}?nosw#text=${encodeURIComponent(WARD)}`);
  await page.waitForFunction(() => performance.getEntriesByName('wardshare:input-to-result').length > 0);
  firsts.push(await page.evaluate(() => { const e = performance.getEntriesByName('wardshare:input-to-result')[0]; return e.startTime + e.duration; }));
  await context.close();
}
out.navigation_to_first_result_ms = spread(firsts);

/** The page in a fresh context that may paste (clipboard permission), without its service worker. */
async function pastingPage() {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
  const page = await context.newPage();
  await page.goto(`${url}?nosw`);
  return { context, page };
}

// 2. keystroke to result: type at the end of the box, one key at a time, each given time to finish
async function keystrokes(text, keys) {
  const { context, page } = await pastingPage();
  await paste(page, text);
  await page.waitForFunction(() => document.querySelectorAll('.card').length > 0, null, { timeout: 20000 });
  // (the page's own module, which computes inputs up to 16 KB on its thread: loaded at start, and here known
  // loaded before the first key is timed)
  await page.waitForFunction(() => 'computesHere' in document.documentElement.dataset, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => { performance.clearMeasures(); const t = document.getElementById('input'); t.setSelectionRange(t.value.length, t.value.length); });
  for (const k of keys) {
    await page.keyboard.type(k);
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(300);
  const entries = await page.evaluate(() => performance.getEntriesByName('wardshare:input-to-result').map((e) => [e.duration, e.detail.compute, e.detail.core, e.detail.where]));
  await context.close();
  return { median: pct(entries.map((e) => e[0]), 0.5), p95: pct(entries.map((e) => e[0]), 0.95),
    compute_median: pct(entries.map((e) => e[1]), 0.5), core_median: pct(entries.map((e) => e[2]), 0.5), samples: entries.length,
    where: [...new Set(entries.map((e) => e[3]))].join(', ') };
}
// 3. the whole report computed as the page computes it (web/core.js computeJson, then JSON.parse), warm, on
// the page's thread with nothing else running: the page's document (display) against the full one, in turns,
// every line read (reuse_lines off: the same text again would find every line read before); then the module's
// reading and computing as a keystroke has it, the last line changed and the others met before (reuse_lines on)
async function computeInPage() {
  const page = await browser.newPage();
  await page.goto(`${url}?nosw`);
  const r = await page.evaluate(async (text) => {
    const core = await import('./core.js');
    const m = await core.load();
    const t = { display: [], display_parse: [], full: [], full_parse: [], read_compute: [], read_compute_edited: [] };
    const edits = [`${text}\nLab 100; Con 5`, `${text}\nLab 100; Con 50`];
    for (let i = 0; i < 60; i++) {
      // (in turns with the others, which leave the module's cache alone: each of these changes one line)
      core.computeJson(m, edits[i % 2], { summary: true, display: true, reuse_lines: true });
      if (i >= 10) t.read_compute_edited.push(m.read_compute_ms());
      for (const display of [true, false]) {
        const a = performance.now();
        const json = core.computeJson(m, text, { summary: true, display, reuse_lines: false });
        const b = performance.now();
        if (i >= 10 && display) t.read_compute.push(m.read_compute_ms());  // the module's own clock: before it writes
        JSON.parse(json);
        const c = performance.now();
        if (i >= 10) { t[display ? 'display' : 'full'].push(b - a); t[display ? 'display_parse' : 'full_parse'].push(c - b); }
      }
    }
    return t;
  }, REPORT);
  await page.close();
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, pct(v, 0.5)]));
}
out.whole_report_compute_in_page_ms = await computeInPage();
// 4. the whole report pasted into a page opened a moment before (its worker started in idle time): paste to result
const pastes = [];
for (let i = 0; i < 7; i++) {
  const { context, page } = await pastingPage();
  await page.waitForTimeout(1500);
  await page.evaluate(() => performance.clearMeasures());
  await paste(page, REPORT);
  await page.waitForFunction(() => performance.getEntriesByName('wardshare:input-to-result').length > 0, null, { timeout: 20000 });
  pastes.push(await page.evaluate(() => performance.getEntriesByName('wardshare:input-to-result')[0].duration));
  await context.close();
}
out.paste_report_to_result_ms = spread(pastes);
out.keystroke_to_result_ward_ms = await keystrokes(WARD, [...' Green 12; Ind 40'.repeat(2)]);
out.keystroke_to_result_report_ms = await keystrokes(REPORT, [...'\nLab 100; Con 50; TUSC 7 (4.7%)']);
out.chromium = browser.version();
console.log(JSON.stringify(out));
await browser.close();
server.close();
