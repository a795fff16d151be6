// bench/wasm.mjs - the wasm build in Node against the native build, on the same input, in one run.
// `node bench/wasm.mjs FILE [REPEATS]` prints one JSON line. Three comparisons, taken in alternating rounds so
// that the machine's background load falls on both sides alike (the same program's ratio is taken round by
// round, then the median):
// - the page's path: `runText` (text in, the JSON document decoded out of wasm memory) against the native
//   program's parse + compute + JSON;
// - reading and computing alone: the module's own clock inside that call (read_compute_ms) against native parse +
//   compute;
// - the same program: bench/native.cpp compiled with the page module's flags (build-wasm/wasm/
//   wardshare_bench.cjs, built by scripts/bench.sh), phase by phase.
// The native program is build/bench/wardshare_bench (profile-guided), or WARDSHARE_NATIVE_BENCH's.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const file = process.argv[2] ?? `${root}tests/corpus/tusc-local-elections-2024.txt`;
const repeats = Number(process.argv[3] ?? 30);
const rounds = 15;
const text = readFileSync(file, 'utf8');
const { load, normalise, runText } = await import(`${root}dist/core.js`);
const module = await load({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
const options = normalise({ reuse_lines: false });  // every line read, as natively (the same text again would find them all read before)
const harness = `${root}build-wasm/wasm/wardshare_bench.cjs`;
const nativeProgram = process.env.WARDSHARE_NATIVE_BENCH ?? `${root}build/bench/wardshare_bench`;

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const program = (cmd, args) => JSON.parse(execFileSync(cmd, args).toString());
for (let i = 0; i < 10; i++) runText(module, text, options);  // let V8 tier the code up

const native = [], same = [], page = [], pageParsed = [], pageCore = [];
const per = Math.max(5, Math.round(repeats / rounds));
for (let r = 0; r < rounds; r++) {
  native.push(program(nativeProgram, [file, String(Math.max(per, 40))]));  // as warm as the wasm
  // a fresh process each round: enough repeats that V8's optimised tier, not its baseline compiler, is measured
  if (existsSync(harness)) same.push(program(process.execPath, ['--no-experimental-fetch', harness, file, String(Math.max(per, 40))]));
  const inWasm = [], withParse = [], core = [];
  for (let i = 0; i < per; i++) {
    let t = performance.now();
    const json = runText(module, text, options);  // as the page calls it
    inWasm.push(performance.now() - t);
    core.push(module.read_compute_ms());  // of which reading and computing, by the module's own clock
    t = performance.now();
    JSON.parse(json);
    withParse.push(inWasm.at(-1) + performance.now() - t);
  }
  page.push(median(inWasm));
  pageCore.push(median(core));
  pageParsed.push(median(withParse));
}
const phases = (runs) => Object.fromEntries(['parse_ms', 'compute_ms', 'summary_ms', 'json_ms', 'total_ms', 'parse_cache_first_ms', 'parse_cache_edit_ms', 'compute_reuse_ms', 'keystroke_ms']
  .map((k) => [k, +median(runs.map((x) => x[k])).toFixed(3)]));
const nativePhases = phases(native);
const samePhases = same.length ? phases(same) : null;
// the ratio taken round by round (each pair ran back to back, so a slow minute on this shared machine falls on
// both), then the median of those
const pairedRatio = same.length ? median(same.map((x, i) => x.total_ms / native[i].total_ms)) : null;
console.log(JSON.stringify({
  bytes: Buffer.byteLength(text), rounds, repeats_per_round: per,
  native_ms: nativePhases.total_ms, wasm_ms: +median(page).toFixed(3), wasm_with_json_parse_ms: +median(pageParsed).toFixed(3),
  ratio: +(median(page) / nativePhases.total_ms).toFixed(2),
  // reading and computing alone: the module's clock inside runText against the native program's parse + compute
  wasm_read_compute_ms: +median(pageCore).toFixed(3),
  read_compute_ratio: +(median(pageCore) / (nativePhases.parse_ms + nativePhases.compute_ms)).toFixed(2),
  native: nativePhases, same_program: samePhases,
  same_program_ratio: pairedRatio ? +pairedRatio.toFixed(2) : null,
  same_program_ratios: same.map((x, i) => +(x.total_ms / native[i].total_ms).toFixed(2)),
  node: process.version,
}));
