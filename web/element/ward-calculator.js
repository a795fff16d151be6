// web/element/ward-calculator.js - the <ward-calculator> element: the calculator inside a campaign's own page.
// Shadow DOM keeps the host's CSS out (and ours in); styles come from a constructed stylesheet, so a strict
// host CSP (style-src 'self') needs no 'unsafe-inline'. It computes on the main thread: a worker would have
// to be same-origin with the host, and the element may be served from elsewhere.
import { moduleFor, computeWith, normalise } from '../core.js';
import { contestCard, el } from '../render.js';

const CSS = `
:host { display: block; contain: content; }
.root { all: initial; display: block; box-sizing: border-box; font: 15px/1.45 var(--ward-font, system-ui, sans-serif);
  color: var(--ward-ink, #1a1a1a); background: var(--ward-paper, #fff); border: 1px solid var(--ward-line, #c9d0d8);
  border-radius: var(--ward-radius, 8px); padding: .75rem; }
.root * { box-sizing: border-box; }
div, section, article, header, p, ul, li, table, h3, label, details, summary { display: revert; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
textarea { display: block; width: 100%; min-height: 6rem; font: 13px/1.4 ui-monospace, monospace; padding: .4rem;
  border: 1px solid #6b7480; border-radius: 4px; color: inherit; background: #fff; resize: vertical; }
textarea[readonly] { background: #f4f6f8; }
.status { font-weight: 600; margin: .5rem 0; }
.card { border-top: 1px solid var(--ward-line, #c9d0d8); padding-top: .5rem; margin-top: .5rem; }
.card h3 { font-size: 1rem; margin: 0 0 .25rem; }
.seats, .method, .party-name { color: #4a4f57; font-size: .85rem; font-weight: normal; }
.party-name, .elected { display: block; font-size: .8rem; }
.elected { color: #1d5e20; }
.card-body { display: grid; gap: .5rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; display: table; }
thead { display: table-header-group; } tbody { display: table-row-group; } tr { display: table-row; }
th, td { display: table-cell; padding: .2rem .3rem; border-bottom: 1px solid var(--ward-line, #c9d0d8); text-align: left; vertical-align: top; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.num { text-align: right; white-space: nowrap; }
tr.focus { background: var(--ward-highlight, #fff1d6); }
.swatch { display: inline-block; width: .75rem; height: .75rem; border-radius: 2px; margin-right: .3rem; }
.chart { width: 100%; max-width: 360px; height: auto; font: 11px system-ui, sans-serif; }
.chart text { fill: var(--ward-ink, #1a1a1a); }
.checks { list-style: none; padding: 0; margin: .4rem 0; }
.check { background: #fff4e5; color: #6b3a00; border-left: 4px solid #b35c00; padding: .3rem .5rem; margin-bottom: .3rem; }
.report-line { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.report-line code { font: 12px ui-monospace, monospace; background: #f4f6f8; padding: .2rem .3rem; overflow-wrap: anywhere; }
button { font: inherit; color: var(--ward-ink, #1a1a1a); background: #f4f6f8; border: 1px solid #6b7480; border-radius: 4px; padding: .25rem .6rem; cursor: pointer; }
button.linklike { background: none; border: 0; padding: 0; color: var(--ward-accent, #12355b); text-decoration: underline; }
:focus-visible { outline: 3px solid var(--ward-focus, #b35c00); outline-offset: 2px; }
.flag { color: #6b3a00; }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** `<ward-calculator value="Lab 1,160; Con 529" method="top" seats="3" focus="TUSC" readonly>` */
export class WardCalculator extends HTMLElement {
  static get observedAttributes() { return ['value', 'method', 'focus', 'seats', 'readonly', 'label']; }

  #result = null;
  #frame = 0;
  #input;
  #status;
  #output;
  #onInput = () => { this.setAttribute('value', this.#input.value); };

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.#input = el('textarea', { part: 'input', spellcheck: 'false', id: 'input' });
    this.#status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
    this.#output = el('div', { part: 'results' });
    root.append(el('div', { class: 'root', part: 'root' },
      el('label', { for: 'input' }, this.getAttribute('label') ?? 'Election results'), this.#input, this.#status, this.#output));
  }

  connectedCallback() {
    this.#input.addEventListener('input', this.#onInput);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#input.removeEventListener('input', this.#onInput);
    cancelAnimationFrame(this.#frame);
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'value' && this.#input.value !== (value ?? '')) this.#input.value = value ?? '';
    if (name === 'readonly') this.#input.readOnly = value !== null;
    if (name === 'label') this.shadowRoot.querySelector('label').textContent = value ?? 'Election results';
    this.#schedule();
  }

  get value() { return this.getAttribute('value') ?? ''; }
  set value(v) { this.setAttribute('value', String(v ?? '')); }
  get method() { return this.getAttribute('method') ?? 'top'; }
  set method(v) { this.setAttribute('method', v); }
  get focus() { return this.getAttribute('focus') ?? ''; }
  set focus(v) { v ? this.setAttribute('focus', v) : this.removeAttribute('focus'); }
  get seats() { return Number(this.getAttribute('seats')) || 0; }
  set seats(v) { Number(v) ? this.setAttribute('seats', String(v)) : this.removeAttribute('seats'); }
  get readOnly() { return this.hasAttribute('readonly'); }
  set readOnly(v) { this.toggleAttribute('readonly', Boolean(v)); }
  /** The computed result (the CLI's JSON document as an object), or null before the first computation. */
  get result() { return this.#result; }

  // several attribute changes in one task compute once
  #schedule() {
    if (!this.isConnected) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#compute());
  }

  async #compute() {
    let module;
    try {
      module = await moduleFor(this.value);
    } catch (error) {
      this.#status.textContent = `The calculator could not load: ${error.message}`;
      return;
    }
    const result = computeWith(module, this.value, normalise({ method: this.method, focus: this.focus, seats: this.seats }));
    this.#result = result;
    this.#render(result);
    this.dispatchEvent(new CustomEvent('change', { detail: result, bubbles: true, composed: true }));
  }

  #render(result) {
    const n = result.contests.length;
    this.#status.textContent = n ? `${n} contest${n === 1 ? '' : 's'}` +
      (n === 1 ? `: ${result.contests[0].parties.map((p) => `${p.label} ${p.rounded}%`).slice(0, 4).join(', ')}` : '')
      : (this.value.trim() ? 'No results found.' : 'Paste results to see the shares.');
    const goTo = () => this.#input.focus();
    const copy = (text) => navigator.clipboard?.writeText(text).catch(() => {});
    this.#output.replaceChildren(...result.contests.slice(0, 50).map((c) => contestCard(c, { onLine: goTo, onCopy: copy })));
  }
}
