// bench/native-ab.mjs - two builds of the native benchmark program, A against B, on the same input in one run:
// for showing what a build setting (the profile-guided build) does to speed on a machine whose speed drifts.
// `node bench/native-ab.mjs A B [FILE] [ROUNDS]` runs `A FILE 20` and `B FILE 20` in turns, which goes first
// alternating from round to round, and prints one JSON line: each build's median phases and B's read-and-compute
// throughput over A's, the median of the rounds' ratios (each round's pair ran back to back).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const [a, b, file = `${root}tests/corpus/tusc-local-elections-2024.txt`, roundsArg = '15'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/native-ab.mjs A B [FILE] [ROUNDS]');
  process.exit(2);
}
const rounds = Number(roundsArg);
const run = (program) => JSON.parse(execFileSync(program, [file, '20'], { encoding: 'utf8' }));
const median = (v) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
const results = { a: [], b: [] };
for (let i = 0; i < rounds; i++) {
  const order = i % 2 ? ['b', 'a'] : ['a', 'b'];
  for (const which of order) results[which].push(run(which === 'a' ? a : b));
}
const ratios = results.a.map((x, i) => +(results.b[i].read_compute_mb_s / x.read_compute_mb_s).toFixed(3));
const summary = (r) => Object.fromEntries(['parse_ms', 'compute_ms', 'json_ms', 'read_compute_mb_s']
  .map((k) => [k, median(r.map((x) => x[k]))]));
console.log(JSON.stringify({
  rounds, a: summary(results.a), b: summary(results.b),
  read_compute_ratio: median(ratios), ratio_min: Math.min(...ratios), ratio_max: Math.max(...ratios),
}));
