// web/worker.js - computes off the main thread. Keystrokes arrive faster than a whole report computes, so
// only the newest waiting job runs; the page drops any answer older than the one it shows.
import { load, moduleFor, loadFull, computeJson, csvWith } from './core.js';

let waiting = null;
let running = false;

self.onmessage = (event) => {
  const job = event.data;
  if (job.type === 'warm') {  // started ahead of a large paste: the module loaded, and run once, before it is needed
    load().then(rehearse).catch(() => {});
    return;
  }
  if (job.type === 'csv') {
    // (the CSV export is the second module's: the page's writes none)
    loadFull().then((m) => self.postMessage({ type: 'csv', id: job.id, csv: csvWith(m, job.text, job.options) }));
    return;
  }
  waiting = job;
  if (!running) run();
};

/**
 * Reads a made-up report once, when the page is idle, as a paste would be read. V8 compiles a wasm function when it
 * is first called and optimises it once it has run hot: the first report pasted took ~90 ms to read and compute in
 * a fresh module, against ~2 ms for the same report again, and the optimising happened while the page drew the
 * result. A report pasted into a fresh page: 400 ms to its result without this, 256 ms with it (medians of 8, in
 * turns). Rows like the seed report's, under headings, with printed shares and totals.
 */
function rehearse(module) {
  if (waiting || running) return;  // (a real job came first: it warms the module instead)
  const rows = [];
  for (let i = 0; i < 240; i++) {
    if (i % 20 === 0) rows.push(`Area ${i / 20}`, 'Ward\tTUSC candidate\tResult');
    const v = [1160 + i, 1142, 529 + (i % 7), 329, 218 - (i % 5)];
    rows.push(`Ward ${i} (two seats)\tA Candidate\tLab ${v[0]}; Lab ${v[1]}; Con ${v[2]}; LD ${v[3]}; TUSC ${v[4]} (9.7%) Votes cast ${v[0] + v[2] + v[3] + v[4]}`);
  }
  const read = JSON.parse(computeJson(module, rows.join('\n'), { display: true, summary: true }));
  self.postMessage({ type: 'rehearsed', contests: read.contests.length });
}

async function run() {
  running = true;
  try {
    while (waiting) {
      const job = waiting;
      waiting = null;
      const module = await moduleFor(job.text, job.options);  // loaded once each, then at once
      const start = performance.now();
      const json = computeJson(module, job.text, job.options);  // parsed by the page, not cloned
      // ms: the whole call; core: the module's reading and computing, before it writes the answer
      self.postMessage({ type: 'result', id: job.id, json, ms: performance.now() - start, core: module.read_compute_ms() });
    }
  } catch (error) {
    self.postMessage({ type: 'error', message: String(error?.message ?? error) });
  } finally {
    running = false;
  }
}
