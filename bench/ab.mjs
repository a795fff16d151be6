// bench/ab.mjs - two builds of the page's module, A against B, on the same input in one run: for choosing a
// build setting (an inlining limit, a flag) by what it does to speed as well as to size.
// `node bench/ab.mjs A.wasm B.wasm [FILE]` prints B's time over A's, the median of 20 paired rounds, for reading and
// computing the whole text (every line read) and for a keystroke (one line edited, the lines met before reused,
// the summary made, as the page calls it). Both use dist/'s glue (a build setting that changes the module's
// imports or exports is not comparable so). Within a round the two take turns call by call, and which goes first
// alternates from round to round: the one called second was ~6% faster at a keystroke whichever it was.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const [a, b, file = `${root}tests/corpus/tusc-local-elections-2024.txt`] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/ab.mjs A.wasm B.wasm [FILE]');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const cut = Math.floor(text.length / 2);
const edits = [text, `${text.slice(0, cut)}X${text.slice(cut)}`];  // a keystroke: one line changes
const { normalise, runText } = await import(`${root}dist/core.js`);
// (each instantiated here: core.js's load() keeps one instance, and would hand B the instance made of A)
const { default: createWardshare } = await import(`${root}dist/wardshare-core.js`);
const modules = [await createWardshare({ wasmBinary: readFileSync(a) }), await createWardshare({ wasmBinary: readFileSync(b) })];
const whole = normalise({ reuse_lines: false });
const keystroke = normalise({ reuse_lines: true, display: true, summary: true });
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const time = (m, t, o) => {
  runText(m, t, o);
  return m.read_compute_ms();  // the module's own clock: reading and computing, not writing the answer
};
for (let i = 0; i < 20; i++) for (const m of modules) { time(m, text, whole); time(m, edits[i % 2], keystroke); }
const ratios = { whole: [], keystroke: [] };
for (let r = 0; r < 20; r++) {
  const order = r % 2 ? [1, 0] : [0, 1];
  const ms = [{ whole: [], keystroke: [] }, { whole: [], keystroke: [] }];
  for (let i = 0; i < 20; i++)
    for (const k of order) {
      ms[k].whole.push(time(modules[k], text, whole));
      ms[k].keystroke.push(time(modules[k], edits[i % 2], keystroke));
    }
  for (const what of ['whole', 'keystroke']) ratios[what].push(median(ms[1][what]) / median(ms[0][what]));
}
const range = (v) => [+Math.min(...v).toFixed(3), +Math.max(...v).toFixed(3)];
console.log(JSON.stringify({
  whole_b_over_a: +median(ratios.whole).toFixed(3), whole_range: range(ratios.whole),
  keystroke_b_over_a: +median(ratios.keystroke).toFixed(3), keystroke_range: range(ratios.keystroke),
}));
