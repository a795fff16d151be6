// web/core.js - loads the wasm core once, behind a cached promise, and computes: shared by the page, its
// worker and the <ward-calculator> element. Nothing crosses the boundary but strings.
import createWardshare from './wardshare-core.js';

export const DEFAULTS = Object.freeze({ method: 'top', independents: 'auto', seats: 0, focus: '', summary: false, threshold: 5, printed_shares: false, format: 'auto', csv: false, display: false, reuse_lines: true });
export const METHODS = Object.freeze({
  top: "a party's highest candidate over the sum of every party's highest candidate (the report method)",
  total: "a party's votes over all votes cast for all candidates",
  ballots: "a party's highest candidate over the number of voters (needs Turnout or Ballots)",
  average: "a party's mean candidate vote over the sum of the parties' means",
});
/** The readers, and how the page names what the automatic reader recognised (`shape` in the JSON). */
export const FORMATS = Object.freeze({
  auto: 'Recognise automatically', text: 'Text: report rows, council pages, lists', wikipedia: 'Wikipedia election box',
  csv: 'CSV with a header row', json: 'JSON (wardshare input)',
});
export const SHAPES = Object.freeze({
  report: 'results report rows', council: 'a council results page', wikipedia: 'Wikipedia election boxes',
  lines: 'one candidate a line', csv: 'CSV', json: 'JSON', none: 'nothing yet',
});
export const MAX_BYTES = 10 * 1024 * 1024;

let instance = null;
let fullInstance = null;

/** The wasm module, instantiated once. `moduleOptions` (for example `wasmBinary` under Node) apply the first time. */
export function load(moduleOptions = {}) {
  instance ??= createWardshare({ locateFile: (file) => new URL(file, import.meta.url).href, ...moduleOptions })
    .catch((error) => { instance = null; throw error; });
  return instance;
}

/** The second module: the whole core, with the CSV and JSON readers (the first leaves them out to stay small). */
export function loadFull(moduleOptions = {}) {
  fullInstance ??= createWardshare({ locateFile: () => new URL('wardshare-full.wasm', import.meta.url).href, ...moduleOptions })
    .catch((error) => { fullInstance = null; throw error; });
  return fullInstance;
}

/** input_format's values (core/include/wardshare/document.hpp) that the page's module has no reader for. */
const DATA_FORMATS = new Set([3, 4]);  // csv, json

/**
 * Whether `text` needs the second module: CSV or JSON chosen, or recognised by the core's own automatic reader
 * (`module.format_of`, which looks at the first line: no copy of its rules here). The text is cut to its start
 * first, so a keystroke in a long paste does not copy it all across.
 */
export function wantsFull(module, text, options = {}) {
  if (options.format === 'json' || options.format === 'csv') return true;
  if (options.format && options.format !== 'auto') return false;
  try {
    return DATA_FORMATS.has(module.format_of(String(text ?? '').slice(0, 4096)));
  } catch {
    return false;  // (a module that traps here traps on the text too: computeJson reports it and starts a fresh one)
  }
}

/** The module that reads `text`: the page's, or the second when the input is a data file. */
export async function moduleFor(text, options) {
  const first = await load();
  return wantsFull(first, text, options) ? loadFull() : first;
}

/** Options with every field present and of the right type (embind requires them all). */
export function normalise(options = {}) {
  const o = { ...DEFAULTS, ...options };
  return {
    method: Object.hasOwn(METHODS, o.method) ? o.method : 'top',
    independents: ['auto', 'grouped', 'separate'].includes(o.independents) ? o.independents : 'auto',
    seats: Math.max(0, Math.min(100, Math.trunc(Number(o.seats) || 0))),
    focus: String(o.focus ?? ''),
    summary: Boolean(o.summary),
    threshold: Number.isFinite(Number(o.threshold)) ? Number(o.threshold) : 5,
    printed_shares: Boolean(o.printed_shares),
    format: Object.hasOwn(FORMATS, o.format) ? o.format : 'auto',
    csv: Boolean(o.csv),
    display: Boolean(o.display),
    reuse_lines: Boolean(o.reuse_lines),
  };
}

function failure(error) {
  // A trap leaves the instance unusable: drop it so the next call starts a fresh one.
  instance = null;
  fullInstance = null;
  return {
    contests: [], focus: null,
    diagnostics: [{ line: 1, column: 1, severity: 'error', code: 'internal_error',
      message: `the calculator failed on this input (${error?.message ?? error}); it has been restarted` }],
  };
}

const decoder = new TextDecoder();

/** The module's answer as a string, decoded once where it lies in wasm memory (no copy through embind). */
export function runText(module, input, options) {
  const length = module.run_in_memory(input, options);
  const address = module.output_address();
  return decoder.decode(module.HEAPU8.subarray(address, address + length));
}

/**
 * The result as JSON text, computed with a loaded module; never throws. A worker hands this text to the page
 * as it is: one JSON.parse there costs less than cloning the parsed result across threads.
 */
export function computeJson(module, text, options) {
  const input = String(text ?? '');
  if (input.length > MAX_BYTES) {
    return JSON.stringify({ contests: [], focus: null, diagnostics: [{ line: 1, column: 1, severity: 'error', code: 'input_too_large',
      message: `the input is ${input.length.toLocaleString('en-GB')} characters; the limit is 10 MB: nothing was read` }] });
  }
  try {
    return runText(module, input, normalise({ ...options, csv: false }));
  } catch (error) {
    return JSON.stringify(failure(error));
  }
}

/** Computes with a loaded module; never throws. */
export function computeWith(module, text, options) {
  return JSON.parse(computeJson(module, text, options));
}

/** The CSV table, written by `module`: the second module (`loadFull`), as the page's writes none. Never throws. */
export function csvWith(module, text, options) {
  try {
    return runText(module, String(text ?? ''), normalise({ ...options, csv: true }));
  } catch (error) {
    failure(error);
    return '';
  }
}

export async function compute(text, options) {
  return computeWith(await moduleFor(text, options), text, options);
}

export async function computeCsv(text, options) {
  return csvWith(await loadFull(), text, options);
}
