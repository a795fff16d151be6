// web/app.js - the page's controller: owns the state (input and options), keeps it in the URL fragment,
// computes on every keystroke (a small input on the page's thread, a larger one in a worker) and renders the
// newest result only.
import { load, loadFull, wantsFull, computeWith, csvWith, normalise, SHAPES } from './core.js';
import { contestCard, diagnosticsList, reportView, leagueMarkdown, leagueText, el } from './render.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const status = $('status');
const CARD_PAGE = 40;

const state = { method: 'top', seats: 0, independents: 'auto', focus: '', threshold: 5, printed_shares: false, format: 'auto' };
let jobId = 0;
let shownId = 0;
let started = new Map();     // job id -> performance.now() at the keystroke
let lastResult = null;
let cardLimit = CARD_PAGE;
const cardCache = new Map(); // contest JSON -> card element, so a keystroke re-renders only what changed

// --- computing -------------------------------------------------------------------------------------------
// An input up to 16 KB (a ward, a council page, a few rows) is computed here, on the page's thread: for one ward
// a round trip to a worker was ~6 ms of a keystroke's ~8 (its answer waited while this thread drew the edited
// box), the computing 0.3 ms; and the first result no longer waits for a worker to start (~700 -> ~450 ms). A
// larger input goes to a worker (started when the page is idle after its first result), so typing never waits
// for it.
const HERE_UP_TO = 16 * 1024;
let here = null;          // the page's module on this thread (a promise); null after a trap, until it loads again
let worker;               // undefined until needed or idle after the first result; null where there is none
let pendingCsv = new Map();
let latest = 0;           // the newest keystroke's job
let warming = false;      // the worker's start is on its way

function theWorker() {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'result') { if (m.id >= shownId) show(m.id, JSON.parse(m.json), { compute: m.ms, core: m.core, where: 'worker' }); }
      else if (m.type === 'csv') { pendingCsv.get(m.id)?.(m.csv); pendingCsv.delete(m.id); }
      else if (m.type === 'rehearsed') document.documentElement.dataset.workerRehearsed = String(m.contests);
      else if (m.type === 'error') fallBack(m.message);
    };
    worker.onerror = (e) => fallBack(e.message);
  } catch (e) {
    worker = null;
  }
  return worker;
}

function fallBack(why) {
  // no worker (or it failed to start): every input is computed on the page's thread
  worker?.terminate();
  worker = null;
  console.warn('wardshare: computing on the main thread:', why);
  recompute();
}

function loadHere() {
  here ??= load().then((m) => { document.documentElement.dataset.computesHere = ''; return m; });  // (for tests)
  return here;
}

loadHere();  // at once: the first result needs it

function options(summary = true) {
  return normalise({ ...state, summary });
}

function recompute(since = performance.now()) {
  const id = ++jobId;
  started.set(id, since);
  const job = { type: 'compute', id, text: input.value, options: { ...options(), display: true } };  // what the page shows (docs/json.md)
  latest = id;
  if (job.text.length > HERE_UP_TO && theWorker()) {
    worker.postMessage(job);
    return;
  }
  loadHere().then(async (first) => {
    if (id !== latest) return;  // a later keystroke's job is on its way
    // (CSV or JSON: the second module, loaded here too when small)
    const m = wantsFull(first, job.text, job.options) ? await loadFull() : first;
    if (id !== latest) return;
    const t = performance.now();
    const result = computeWith(m, job.text, job.options);
    // a trap: core.js dropped the module; the next keystroke loads a fresh one
    if (result.diagnostics[0]?.code === 'internal_error') { here = null; delete document.documentElement.dataset.computesHere; }
    show(id, result, { compute: performance.now() - t, core: here ? m.read_compute_ms() : 0, where: 'page' });
  }).catch((error) => {
    here = null;
    status.textContent = `The calculator could not start: ${error.message}`;
  });
}

function csv(text) {
  if (theWorker()) return new Promise((resolve) => { const id = ++jobId; pendingCsv.set(id, resolve); worker.postMessage({ type: 'csv', id, text, options: options(false) }); });
  return loadFull().then((m) => csvWith(m, text, options(false)));  // (the CSV export is the second module's)
}

// --- rendering -------------------------------------------------------------------------------------------
let frame = 0;
let lastPaint = -Infinity;
function show(id, result, timing) {
  if (id < shownId) return;  // an older answer arriving late
  shownId = id;
  lastResult = result;
  cancelAnimationFrame(frame);
  frame = 0;
  // render now when nothing was rendered this frame (a keystroke's answer shows at once); otherwise once at
  // the next frame, the newest result only, so a burst of answers costs one render per frame
  const now = performance.now();
  if (now - lastPaint >= 16) { lastPaint = now; painted(id, result, timing); return; }
  frame = requestAnimationFrame(() => { lastPaint = performance.now(); painted(id, result, timing); });
}

function painted(id, result, timing) {
  render(result);
  // the worker, for a large paste, started once the page is idle after its first result (it took ~350 ms more to
  // show a pasted report when the paste had to start it)
  if (!warming) {
    warming = true;
    const start = () => theWorker()?.postMessage({ type: 'warm' });
    if (window.requestIdleCallback) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 500);
  }
  const t0 = started.get(id);
  for (const k of started.keys()) if (k <= id) started.delete(k);
  if (t0 !== undefined) {
    const total = performance.now() - t0;
    performance.measure('wardshare:input-to-result', { start: t0, duration: total, detail: timing });
    document.documentElement.dataset.resultId = String(id);
  }
}

const views = new Map();  // element id -> what it shows (as JSON): most keystrokes leave the report and notes as they were
/** Rebuilds the view in element `id` only when `key` (what it shows) changed; a kept view keeps its open sections. */
function reuse(id, key, build) {
  if (views.get(id) === key) return;
  views.set(id, key);
  $(id).replaceChildren(build() ?? '');
}

function render(result) {
  const contests = result.contests;
  const errors = result.diagnostics.filter((d) => d.severity !== 'info').length;
  const checks = contests.reduce((n, c) => n + c.checks.length, 0);
  if (!input.value.trim()) status.textContent = 'Paste or type results to see the shares.';
  else if (!contests.length) status.textContent = `No results found in the input${errors ? `; ${errors} problem${errors === 1 ? '' : 's'} noted` : ''}.` +
    (result.diagnostics.length ? ' See the notes below.' : '');
  else status.textContent = `${contests.length} contest${contests.length === 1 ? '' : 's'}` +
    (contests.length === 1 ? `: ${contests[0].parties.map((p) => `${p.label} ${p.rounded}%`).slice(0, 4).join(', ')}` : '') +
    `. ${checks} check${checks === 1 ? '' : 's'}, ${errors} warning${errors === 1 ? '' : 's'}.`;
  $('actions').hidden = !contests.length;
  const shape = SHAPES[result.shape] ?? result.shape ?? '';
  $('format-note').textContent = !input.value.trim() ? ''
    : state.format === 'auto' ? `Recognised: ${shape}.` : `Read as chosen: ${shape}.`;

  const open = contests.length <= 1;
  const always = !contests.length;
  reuse('diagnostics', JSON.stringify([result.diagnostics, open, always]), () => diagnosticsList(result.diagnostics, goToLine, { open, always }));
  const summary = contests.length > 1 && result.summary?.contests ? result.summary : null;
  reuse('report', JSON.stringify(summary), () => summary && reportView(summary, { onLine: goToLine, onExport: exportReport }));

  const next = new Map();
  const cards = contests.slice(0, cardLimit).map((c) => {
    const key = JSON.stringify(c);
    const card = cardCache.get(key) ?? contestCard(c, { onLine: goToLine, onCopy: copy });
    next.set(key, card);
    return card;
  });
  cardCache.clear();
  for (const [k, v] of next) cardCache.set(k, v);
  $('cards').replaceChildren(...cards);
  $('more').replaceChildren(contests.length > cardLimit
    ? el('button', { type: 'button', onclick: () => { cardLimit += 200; render(lastResult); } },
      `Show ${Math.min(200, contests.length - cardLimit)} more of ${contests.length} contests`) : '');
  updateFocusChoices(contests);
}

function updateFocusChoices(contests) {
  const select = $('focus');
  const labels = [...new Set(contests.flatMap((c) => c.parties.map((p) => p.label)))].slice(0, 80);
  const have = [...select.options].slice(1).map((o) => o.value);
  if (state.focus && !labels.includes(state.focus)) labels.unshift(state.focus);
  if (have.join('\n') === labels.join('\n')) return;
  select.replaceChildren(select.options[0], ...labels.map((l) => el('option', { value: l }, l)));
  select.value = state.focus;
}

/** Puts the caret on a line of the input and selects it. */
function goToLine(line, column = 1) {
  const lines = input.value.split('\n');
  let start = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) start += lines[i].length + 1;
  const end = start + (lines[line - 1]?.length ?? 0);
  input.focus();
  input.setSelectionRange(Math.min(start + Math.max(0, column - 1), end), end);
  // scroll the textarea so the line is visible
  const lineHeight = parseFloat(getComputedStyle(input).lineHeight) || 18;
  input.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const t = el('textarea', { class: 'visually-hidden' }, text);
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
  const note = $('action-status');
  note.textContent = 'Copied.';
  if (button) { const old = button.textContent; button.textContent = 'Copied'; setTimeout(() => { button.textContent = old; }, 1500); }
  setTimeout(() => { note.textContent = ''; }, 2000);
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function exportReport(kind) {
  const s = lastResult?.summary;
  if (kind === 'csv') download('wardshare-contests.csv', 'text/csv', await csv(input.value));
  else if (kind === 'markdown' && s) download('league-table.md', 'text/markdown', leagueMarkdown(s));
  else if (kind === 'text' && s) copy(leagueText(s));
}

// --- state in the URL fragment (nothing is sent anywhere) -------------------------------------------------
async function pack(text) {
  if (typeof CompressionStream === 'function' && text.length > 200) {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `z=${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }
  return `text=${encodeURIComponent(text)}`;
}

async function unpack(params) {
  if (params.has('z')) {
    const b64 = params.get('z').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }
  return params.get('text') ?? '';
}

async function link() {
  const p = new URLSearchParams();
  if (state.method !== 'top') p.set('method', state.method);
  if (state.seats) p.set('seats', String(state.seats));
  if (state.independents !== 'auto') p.set('independents', state.independents);
  if (state.focus) p.set('focus', state.focus);
  if (state.threshold !== 5) p.set('threshold', String(state.threshold));
  if (state.printed_shares) p.set('printed', '1');
  if (state.format !== 'auto') p.set('format', state.format);
  const fragment = [p.toString(), await pack(input.value)].filter(Boolean).join('&');
  return `${location.origin}${location.pathname}${location.search}#${fragment}`;
}

async function restore() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.size) return false;
  state.method = params.get('method') ?? 'top';
  state.seats = Number(params.get('seats')) || 0;
  state.independents = params.get('independents') ?? 'auto';
  state.focus = params.get('focus') ?? '';
  state.threshold = params.has('threshold') ? Number(params.get('threshold')) || 0 : 5;
  state.printed_shares = params.get('printed') === '1';
  state.format = params.get('format') ?? 'auto';
  try {
    input.value = await unpack(params);
  } catch {
    status.textContent = 'The link could not be read; it may have been cut short.';
  }
  return true;
}

function syncControls() {
  for (const r of document.querySelectorAll('input[name=method]')) r.checked = r.value === state.method;
  $('seats').value = state.seats ? String(state.seats) : '';
  $('independents').value = state.independents;
  $('threshold').value = String(state.threshold);
  $('printed').checked = state.printed_shares;
  $('format').value = normalise(state).format;
  updateFocusChoices(lastResult?.contests ?? []);
}

// --- wiring -------------------------------------------------------------------------------------------------
input.addEventListener('input', (e) => recompute(e.timeStamp));  // from the keystroke itself
for (const r of document.querySelectorAll('input[name=method]')) r.addEventListener('change', () => { state.method = r.value; recompute(); });
$('seats').addEventListener('input', (e) => { state.seats = Math.max(0, Math.min(100, Number(e.target.value) || 0)); recompute(); });
$('independents').addEventListener('change', (e) => { state.independents = e.target.value; recompute(); });
$('focus').addEventListener('change', (e) => { state.focus = e.target.value; recompute(); });
$('threshold').addEventListener('input', (e) => { const t = Number(e.target.value); if (Number.isFinite(t) && t >= 0 && t <= 100) { state.threshold = t; recompute(); } });
$('printed').addEventListener('change', (e) => { state.printed_shares = e.target.checked; recompute(); });
$('format').addEventListener('change', (e) => { state.format = e.target.value; recompute(); });
$('clear').addEventListener('click', () => { input.value = ''; recompute(); input.focus(); });
$('copy-link').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  try {
    const url = await link();
    history.replaceState(null, '', url);
    await copy(url, button);
  } catch (error) {
    $('action-status').textContent = `Could not make a link: ${error.message}`;
  }
});
$('download-csv').addEventListener('click', async () => download('wardshare.csv', 'text/csv', await csv(input.value)));
$('print').addEventListener('click', () => window.print());
for (const b of document.querySelectorAll('[data-example]')) {
  b.addEventListener('click', async () => {
    const file = b.dataset.example === 'report' ? 'examples/tusc-local-elections-2024.txt' : 'examples/fryerns.txt';
    input.value = await (await fetch(file)).text();
    if (b.dataset.example === 'ward') { state.seats = 0; syncControls(); }
    recompute();
  });
}
window.addEventListener('hashchange', async () => { if (await restore()) { syncControls(); recompute(); } });

(async () => {
  await restore();
  syncControls();
  recompute();
})();

// --- embedded in another site's iframe (?embed): compact, and tell the host how tall it is -------------------
const query = new URLSearchParams(location.search);
if (query.has('embed')) {
  document.documentElement.classList.add('embed');
  // the host may name its origin (?embed=https://host.example) so the height goes to it alone
  const host = /^https?:\/\/[^/]+$/.test(query.get('embed')) ? query.get('embed') : '*';
  const tell = () => window.parent.postMessage({ type: 'wardshare:height', height: Math.ceil(document.documentElement.scrollHeight) }, host);
  new ResizeObserver(tell).observe(document.body);
}

// --- offline and updates ------------------------------------------------------------------------------------
if ('serviceWorker' in navigator && !query.has('nosw') && !query.has('embed')) {
  import('./pwa.js').then((m) => m.register($('update'), $('update-reload'))).catch(() => {});
}
