// tests/node/wasm.test.mjs - the wasm module under Node: the same answers as the native CLI, for every contest
// of the 2024 report and every method; no input makes it throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { load, loadFull, computeJson, computeWith, normalise, csvWith, runText, wantsFull } = await import(`${root}dist/core.js`);
const module = await load({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
const fullModule = await loadFull({ wasmBinary: readFileSync(`${root}dist/wardshare-full.wasm`) });
const report = `${root}tests/corpus/tusc-local-elections-2024.txt`;
const text = readFileSync(report, 'utf8');

function native(args, input) {
  return JSON.parse(execFileSync(`${root}build/wardshare`, ['--json', ...args, ...(input ? [] : [report])],
    { input, maxBuffer: 64 << 20 }).toString());
}

for (const method of ['top', 'total', 'ballots', 'average']) {
  test(`every contest of the 2024 report: wasm equals the native CLI (${method})`, () => {
    const cli = native(['--method', method]);
    const wasm = computeWith(module, text, { method });
    assert.equal(cli.contests.length, 277);
    assert.equal(wasm.contests.length, cli.contests.length);
    for (let i = 0; i < cli.contests.length; i++) {
      assert.deepStrictEqual(wasm.contests[i], cli.contests[i], `contest ${i} (line ${cli.contests[i].line})`);
    }
    assert.deepStrictEqual(wasm.diagnostics, cli.diagnostics);
    assert.deepStrictEqual(wasm, cli);
  });
}

// every format's sample: council pages, Wikipedia boxes, CSV, JSON, plain lines
for (const file of readdirSync(`${root}tests/data`).sort()) {
  test(`tests/data/${file}: wasm equals the native CLI, in every format`, () => {
    const input = readFileSync(`${root}tests/data/${file}`, 'utf8');
    for (const format of ['auto', 'text', 'wikipedia', 'csv', 'json']) {
      const cli = native(['--format', format], input);
      const m = wantsFull(module, input, { format }) ? fullModule : module;
      assert.deepStrictEqual(computeWith(m, input, { format }), cli, `${file} read as ${format}`);
    }
  });
}

test('CSV and JSON input: read by the second module; the first says it cannot, and recognises them', () => {
  const pasted = 'Name, Party, Votes\nSam Huggins, Labour, 1160\nKim Brown, Conservative, 529\n';
  for (const [file, format, contests] of [['input.json', 'json', 2], ['democracy-club.csv', 'csv', 3], [pasted, 'csv', 1]]) {
    const input = file === pasted ? pasted : readFileSync(`${root}tests/data/${file}`, 'utf8');
    assert.equal(wantsFull(module, input), true, file);
    const full = computeWith(fullModule, input, {});
    assert.equal(full.format, format, file);
    assert.equal(full.contests.length, contests, file);
    assert.deepStrictEqual(full, native([], input), file);
    const first = computeWith(module, input, {});
    assert.equal(first.contests.length, 0, file);
    assert.equal(first.diagnostics[0].code, 'reader_unavailable', file);
    assert.match(first.diagnostics[0].message, new RegExp(`^${format.toUpperCase()} input is read by a second module`), file);
  }
  for (const input of ['Lab 1,160; Con 529', '[1] a footnote', 'Name, Party\nSam Huggins, Labour', text]) {
    assert.equal(wantsFull(module, input), false, input.slice(0, 40));
  }
  assert.equal(wantsFull(module, 'Lab 1,160; Con 529', { format: 'csv' }), true);
  assert.equal(wantsFull(module, '{"contests": []}', { format: 'text' }), false);
  // everything else reads the same in both
  assert.deepStrictEqual(computeWith(fullModule, text, {}), computeWith(module, text, {}));
});

test('report mode: the summary is the same in wasm and natively', () => {
  const cli = native(['--summary']);
  const wasm = computeWith(module, text, { summary: true });
  assert.deepStrictEqual(wasm.summary, cli.summary);
  assert.equal(wasm.summary.focus, 'TUSC');
});

// The page's smaller document (docs/json.md): exactly the full one less the fields the page never shows.
function displayed(doc) {
  const drop = (o, keys) => { for (const k of keys) delete o[k]; };
  for (const c of doc.contests) {
    drop(c, ['end_line', 'denominator', 'all_votes', 'sum_of_highest', 'stated', 'printed_swing']);
    for (const x of c.candidates) drop(x, ['party', 'line', 'column']);
    for (const p of c.parties) drop(p, ['highest', 'total', 'printed_percent', 'previous_share']);
  }
  if (doc.summary) doc.summary.per_contest = doc.summary.per_contest.map(({ ward, share, rounded }) => ({ ward, share, rounded }));
  return doc;
}

test('display: the full document less the fields the page does not show, for every sample and the report', () => {
  const files = [report, ...readdirSync(`${root}tests/data`).sort().map((f) => `${root}tests/data/${f}`)];
  for (const file of files) {
    const input = readFileSync(file, 'utf8');
    const m = wantsFull(module, input) ? fullModule : module;
    for (const summary of [false, true]) {
      const full = computeWith(m, input, { summary });
      const lean = computeWith(m, input, { summary, display: true });
      assert.deepStrictEqual(lean, displayed(structuredClone(full)), `${file} (summary: ${summary})`);
      assert.ok(JSON.stringify(lean).length < JSON.stringify(full).length || !full.contests.length, file);
    }
  }
});

test('the issue example: three seats, TUSC 9.7%', () => {
  const r = computeWith(module, 'Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236', { seats: 3 });
  assert.equal(r.contests.length, 1);
  const tusc = r.contests[0].parties.find((p) => p.label === 'TUSC');
  assert.equal(tusc.rounded, '9.7');
  assert.equal(r.contests[0].seats, 3);
  assert.equal(r.contests[0].parties.find((p) => p.label === 'Lab').seats_won, 3);
  assert.deepEqual(r.contests[0].checks, []);
});

test("read_compute_ms: the module's own clock for reading and computing, without the answer", () => {
  // the benchmarks read it (bench/browser.mjs); only its shape is checked here, never a duration
  computeWith(module, text, { summary: true, display: true });
  const whole = module.read_compute_ms();
  assert.ok(Number.isFinite(whole) && whole >= 0, `after the report: ${whole}`);
  computeWith(fullModule, '{"contests": []}', { format: 'json' });
  assert.ok(Number.isFinite(fullModule.read_compute_ms()) && fullModule.read_compute_ms() >= 0);
});

test('reusing the lines and contests of the last call (the page, on every keystroke) answers as reading afresh', async () => {
  // a contest typed at the end of the report a key at a time, a line taken out, the first line edited, a vote
  // changed in the middle, a ward; another method and another focus on the way (nothing reused across them); the
  // page's document and the full one (with every candidate's line and column)
  const typed = [...'\nLab 100; Con 50; TUSC 7 (4.7%)'].map((_, i, keys) => text + keys.slice(0, i + 1).join(''));
  const lines = text.split('\n');
  const vote = text.indexOf('Lab 1,', text.length / 3);
  const edits = [text, text, ...typed, lines.filter((_, i) => i !== 300).join('\n'), `X${text}`,
    `${text.slice(0, vote)}Lab 2,${text.slice(vote + 6)}`,
    'Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236', text];
  // a second instance of the module (load() gives the page's one): this one keeps nothing from call to call
  const { default: createWardshare } = await import(`${root}dist/wardshare-core.js`);
  const afresh = await createWardshare({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
  assert.notEqual(afresh, module);
  for (const [i, t] of edits.entries()) {
    const options = { summary: i % 2 === 0, display: i % 3 === 1, method: i === 12 ? 'total' : 'top', focus: i === 20 ? 'Con' : '' };
    const reused = computeJson(module, t, { ...options, reuse_lines: true });
    const read = computeJson(afresh, t, { ...options, reuse_lines: false });
    assert.equal(reused, read, `edit ${i}`);
  }
  // over 2 MB the module keeps nothing of a text (wasm/binding.cpp): the answers are the same
  const large = text.repeat(35);
  for (const t of [large, `${large}\nLab 100; Con 50`, text, large]) {
    assert.equal(computeJson(module, t, { summary: true, reuse_lines: true }), computeJson(afresh, t, { summary: true, reuse_lines: false }));
  }
});

test("embind's type names come from the binding's own siprintf (musl's printf is not linked)", () => {
  // __getTypeName (embind's error messages) writes a type's address with siprintf("%p"); wasm/binding.cpp
  // provides that one format
  for (const [m, address] of [[module, 4096], [fullModule, 0xabc123]]) {
    const at = m.___getTypeName(address);
    let name = '';
    for (let i = at; m.HEAPU8[i]; i++) name += String.fromCharCode(m.HEAPU8[i]);
    m._free(at);
    assert.equal(name, `0x${address.toString(16)}`);
  }
});

test('options are normalised before they cross the boundary', () => {
  assert.deepEqual(normalise({ method: 'nonsense', seats: '3', independents: 'x', threshold: 'y' }),
    { method: 'top', independents: 'auto', seats: 3, focus: '', summary: false, threshold: 5, printed_shares: false, format: 'auto', csv: false, display: false, reuse_lines: true });
  // an unknown method that reaches the core is reported, not fatal
  const raw = JSON.parse(runText(module, 'Lab 5; Con 3', { method: 'bogus', independents: '', seats: 0, focus: '', summary: false, threshold: 5, printed_shares: false, format: 'xml', csv: false, display: false, reuse_lines: false }));
  assert.deepEqual(raw.diagnostics.map((d) => d.code), ['unknown_option', 'unknown_option']);  // the method and the format
  assert.equal(raw.contests[0].method, 'top');
});

test('malformed and hostile input never throws and keeps the module usable', () => {
  const inputs = ['', ';;;;', 'Green;', '\u0000\u0001\uFFFF', 'Lab 1,160; Green; Con 529', '9'.repeat(5000), ';'.repeat(100000),
    '<img src=x onerror=alert(1)> 5; Con 3', 'Lab 99999999999999999999; Con 3', '\ud800 broken surrogate 5; Lab 3'];
  for (const input of inputs) {
    const r = computeWith(module, input, {});
    assert.ok(Array.isArray(r.contests), JSON.stringify(input.slice(0, 20)));
    assert.ok(Array.isArray(r.diagnostics));
  }
  assert.equal(computeWith(module, 'Lab 10; Con 5', {}).contests.length, 1);
  const bad = computeWith(module, 'Lab 1,160; Green; Con 529', {});
  assert.equal(bad.diagnostics[0].line, 1);
  assert.equal(bad.diagnostics[0].column, 12);
});

test('CSV from the wasm module: the second writes it, the page\'s writes none', () => {
  const csv = csvWith(fullModule, 'Lab 1,160; Con 529', {});
  assert.match(csv, /^line,area,ward,seats,method,label,party,/);
  assert.match(csv, /,Lab,Labour Party,1,1160,/);
  assert.equal(csvWith(module, 'Lab 1,160; Con 529', {}), '');
});

test('a real trap is caught, reported as an error, and the next call gets a fresh module', async () => {
  const m = await load({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
  assert.equal(computeWith(m, 'Lab 5; Con 3', {}).contests.length, 1);
  // wreck the module's memory (heap, stack, the registry's data): its next call traps (out-of-bounds access)
  m.HEAPU8.fill(0xff);
  const broken = computeWith(m, 'Lab 5; Con 3', {});
  assert.equal(broken.contests.length, 0);
  assert.equal(broken.diagnostics[0].code, 'internal_error');
  assert.equal(broken.diagnostics[0].severity, 'error');
  assert.match(broken.diagnostics[0].message, /failed on this input \(.+\); it has been restarted/);
  // the broken instance was dropped: load() starts a new one, which works
  const fresh = await load({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
  assert.notEqual(fresh, m);
  const again = computeWith(fresh, 'Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236', { seats: 3 });
  assert.equal(again.contests[0].parties.find((p) => p.label === 'TUSC').rounded, '9.7');
});

test('more than 100,000 contests: the first 100,000 are read, an error says where the rest start, and nothing traps', async () => {
  // 10 MB of tiny contests took the module past its 2 GB of memory (a trap, shown as an internal error)
  // (the instance load() gives now: the test above wrecks the first one on purpose)
  const module = await load({ wasmBinary: readFileSync(`${root}dist/wardshare.wasm`) });
  for (const line of ['Lab 1; C 2\n', '1;2\n']) {
    const text = line.repeat(Math.floor(9.5e6 / line.length));
    const r = computeWith(module, text, { display: true, summary: true, reuse_lines: true });
    assert.equal(r.contests.length, 100000);
    assert.equal(r.contests.at(-1).line, 100000);
    const limit = r.diagnostics.filter((d) => d.code === 'input_too_large');
    assert.equal(limit.length, 1);
    assert.equal(limit[0].severity, 'error');
    assert.equal(limit[0].line, 100001);
    assert.equal(limit[0].message, 'more than 100,000 contests: the rest, from line 100001 on, are not read (the command line reads any number)');
  }
  assert.equal(computeWith(module, 'Lab 10; Con 5', {}).contests.length, 1);
  // CSV too (a contest a row, each another ward), in the second module, which reads it
  let csv = 'ward,party,votes\n';
  for (let i = 0; i < 100002; i++) csv += `W${i},Lab,${i}\n`;
  assert.equal(wantsFull(module, csv), true);
  const full = await loadFull({ wasmBinary: readFileSync(`${root}dist/wardshare-full.wasm`) });
  const r = computeWith(full, csv, { display: true });
  assert.equal(r.contests.length, 100000);
  assert.equal(r.diagnostics.filter((d) => d.code === 'input_too_large')[0]?.line, 100002);
});
