// web/worker.js - computes off the main thread. Keystrokes arrive faster than a whole report computes, so
// only the newest waiting job runs; the page drops any answer older than the one it shows.
import { load, moduleFor, loadFull, computeJson, csvWith } from './core.js';

let waiting = null;
let running = false;

self.onmessage = (event) => {
  const job = event.data;
  if (job.type === 'warm') {  // started ahead of a large paste: the module loaded before it is needed
    load().catch(() => {});
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
