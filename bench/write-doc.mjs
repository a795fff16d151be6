// bench/write-doc.mjs - turns the benchmark programs' JSON lines into docs/benchmarks.md.
const [native, wasm, browser, sizes, scaling = []] = process.argv.slice(2).map((s) => JSON.parse(s));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const row = (...cells) => `| ${cells.join(' | ')} |`;
const lines = [
  '# Benchmarks',
  '',
  `Written by \`bash scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)} (2-core machine, ${wasm.node}, ` +
  `${browser.chromium ? `Chromium ${browser.chromium}` : 'Chromium'}). Input: the 2024 report, ` +
  `\`tests/corpus/tusc-local-elections-2024.txt\` (${native.bytes.toLocaleString('en-GB')} bytes, ${native.contests} contests). ` +
  'Medians unless stated. Benchmarks are not tests: nothing here is asserted.',
  '',
  '## Size (gzip -9), budgets checked by `scripts/build-site.mjs` at every build',
  '',
  row('file', 'gzip', 'raw', 'budget'), row('---', '---', '---', '---'),
  row('wardshare.wasm', kb(sizes.wasm.gzip), kb(sizes.wasm.raw), kb(sizes.wasm.budget)),
  row('wardshare-core.js (glue, terser)', kb(sizes.glue.gzip), kb(sizes.glue.raw), kb(sizes.glue.budget)),
  row(`the page's own JS (${sizes.page_js.files.length} files)`, kb(sizes.page_js.gzip), kb(sizes.page_js.raw), kb(sizes.page_js.budget)),
  row('wasm + glue', kb(sizes.wasm.gzip + sizes.glue.gzip), kb(sizes.wasm.raw + sizes.glue.raw), ''),
  '',
  '## Native (`build/bench/wardshare_bench FILE 50`)',
  '',
  row('phase', 'ms'), row('---', '---'),
  row('plain line scan of the same bytes (ceiling)', native.scan_ms),
  row('parse', native.parse_ms), row('compute', native.compute_ms), row('JSON output', native.json_ms), row('total', native.total_ms),
  '',
  `Throughput: read and compute ${native.read_compute_mb_s} MB/s, with JSON ${native.total_mb_s} MB/s ` +
  `(${native.contests_per_s.toLocaleString('en-GB')} contests/s); the line scan runs at ${native.scan_mb_s} MB/s.`,
  '',
  '## wasm against native, same input, one run (`node bench/wasm.mjs FILE 50`)',
  '',
  row('build', 'ms per report'), row('---', '---'),
  row('native (parse + compute + JSON)', wasm.native_ms),
  row('wasm in Node (`run`)', wasm.wasm_ms),
  row('wasm in Node, with `JSON.parse` of the result', wasm.wasm_with_json_parse_ms),
  '',
  `wasm / native: **${wasm.ratio}x**.`,
  '',
  '## In Chromium (`node bench/browser.mjs`)',
  '',
  row('measure', 'median ms', '95th percentile ms', 'samples'), row('---', '---', '---', '---'),
  row('navigation to first result (a ward in the link, fresh context)', browser.navigation_to_first_result_ms.median, browser.navigation_to_first_result_ms.p95, browser.navigation_to_first_result_ms.runs),
  row('keystroke to result, one ward in the box', browser.keystroke_to_result_ward_ms.median, browser.keystroke_to_result_ward_ms.p95, browser.keystroke_to_result_ward_ms.samples),
  row('keystroke to result, the whole 2024 report in the box', browser.keystroke_to_result_report_ms.median, browser.keystroke_to_result_report_ms.p95, browser.keystroke_to_result_report_ms.samples),
  row('of which compute in the worker (whole report)', browser.keystroke_to_result_report_ms.compute_median, '', ''),
  '',
  'Keystroke to result runs from the key event (`event.timeStamp`) to the end of the render of its result',
  '(`performance.measure("wardshare:input-to-result")`), computing in a worker, rendering once per frame.',
  '',
  '## Scaling (`node bench/generate.mjs MB`, then `/usr/bin/time build/wardshare --csv`)',
  '',
  'Generated inputs: the report\'s rows shuffled, votes varied, wards renamed, under headings (same seed, same bytes).',
  '',
  row('input', 'bytes', 'seconds', 'MB/s', 'peak memory', 'memory / input'), row('---', '---', '---', '---', '---', '---'),
  ...scaling.map((x) => row(`${x.mb} MB`, x.bytes.toLocaleString('en-GB'), x.seconds, (x.bytes / 1e6 / x.seconds).toFixed(1),
    `${(x.peak_kb / 1024).toFixed(0)} MB`, `${(x.peak_kb * 1024 / x.bytes).toFixed(1)}x`)),
  '',
];
console.log(lines.join('\n'));
