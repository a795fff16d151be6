// bench/generate.mjs - a reproducible large input shaped like real pastes: the 2024 report's contest rows,
// shuffled, with votes varied (totals and printed shares made to agree again, bar a few typos) and wards
// renamed, under council headings. `node bench/generate.mjs MB [SEED]`
// writes to standard output.
import { readFileSync } from 'node:fs';

const megabytes = Number(process.argv[2] ?? 10);
let state = Number(process.argv[3] ?? 2024) >>> 0;
const random = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };  // LCG: same seed, same bytes

const report = readFileSync(new URL('../tests/corpus/tusc-local-elections-2024.txt', import.meta.url), 'utf8');
const rows = report.split('\n').filter((l) => /\t.*\d.*;/.test(l) && !/^2021/.test(l));
const areas = report.split('\n').filter((l) => /^[A-Z][A-Za-z &-]+$/.test(l.trim()) && l.length < 30).slice(0, 80);
const target = megabytes * 1e6;
const count = (text) => Number(text.replace(/,/g, ''));

// The varied votes made consistent again, as a real report's are: `Votes cast` the sum of each party's highest
// candidate, the printed share the candidate's votes over it, rounded; but, as in real reports, a few typos left:
// about one row in 25 keeps a stale total, and one in 25 a stale share.
function consistent(row) {
  const tab = row.lastIndexOf('\t');
  const results = row.slice(tab + 1);
  if (!/Votes cast/.test(results)) return row;
  const highest = new Map();
  for (const m of results.replace(/Votes cast [\d,]+/, '').matchAll(/([A-Za-z][A-Za-z .'&-]*?) (\d{1,3}(?:,\d{3})*)(?! ?%)/g)) {
    const label = m[1].trim();
    highest.set(label, Math.max(highest.get(label) ?? 0, count(m[2])));
  }
  let sum = 0;
  for (const v of highest.values()) sum += v;
  if (sum === 0) return row;
  let fixed = results;
  if (random() >= 0.04)
    fixed = fixed.replace(/(\d{1,3}(?:,\d{3})*) \((\d+(?:\.\d)?)%\)/g, (m, v) => `${v} (${(Math.floor(count(v) * 1000 / sum + 0.5) / 10).toFixed(1)}%)`);
  if (random() >= 0.04) fixed = fixed.replace(/(Votes cast )(\d{1,3}(?:,\d{3})*)/, (m, words) => words + sum.toLocaleString('en-GB'));
  return row.slice(0, tab + 1) + fixed;
}

const out = [];
let size = 0;
let n = 0;
while (size < target) {
  if (n % 12 === 0) {
    const heading = `\n${areas[Math.floor(random() * areas.length)]} ${n}\n\n`;
    out.push(heading);
    size += heading.length;
  }
  const row = consistent(rows[Math.floor(random() * rows.length)]
    .replace(/^[^\t(]+/, (ward) => `${ward.trim()} ${n} `)
    .replace(/(?<=[A-Za-z] )(\d{1,3}(?:,\d{3})*)(?= ?[;(]| Votes| ?<i>)/g, (v) => {
      const k = Math.max(1, Math.round(Number(v.replace(/,/g, '')) * (0.8 + 0.4 * random())));
      return k.toLocaleString('en-GB');
    }));
  out.push(`${row}\n`);
  size += row.length + 1;
  n += 1;
}
process.stdout.write(out.join(''));
