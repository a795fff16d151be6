// bench/write-doc.mjs - turns the benchmark programs' JSON lines into docs/benchmarks.md.
const [native, wasm, browser, sizes, scaling = [], large, pgo, wasmUnguided] = process.argv.slice(2).map((s) => JSON.parse(s));
const page = browser.whole_report_compute_in_page_ms;
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
  '## Against the targets (issue 7)',
  '',
  row('target', 'measured here', 'met'), row('---', '---', '---'),
  row('native read and compute at least 100 MB/s', `${native.read_compute_mb_s} MB/s` +
    (large ? ` on the report; ${large.read_compute_mb_s} MB/s on a generated ${(large.bytes / 1e6).toFixed(0)} MB input ` +
      `(${large.contests.toLocaleString('en-GB')} contests)` : ''),
    native.read_compute_mb_s >= 100 && (!large || large.read_compute_mb_s >= 100) ? 'yes' : 'no'),
  row('wasm within 2x of native', (wasm.same_program_ratio ? `${wasm.same_program_ratio}x for the same program (parse, compute, JSON; the median of ` +
    `${wasm.rounds} rounds, each wasm run against the native run just before it: ${Math.min(...wasm.same_program_ratios)}x to ` +
    `${Math.max(...wasm.same_program_ratios)}x); ` : '') +
    (wasm.read_compute_ratio ? `${wasm.read_compute_ratio}x reading and computing as the page calls it; ` : '') +
    `${wasm.ratio}x for the page's whole call, decoding the JSON text included` +
    (wasmUnguided?.same_program_ratio ? `. Against the native build compiled without the profile (wasm has none): ` +
      `${wasmUnguided.same_program_ratio}x for the same program (rounds ${Math.min(...wasmUnguided.same_program_ratios)}x to ` +
      `${Math.max(...wasmUnguided.same_program_ratios)}x), ${wasmUnguided.read_compute_ratio}x reading and computing as the page calls it` : ''),
    (wasm.same_program_ratio ?? wasm.ratio) <= 2 ? 'yes' : 'no'),
  row('whole 2024 report under 2 ms of compute in the page',
    (browser.keystroke_to_result_report_ms.core_median !== undefined
      ? `reading and computing in the module (summary included), per keystroke in the worker: ${browser.keystroke_to_result_report_ms.core_median} ms; ` +
        (page?.read_compute_edited !== undefined ? `warm on the page's thread, a keystroke's change (lines met before reused): ${page.read_compute_edited} ms, ` : '') +
        `every line read: ${page?.read_compute ?? '?'} ms; `
      : '') +
    `the whole call with writing and decoding the JSON: ${browser.keystroke_to_result_report_ms.compute_median} ms per keystroke` +
    (page ? ` (${page.display} ms + ${page.display_parse} ms \`JSON.parse\` warm)` : ''),
    (browser.keystroke_to_result_report_ms.core_median ?? browser.keystroke_to_result_report_ms.compute_median) < 2 ? 'yes' : 'no'),
  row('single ward keystroke to result under one frame (16.7 ms)', `median ${browser.keystroke_to_result_ward_ms.median} ms, p95 ${browser.keystroke_to_result_ward_ms.p95} ms`,
    browser.keystroke_to_result_ward_ms.p95 < 16.7 ? 'yes' : browser.keystroke_to_result_ward_ms.median < 16.7 ? 'median only' : 'no'),
  '',
  '## Size (gzip -9), budgets checked by `scripts/build-site.mjs` at every build',
  '',
  row('file', 'gzip', 'raw', 'budget'), row('---', '---', '---', '---'),
  row('wardshare.wasm (the page\'s module: every format but CSV and JSON; no CSV export)', kb(sizes.wasm.gzip), kb(sizes.wasm.raw), kb(sizes.wasm.budget)),
  row('wardshare-full.wasm (the whole core; loaded only for CSV or JSON input, or the CSV export)', kb(sizes.wasm_full.gzip), kb(sizes.wasm_full.raw), kb(sizes.wasm_full.budget)),
  row('wardshare-core.js (glue, terser)', kb(sizes.glue.gzip), kb(sizes.glue.raw), kb(sizes.glue.budget)),
  row(`the page's own JS (${sizes.page_js.files.length} files)`, kb(sizes.page_js.gzip), kb(sizes.page_js.raw), kb(sizes.page_js.budget)),
  row('wasm + glue', kb(sizes.wasm.gzip + sizes.glue.gzip), kb(sizes.wasm.raw + sizes.glue.raw), ''),
  '',
  '## Native (`build/bench/wardshare_bench FILE 50`, five runs: the run with the median read-and-compute time)',
  '',
  row('phase', 'ms'), row('---', '---'),
  row('plain line scan of the same bytes (ceiling)', native.scan_ms),
  row('parse', native.parse_ms), row('compute', native.compute_ms), row('JSON output', native.json_ms), row('total', native.total_ms),
  ...(native.summary_ms !== undefined ? [row('(report mode\'s summary, not in the total)', native.summary_ms)] : []),
  ...(native.parse_cache_edit_ms !== undefined ? [
    row('(parse with a line cache, after the last line changed: a keystroke in the page)', native.parse_cache_edit_ms),
    row('(parse with an empty line cache: the first paste)', native.parse_cache_first_ms)] : []),
  ...(native.compute_reuse_ms !== undefined ? [
    row('(compute after that edit, taking from the last result the contests it left as they were)', native.compute_reuse_ms),
    row('(a keystroke in the page, all told: that parse, that compute and the summary)', native.keystroke_ms)] : []),
  '',
  `Throughput: read and compute ${native.read_compute_mb_s} MB/s, with JSON ${native.total_mb_s} MB/s ` +
  `(${native.contests_per_s.toLocaleString('en-GB')} contests/s); the line scan runs at ${native.scan_mb_s} MB/s.`,
  ...(pgo ? ['', `The native build is profile-guided (\`scripts/build-native.sh\`: the core compiled instrumented, run over the ` +
    'report and the example pastes, compiled again with that profile). Against the same program built without it ' +
    `(\`build-nopgo/\`; \`node bench/native-ab.mjs build-nopgo/bench/wardshare_bench build/bench/wardshare_bench FILE ${pgo.rounds}\`, ` +
    `${pgo.rounds} rounds, the two run back to back in turns): parse ${pgo.a.parse_ms} -> ${pgo.b.parse_ms} ms, compute ` +
    `${pgo.a.compute_ms} -> ${pgo.b.compute_ms} ms, JSON ${pgo.a.json_ms} -> ${pgo.b.json_ms} ms; read and compute ` +
    `${pgo.a.read_compute_mb_s} -> ${pgo.b.read_compute_mb_s} MB/s, **${pgo.read_compute_ratio}x** (rounds from ${pgo.ratio_min}x to ${pgo.ratio_max}x).`] : []),
  ...(large ? ['', `On a generated input (\`node bench/generate.mjs 5\`: ${large.bytes.toLocaleString('en-GB')} bytes, ` +
    `${large.contests.toLocaleString('en-GB')} contests; \`build/bench/wardshare_bench FILE 5\`, three runs, the median): parse ` +
    `${large.parse_ms} ms, compute ${large.compute_ms} ms, JSON ${large.json_ms} ms; read and compute ${large.read_compute_mb_s} MB/s, ` +
    `with JSON ${large.total_mb_s} MB/s (${large.contests_per_s.toLocaleString('en-GB')} contests/s); the line scan ${large.scan_mb_s} MB/s.`] : []),
  '',
  '## wasm against native, same input, one run (`node bench/wasm.mjs FILE 50`)',
  '',
  `${wasm.rounds} alternating rounds (native, wasm, native, ...), medians of the rounds' medians.`,
  '',
  row('build', 'ms per report'), row('---', '---'),
  row('native (parse + compute + JSON)', wasm.native_ms),
  row('wasm in Node as the page calls it (`runText`: text in, the JSON decoded out of wasm memory)', wasm.wasm_ms),
  row('the same, with `JSON.parse` of the result', wasm.wasm_with_json_parse_ms),
  ...(wasm.wasm_read_compute_ms !== undefined ? [row('of the page\'s call, reading and computing (the module\'s clock, `read_compute_ms`)', wasm.wasm_read_compute_ms),
    row('native reading and computing (parse + compute)', +(wasm.native.parse_ms + wasm.native.compute_ms).toFixed(3))] : []),
  '',
  `wasm / native, the page's whole call: **${wasm.ratio}x** (most of the difference is decoding the 800 KB JSON text into a`,
  'JavaScript string, ~2-3 ms on this machine for any decoder tried: TextDecoder utf-8, latin1, Buffer)' +
  (wasm.read_compute_ratio ? `; reading and computing alone: **${wasm.read_compute_ratio}x**.` : '.'),
  '',
  ...(wasm.same_program ? [
    'The same benchmark program (bench/native.cpp) compiled to wasm with the page module\'s flags ' +
    '(`build-wasm/wasm/wardshare_bench.cjs`, run by Node), phase by phase:',
    '',
    row('phase', 'native ms', 'wasm ms', 'wasm / native'), row('---', '---', '---', '---'),
    ...['parse_ms', 'compute_ms', 'json_ms', 'total_ms', 'summary_ms', 'parse_cache_edit_ms', 'parse_cache_first_ms', 'compute_reuse_ms', 'keystroke_ms']
      .filter((k) => wasm.native[k] !== undefined && wasm.same_program[k] !== undefined)
      .map((k) => row({ summary_ms: 'summary (not in the total)', parse_cache_edit_ms: 'parse, lines reused after an edit (not in the total)',
        parse_cache_first_ms: 'parse, empty line cache (not in the total)',
        compute_reuse_ms: 'compute after that edit, the last result reused (not in the total)',
        keystroke_ms: 'a keystroke: parse and compute reusing, and the summary (not in the total)' }[k] ?? k.replace('_ms', ''), wasm.native[k], wasm.same_program[k],
        `${(wasm.same_program[k] / wasm.native[k]).toFixed(2)}x`)),
    '',
  ] : []),
  '## In Chromium (`node bench/browser.mjs`)',
  '',
  row('measure', 'median ms', '95th percentile ms', 'samples'), row('---', '---', '---', '---'),
  row('navigation to first result (a ward in the link, fresh context)', browser.navigation_to_first_result_ms.median, browser.navigation_to_first_result_ms.p95, browser.navigation_to_first_result_ms.runs),
  ...(browser.paste_report_to_result_ms ? [row('the whole 2024 report pasted into a page opened 1.5 s before: paste to result', browser.paste_report_to_result_ms.median, browser.paste_report_to_result_ms.p95, browser.paste_report_to_result_ms.runs)] : []),
  row(`keystroke to result, one ward in the box (computed on: ${browser.keystroke_to_result_ward_ms.where ?? 'worker'})`, browser.keystroke_to_result_ward_ms.median, browser.keystroke_to_result_ward_ms.p95, browser.keystroke_to_result_ward_ms.samples),
  row(`of which the module's call (one ward: computing and decoding the JSON text)`, browser.keystroke_to_result_ward_ms.compute_median, '', ''),
  row(`keystroke to result, the whole 2024 report in the box (computed on: ${browser.keystroke_to_result_report_ms.where ?? 'worker'})`, browser.keystroke_to_result_report_ms.median, browser.keystroke_to_result_report_ms.p95, browser.keystroke_to_result_report_ms.samples),
  row('of which the worker\'s call (whole report: the module, then decoding the JSON text)', browser.keystroke_to_result_report_ms.compute_median, '', ''),
  ...(browser.keystroke_to_result_report_ms.core_median !== undefined
    ? [row('of which reading and computing in the module (`read_compute_ms`, summary included)', browser.keystroke_to_result_report_ms.core_median, '', '')] : []),
  '',
  'Keystroke to result runs from the key event (`event.timeStamp`) to the end of the render of its result',
  '(`performance.measure("wardshare:input-to-result")`). An input up to 16 KB is computed on the page\'s thread, by',
  'the module loaded there at start (fetched beside app.js: `modulepreload` and `preload` in index.html): for one',
  'ward the round trip to a worker had been ~6 ms of a keystroke\'s ~8 (median 7.7 ms, p95 18.6 ms on 2026-12-02),',
  'its answer waiting while the page\'s thread drew the edited box, against 0.3 ms of computing; and the first',
  'result waited for a worker to start (navigation to first result 621 ms that day). A larger input is computed in a',
  'worker, started when the page is idle after its first result (a pasted report waited ~350 ms more when the paste',
  'had to start it), which hands the page the JSON text (the page parses it: cheaper than cloning a parsed result',
  'between threads), so typing never waits for it. Rendering is once per frame; cards and report tables off screen',
  'skip layout (`content-visibility: auto`).',
  '',
  ...(page ? [
    'The whole report computed as the page computes it (`computeJson`, then `JSON.parse`), warm, on the page\'s',
    'thread with nothing else running; the document the page asks for (`display`: only what it shows,',
    'docs/json.md) against the full one, in turns:',
    '',
    row('document', 'computeJson ms', 'JSON.parse ms', 'total ms'), row('---', '---', '---', '---'),
    row('display (what the page uses)', page.display, page.display_parse, +(page.display + page.display_parse).toFixed(1)),
    row('full (the CLI\'s `--json --summary`)', page.full, page.full_parse, +(page.full + page.full_parse).toFixed(1)),
    ...(page.read_compute !== undefined ? ['',
      `Of the display call, reading and computing (the module's own clock, before it writes the answer): ${page.read_compute} ms;`,
      'the rest is writing the JSON in wasm and decoding it into a JavaScript string. These calls read every line',
      '(`reuse_lines` off); in turns with them, the same text with its last line changed each time, as typing',
      `changes it, read with the lines met before reused (the page's way): ${page.read_compute_edited ?? '?'} ms of reading and computing.`] : []),
    '',
  ] : []),
  '## Scaling (`node bench/generate.mjs MB`, then `/usr/bin/time build/wardshare --csv` and `--json`)',
  '',
  'Generated inputs: the report\'s rows shuffled, votes varied (each row\'s total and printed share made to agree',
  'again, bar a typo in about one row in 25, as in real reports), wards renamed, under headings (same seed, same bytes).',
  '`--csv` reads text in 1 MB pieces and forgets each contest once printed (`stream_reader`): memory stays flat.',
  '`--json` (and report mode) hold the whole document and its result: memory grows in proportion to the input. The',
  'JSON itself (~20 times the input) is written out 64 KB at a time as it is made (`write_json`), not held: on 5 MB',
  'that took the peak from 324 to 169 MB and the run from 1.5 to 1.0 s (2026-12-02).',
  '',
  row('input', 'output', 'bytes', 'seconds', 'MB/s', 'peak memory', 'memory / input'), row('---', '---', '---', '---', '---', '---', '---'),
  ...scaling.map((x) => row(`${x.mb} MB`, x.output ?? 'csv', x.bytes.toLocaleString('en-GB'), x.seconds, (x.bytes / 1e6 / x.seconds).toFixed(1),
    `${(x.peak_kb / 1024).toFixed(0)} MB`, `${(x.peak_kb * 1024 / x.bytes).toFixed(1)}x`)),
  '',
  '## Where the time goes (profiles: `perf record -e cpu-clock --call-graph dwarf build/bench/wardshare_bench FILE 60`;',
  'instruction counts, steadier than time on a shared machine: `valgrind --tool=callgrind` on the same program built',
  'RelWithDebInfo, then `callgrind_annotate --inclusive=yes`; for wasm, the module linked with `--profiling-funcs`',
  'and run under `node --cpu-prof`)',
  '',
  '- Native, per report (callgrind, the builtin registry\'s one-time setup left out): parse ~5.7 M instructions',
  '  (was ~8.5 M before the changes below), compute ~2.3 M (was ~3.6 M), the summary ~0.35 M, JSON ~11 M.',
  '  Allocations per report: parse 1,547 (was 5,910), compute 1,359 (was 1,913). By line kind, the report\'s 412',
  '  result rows take ~80% of parse, ~1 µs each: half reading the row, half building its contest.',
  '- The latest changes, largest first (each checked against the CLI\'s previous outputs: 2,075',
  '  comparisons over every sample, the seeds, the fuzz regressions and 300 mangled extracts, every method and option):',
  '  piece vectors recycled from line to line and the line\'s classification reused (parse 0.83 -> 0.68 ms: it had',
  '  allocated 2.4 MB per report); headings and prose not read for results when they have no digit, nor searched',
  '  for a results start without a `;` (0.63 -> 0.59); the registry\'s own spellings (`Lab`, `Green`) found by one',
  '  hash lookup before normalising, keys hashed eight bytes at a time; compute\'s focus looked up once a document,',
  '  fractions and candidate order on the stack, 64-bit division where shares fit (0.30 -> 0.24); the summary\'s',
  '  quotes matched against wards gathered side by side (0.15 -> 0.12).',
  '- wasm: Binaryen at -Oz inlines only functions of up to 2 instructions, so std::string\'s accessors and the JSON',
  '  writer\'s helpers were calls in every loop. A second Binaryen pass after the link inlines up to 8 (wasm/',
  '  CMakeLists.txt): ~12% faster, and smaller; setting that limit for the link\'s own pass made the module 1.4 KB',
  '  larger. The JSON writer\'s room(), put() and value test are now always in line: wasm JSON 1.83 -> 1.41 ms.',
  '  Still: -O2 would be ~30% faster but ~80 KB gzip, over the 60 KB budget; dlmalloc is no faster than emmalloc;',
  '  a word-at-a-time scan for markup in `clean` made no difference, natively or in wasm (reverted).',
  '- The page: the module keeps a line cache (`wardshare::line_cache`) from call to call. A keystroke changes one',
  '  line; every other line is met again and neither cleaned nor classified, its positions moved to where it now is',
  '  (classifying is ~75% of parse). The assembler reads a kept classification in place, so nothing is copied in or',
  '  out, and an entry\'s label is looked up in the registry once, when its line is classified. The module also',
  '  keeps its last document and result: `compute(doc, options, before)` takes every contest an edit left as it was',
  '  (compared field by field, positions moved by whole lines) from the last result, and computes only the rest.',
  '  The summary finds a quote\'s contests by the hash of its ward, not by a scan of every contest. A keystroke',
  '  natively (callgrind, `valgrind --instr-atstart=no` around one edit\'s parse, compute and summary): ~2.4 M',
  '  instructions, against ~5.1 M before the result was reused (parse 1.78 -> 1.37 M, compute 2.3 -> 0.43 M,',
  '  summary 0.86 -> 0.36 M). Measured again at the end of 2026-12-01, after the readers had grown: 2.69 M (parse',
  '  1.87 M); `is_date` returning at once for a heading with no digit took it from 2.80 M. The worker\'s whole call is then mostly writing ~500 KB of JSON in wasm and decoding',
  '  that text into a JavaScript string (~2 ms on this machine: TextDecoder, latin1 and Buffer decoders measured alike).',
  '- Why the worker\'s figure per keystroke is about twice the warm one on the page\'s thread: between keystrokes',
  '  (120 ms apart here) the worker is idle and the machine does other things (the page lays out and paints the',
  '  edited box; Chromium\'s other threads; the benchmark\'s driver). In Node, the same keystroke read 120 ms after',
  '  the last took 1.52 ms against 1.13 ms for one read straight after it (and 1.13 -> 1.56 ms with the caches',
  '  flushed by 32 MB of other work first): a call after idle time pays for cold caches and a slow start.',
  '- The command line\'s CSV: each field appended in place, and a field\'s separators found by a loop (std::string_view\'s',
  '  find_first_of called memchr over the four separators for every byte: 9% of the run): 0.45 -> 0.33 s on 5 MB.',
  '- The native build is profile-guided (2026-12-02; GCC `-fprofile-use`, trained on the report and the example',
  '  pastes by scripts/build-native.sh): 7-10% faster reading and computing the report in paired runs (1.07x over',
  '  31 rounds of `node bench/native-ab.mjs`; this run\'s 15 in the Native section), JSON ~10%; nothing measurable',
  '  on the 5 MB input, whose time is memory (below).',
  '  Outputs are the unguided build\'s byte for byte (210 comparisons: every sample and seed, seven option sets).',
  '  wasm cannot be profile-guided here (Emscripten 3.1.6), so its ratio to the native build grew with it: hence the',
  '  second figure in the targets\' table, against the same native program compiled without the profile.',
  '- Large inputs ran slower per byte than the report (29.5 against 64 MB/s on 2026-12-02\'s first run): reading',
  '  5 MB allocated 112 MB, two thirds of it the contest vector doubling (552 B a contest, every contest moved at',
  '  each step, 36 MB at the last) and most of the run the kernel faulting in fresh pages. parse() now reads the',
  '  first sixteenth of an input of 256 KB or more, then makes room for the contests the rest holds at that',
  '  density (an eighth over): parse of 5 MB 128 -> 65 ms (best of five readings),',
  '  the room 45,578 for 40,226 contests. Left out of the page\'s module, which is at its size budget (its line',
  '  cache makes room for as many contests as the last reading found). What is left: the document and its result',
  '  are still ~200 MB of small allocations for 5 MB (compute allocates 101 MB: a party\'s result is 208 B, a',
  '  candidate\'s 120 B); the profile is as flat as the report\'s. 100 MB/s needs fewer, larger allocations (a',
  '  document whose strings are views of the text, results in flat arrays), not a faster loop.',
  '- The report itself (64 MB/s): callgrind puts parse at ~5.7 M instructions and compute at ~2.3 M, spread over',
  '  some forty functions, none above 10% (reading a row\'s results 9%, cleaning a line 4%, compute 4%, malloc 3%,',
  '  memcpy 3%); whole-program optimisation (`-flto`) measured no faster. 100 MB/s on it needs the same redesign.',
  '',
];
console.log(lines.join('\n'));
