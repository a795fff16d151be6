// web/render.js - builds the result views. Everything taken from the input is set as text, never markup.
import { METHODS } from './core.js';

const SVG = 'http://www.w3.org/2000/svg';

/** `el('p', {class: 'x'}, 'text', child)`: an element with attributes and children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });  // one formatter: toLocaleString builds one per call
export const thousands = (n) => numberFormat.format(n);
export const pct = (p) => `${p}%`;
export const title = (c) => [c.area, c.ward].filter(Boolean).join(' — ') || 'Pasted results';

/** A horizontal bar chart of shares, coloured by party. */
export function barChart(rows, { focus, label } = {}) {
  const rowHeight = 22;
  const height = rows.length * rowHeight + 4;
  const max = Math.max(1, ...rows.map((r) => r.share));
  const chart = svg('svg', { viewBox: `0 0 320 ${height}`, class: 'chart', role: 'img', 'aria-label': label });
  rows.forEach((r, i) => {
    const y = i * rowHeight + 2;
    const width = Math.max(1, (r.share / max) * 190);
    const g = svg('g', { class: r.key === focus ? 'bar focus' : 'bar' });
    g.append(svg('text', { x: 0, y: y + 15, class: 'bar-label' }, r.name.length > 12 ? `${r.name.slice(0, 11)}…` : r.name));
    g.append(svg('rect', { x: 80, y: y + 3, width: width.toFixed(1), height: rowHeight - 6, rx: 2, fill: r.colour || '#8a8f98' }));
    g.append(svg('text', { x: 80 + width + 4, y: y + 15, class: 'bar-value' }, r.text));
    chart.append(g);
  });
  return chart;
}

function checkText(check) {
  const kind = { total_mismatch: 'Total does not add up', share_mismatch: 'Printed share does not match',
    tie_at_boundary: 'Tie for the last seat', method_fallback: 'Method changed', elected_mismatch: 'Elected marker disagrees',
    turnout_mismatch: 'Turnout does not match', majority_mismatch: 'Majority does not match', change_mismatch: 'Printed change does not match',
    outcome_mismatch: 'Hold or gain disagrees', previous_share_mismatch: 'Previous result: printed share does not match',
    previous_total_mismatch: 'Previous result: total does not add up', votes_overflow: 'Votes beyond 10^18',
    previous_votes_overflow: 'Previous result: votes beyond 10^18' }[check.code] || check.code;
  return `${kind}: ${check.message}`;
}

/** One contest as a card: heading, method, table, chart, checks and the report-style line. */
export function contestCard(c, { onLine, onCopy }) {
  const id = `c${c.line}-${Math.random().toString(36).slice(2, 7)}`;
  const checksByGroup = new Map();
  c.checks.forEach((k, i) => {
    const group = c.parties.find((p) => p.label === k.label || p.group === k.label)?.group;
    if (group) checksByGroup.set(group, [...(checksByGroup.get(group) || []), `${id}-k${i}`]);
  });
  const elected = new Map();
  for (const cand of c.candidates) if (cand.elected) elected.set(cand.group, [...(elected.get(cand.group) || []), cand.name || `${cand.label} ${thousands(cand.votes)}`]);

  const table = el('table', {},
    el('caption', { class: 'visually-hidden' }, `Shares in ${title(c)}`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Party'), el('th', { scope: 'col', class: 'num' }, 'Cands'),
      el('th', { scope: 'col', class: 'num' }, c.method === 'total' ? 'Votes' : c.method === 'average' ? 'Mean' : 'Best'),
      el('th', { scope: 'col', class: 'num' }, 'Share'),
      c.previous ? el('th', { scope: 'col', class: 'num' }, el('abbr', { title: `Change in share since ${c.previous.heading || 'the previous result'}, in percentage points` }, '±')) : null,
      el('th', { scope: 'col', class: 'num' }, 'Seats'))),
    el('tbody', {}, c.parties.map((p) => {
      const notes = checksByGroup.get(p.group);
      return el('tr', { class: p.group === c.focus ? 'focus' : null },
        el('th', { scope: 'row' }, swatch(p.colour), p.label,
          p.party && p.party !== p.label ? el('span', { class: 'party-name' }, p.party) : null,
          elected.has(p.group) ? el('span', { class: 'elected' }, `Elected: ${elected.get(p.group).join(', ')}`) : null),
        el('td', { class: 'num' }, p.candidates),
        el('td', { class: 'num' }, thousands(p.votes)),
        el('td', { class: 'num share' }, pct(p.rounded),
          notes ? el('span', { class: 'flag', 'aria-describedby': notes.join(' '), title: 'See the note below' }, ' ⚠') : null),
        c.previous ? el('td', { class: `num change${p.change > 0 ? ' up' : p.change < 0 ? ' down' : ''}` }, p.change_rounded ?? 'new') : null,
        el('td', { class: 'num' }, p.seats_won));
    })));

  const chart = barChart(c.parties.map((p) => ({ key: p.group, name: p.label, share: p.share, text: pct(p.rounded), colour: p.colour })),
    { focus: c.focus, label: `Bar chart: ${c.parties.map((p) => `${p.label} ${p.rounded}%`).join(', ')}` });

  const checks = c.checks.length ? el('ul', { class: 'checks' }, c.checks.map((k, i) =>
    el('li', { id: `${id}-k${i}`, class: `check ${k.code}` },
      el('button', { type: 'button', class: 'linklike', onclick: () => onLine(k.line, k.column) }, `Line ${k.line}`), ' ', checkText(k)))) : null;

  const seatsNote = c.seats_from === 'text' ? 'from the text' : c.seats_from === 'option' ? 'as chosen'
    : c.seats_from === 'elected markers' ? 'from the elected marks' : 'assumed';
  const comparison = c.previous ? el('p', { class: 'comparison' },
    `Change since ${c.previous.heading || 'the previous result'}, same method.`,
    c.swing ? [' ', el('strong', { class: 'swing' }, `Swing ${c.swing.rounded} points from ${c.swing.from} to ${c.swing.to}`), ' (Butler: half the difference of their changes).'] : '',
    c.outcome ? ` The text says: ${c.outcome}.` : '') : c.outcome ? el('p', { class: 'comparison' }, `The text says: ${c.outcome}.`) : null;
  return el('article', { class: 'card', 'aria-labelledby': `${id}-h` },
    el('h3', { id: `${id}-h` }, title(c), ' ', el('span', { class: 'seats' }, `${c.seats} seat${c.seats === 1 ? '' : 's'} (${seatsNote})`)),
    el('p', { class: 'method' }, el('strong', {}, `Method: ${c.method}`), ` — ${METHODS[c.method]}.`,
      c.method !== c.requested_method ? ` (${c.requested_method} needs a voters figure this contest does not give.)` : '',
      ' ', el('button', { type: 'button', class: 'linklike', onclick: () => onLine(c.line, 1) }, `Line ${c.line}`)),
    c.election ? el('p', { class: 'election' }, c.election) : null,
    c.turnout_percent != null ? el('p', { class: 'turnout' }, `Turnout ${c.turnout_percent.toFixed(1)}% (ballots over electorate).`) : null,
    el('div', { class: 'card-body' }, table, chart),
    comparison,
    checks,
    el('p', { class: 'report-line' }, el('code', {}, c.report_line), ' ',
      el('button', { type: 'button', onclick: (e) => onCopy(c.report_line, e.currentTarget) }, 'Copy line')));
}

export function diagnosticsList(diags, onLine, { open = true, always = false } = {}) {
  if (!diags.length) return null;
  const shown = diags.slice(0, 200);
  // open when something is wrong, or when nothing was read (the notes, hints included, are then all there is)
  return el('details', { class: 'diagnostics', open: always || (open && diags.some((d) => d.severity !== 'info')) },
    el('summary', {}, `${diags.length} note${diags.length === 1 ? '' : 's'} on the input`),
    el('ul', {}, shown.map((d) => el('li', { class: `diag ${d.severity}` },
      el('button', { type: 'button', class: 'linklike', onclick: () => onLine(d.line, d.column) }, `Line ${d.line}, column ${d.column}`),
      `: ${d.severity}: ${d.message}`))),
    diags.length > shown.length ? el('p', {}, `…and ${diags.length - shown.length} more.`) : null);
}

/** Report mode: headline figures, league table, per-area table, audit and a chart of the focus party's shares. */
export function reportView(s, { onLine, onExport }) {
  const fmt = (x) => (Math.round(x * 10) / 10).toFixed(1);
  const headline = el('dl', { class: 'headline' },
    ...[['Focus', s.focus], ['Contests', s.contests], ['Candidates', s.candidates], ['Areas', s.areas],
      ['Votes', thousands(s.votes)], ['Mean share', `${fmt(s.mean_share)}%`], [`At or above ${s.threshold}%`, s.at_or_above]]
      .map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
  const league = el('table', { class: 'league' },
    el('caption', {}, `League table: ${s.focus} at or above ${s.threshold}%`),
    el('thead', {}, el('tr', {}, ['#', 'Area', 'Ward', 'Votes', 'Share'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, s.league.map((l) => el('tr', {}, el('td', {}, l.rank), el('td', {}, l.area ?? ''),
      el('td', {}, el('button', { type: 'button', class: 'linklike', onclick: () => onLine(l.line, 1) }, l.ward ?? `line ${l.line}`)),
      el('td', { class: 'num' }, thousands(l.votes)), el('td', { class: 'num' }, `${l.rounded}%`)))));
  const areas = el('table', { class: 'areas' },
    el('caption', {}, 'By area'),
    el('thead', {}, el('tr', {}, ['Area', 'Contests', 'Candidates', 'Votes', 'Mean share'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, s.by_area.map((a) => el('tr', { class: a.contests > 1 && a.mean_share >= s.threshold ? 'above' : null },
      el('td', {}, a.area || '(no heading)'), el('td', { class: 'num' }, a.contests), el('td', { class: 'num' }, a.candidates),
      el('td', { class: 'num' }, thousands(a.votes)), el('td', { class: 'num' }, `${fmt(a.mean_share)}%`)))));
  const audit = el('details', { class: 'audit', open: true },
    el('summary', {}, `Audit: ${s.audit.length} inconsistenc${s.audit.length === 1 ? 'y' : 'ies'} in the source`),
    el('ul', {}, s.audit.map((a) => el('li', {},
      el('button', { type: 'button', class: 'linklike', onclick: () => onLine(a.line, 1) }, `Line ${a.line}`),
      ` ${[a.area, a.ward].filter(Boolean).join(' — ')}: ${a.message}`))));
  const sorted = [...s.per_contest].sort((a, b) => b.share - a.share);
  const chart = barChart(sorted.slice(0, 60).map((f, i) => ({ key: i, name: f.ward ?? '?', share: f.share, text: `${f.rounded}%`, colour: '#12355b' })),
    { label: `${s.focus} share by contest, highest first: ${sorted.slice(0, 10).map((f) => `${f.ward} ${f.rounded}%`).join(', ')}` });
  return el('section', { class: 'report', 'aria-labelledby': 'report-heading' },
    el('h3', { id: 'report-heading' }, `Report: ${s.focus} across ${s.contests} contests`),
    el('p', { class: 'help' }, s.shares_from === 'printed'
      ? 'Counting the shares the text prints (computed where it prints none).'
      : 'Counting shares computed from the votes.'),
    headline,
    el('div', { class: 'exports' },
      el('button', { type: 'button', onclick: () => onExport('csv') }, 'All contests as CSV'),
      el('button', { type: 'button', onclick: () => onExport('markdown') }, 'League table as Markdown'),
      el('button', { type: 'button', onclick: () => onExport('text') }, 'League table as report text')),
    league, areas, audit,
    el('figure', { class: 'report-chart' }, el('figcaption', {}, `${s.focus} share by contest (highest ${Math.min(60, sorted.length)})`), chart));
}

function swatch(colour) {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.backgroundColor = colour || '#8a8f98';  // CSSOM, allowed under style-src 'self'
  return s;
}

export function leagueMarkdown(s) {
  const rows = s.league.map((l) => `| ${l.rank} | ${md(l.area)} | ${md(l.ward)} | ${thousands(l.votes)} (${l.rounded}%) |`);
  return [`| | Local authority | Ward | Vote |`, `|---|---|---|---|`, ...rows].join('\n') + '\n';
}

export function leagueText(s) {
  return ['\tLocal authority\tWard\tVote', ...s.league.map((l) => `${l.rank}\t${l.area ?? ''}\t${l.ward ?? ''}\t${thousands(l.votes)} (${l.rounded}%)`)].join('\n') + '\n';
}

const md = (t) => String(t ?? '').replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
