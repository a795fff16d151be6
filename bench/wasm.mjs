// bench/wasm.mjs - the wasm build in Node against the native build, on the same input, in one run.
// `node bench/wasm.mjs FILE [REPEATS]` prints one JSON line.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const file = process.argv[2] ?? `${root}tests/corpus/tusc-local-elections-2024.txt`;
const repeats = Number(process.argv[3] ?? 30);
const text = readFileSync(file, 'utf8');
const { load, normalise, runText } = await import(`${root}dist/core.js`);
const module = await load({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
const options = normalise({});

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (let i = 0; i < 10; i++) runText(module, text, options);  // let V8 tier the code up
const inWasm = [], withParse = [];
for (let i = 0; i < repeats; i++) {
  let t = performance.now();
  const json = runText(module, text, options);  // as the page calls it: decoded where it lies in wasm memory
  inWasm.push(performance.now() - t);
  t = performance.now();
  JSON.parse(json);
  withParse.push(inWasm.at(-1) + performance.now() - t);
}
const native = JSON.parse(execFileSync(`${root}build/bench/wardshare_bench`, [file, String(repeats)]).toString());
console.log(JSON.stringify({
  bytes: Buffer.byteLength(text), wasm_ms: +median(inWasm).toFixed(3), wasm_with_json_parse_ms: +median(withParse).toFixed(3),
  native_ms: native.total_ms, ratio: +(median(inWasm) / native.total_ms).toFixed(2), node: process.version,
}));
