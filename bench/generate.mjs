// bench/generate.mjs - a reproducible large input shaped like real pastes: the 2024 report's contest rows,
// shuffled, with votes varied and wards renamed, under council headings. `node bench/generate.mjs MB [SEED]`
// writes to standard output.
import { readFileSync } from 'node:fs';

const megabytes = Number(process.argv[2] ?? 10);
let state = Number(process.argv[3] ?? 2024) >>> 0;
const random = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 2 ** 32; };  // LCG: same seed, same bytes

const report = readFileSync(new URL('../tests/corpus/tusc-local-elections-2024.txt', import.meta.url), 'utf8');
const rows = report.split('\n').filter((l) => /\t.*\d.*;/.test(l) && !/^2021/.test(l));
const areas = report.split('\n').filter((l) => /^[A-Z][A-Za-z &-]+$/.test(l.trim()) && l.length < 30).slice(0, 80);
const target = megabytes * 1e6;
const out = [];
let size = 0;
let n = 0;
while (size < target) {
  if (n % 12 === 0) {
    const heading = `\n${areas[Math.floor(random() * areas.length)]} ${n}\n\n`;
    out.push(heading);
    size += heading.length;
  }
  const row = rows[Math.floor(random() * rows.length)]
    .replace(/^[^\t(]+/, (ward) => `${ward.trim()} ${n} `)
    .replace(/(?<=[A-Za-z] )(\d{1,3}(?:,\d{3})*)(?= ?[;(]| Votes)/g, (v) => {
      const k = Math.max(1, Math.round(Number(v.replace(/,/g, '')) * (0.8 + 0.4 * random())));
      return k.toLocaleString('en-GB');
    });
  out.push(`${row}\n`);
  size += row.length + 1;
  n += 1;
}
process.stdout.write(out.join(''));
