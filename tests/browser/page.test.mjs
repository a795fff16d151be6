// tests/browser/page.test.mjs - the page end to end in headless Chromium: typing, pasting a whole report,
// switching method, following a copied link, diagnostics, report view and exports. Screenshots go to
// build/screenshots/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launch, site, paste, SHOTS } from './browser.mjs';

const REPORT = readFileSync(new URL('../corpus/tusc-local-elections-2024.txt', import.meta.url), 'utf8');
const FRYERNS = 'Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236';
let browser, server, url;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, url } = await site());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path = '?nosw', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url + path);
  return { context, page, errors };
}

/** The share shown for a party in the first card. */
async function share(page, label, card = 0) {
  return page.locator('.card').nth(card).locator('tbody tr', { has: page.locator(`th:text-is("${label}")`) })
    .locator('td.share').first().textContent().then((t) => t.replace('⚠', '').trim());
}

async function waitFor(page, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: 15000 });
}

/** Where each result shown was computed (`page` or `worker`), oldest first. */
function computedWhere(page) {
  return page.evaluate(() => performance.getEntriesByName('wardshare:input-to-result').map((e) => e.detail.where));
}

test('typing a ward line shows its shares as you type, with three seats', async () => {
  const { context, page, errors } = await open();
  await page.locator('#input').click();
  await page.keyboard.type(FRYERNS, { delay: 0 });
  await page.fill('#seats', '3');
  await waitFor(page, () => document.querySelectorAll('.card').length === 1 && document.querySelector('.card h3').textContent.includes('3 seats'));
  assert.equal(await share(page, 'TUSC'), '9.7%');
  assert.equal(await share(page, 'Lab'), '51.9%');
  assert.match(await page.textContent('#status'), /1 contest: Lab 51\.9%/);
  assert.equal(await page.locator('.card tbody tr.focus th').first().textContent().then((t) => t.startsWith('TUSC')), true);
  assert.match(await page.textContent('.card .elected'), /Elected: Lab 1,160, Lab 1,142, Lab 1,053/);
  assert.equal(await page.textContent('.card .report-line code'), FRYERNS);
  // the chart is an SVG with a bar per party
  assert.equal(await page.locator('.card svg.chart rect').count(), 4);
  await page.screenshot({ path: `${SHOTS}ward.png`, fullPage: true });
  // every keystroke recomputes: delete the TUSC figure and the card changes without any button
  await page.fill('#input', FRYERNS.replace('; TUSC 218 (9.7%)', ''));
  await waitFor(page, () => document.querySelectorAll('.card tbody tr').length === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a small input is computed on the page\'s thread, a large one in a worker', async () => {
  const { context, page, errors } = await open();
  await page.locator('#input').click();
  await page.keyboard.type('Lab 1,160; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236');
  await waitFor(page, () => document.querySelectorAll('.card tbody tr').length === 4);
  assert.equal(await share(page, 'TUSC'), '9.7%');
  assert.deepEqual([...new Set(await computedWhere(page))], ['page']);
  // the worker starts after the first result (in idle time, ready for a large paste), not before it
  assert.equal(await page.evaluate(() => {
    const w = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/worker.js'));
    const first = performance.getEntriesByName('wardshare:input-to-result')[0];
    return !w || w.startTime >= first.startTime + first.duration;
  }), true);
  // the worker, once started, reads a made-up report of 240 rows before any paste (its module run hot)
  await waitFor(page, () => document.documentElement.dataset.workerRehearsed === '240');
  // the whole report (65 KB) goes to the worker, and back to a ward here
  await paste(page, REPORT);
  await waitFor(page, () => /^277 contests/.test(document.getElementById('status').textContent));
  assert.equal((await computedWhere(page)).at(-1), 'worker');
  await page.fill('#input', FRYERNS);
  await waitFor(page, () => document.querySelectorAll('.card').length === 1);
  assert.equal(await share(page, 'Lab'), '51.9%');
  assert.equal((await computedWhere(page)).at(-1), 'page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a trap in the module is shown as an error, and the page keeps working', async () => {
  const { context, page } = await open();
  await page.locator('#input').click();
  await page.keyboard.type('Lab 1,160; Con 529');
  await waitFor(page, () => 'computesHere' in document.documentElement.dataset);
  // wreck the memory of the page's own module (the one core.js loaded for app.js): its next call traps
  await page.evaluate(async () => { const core = await import('./core.js'); (await core.load()).HEAPU8.fill(0xff); });
  await page.keyboard.type(';');
  await waitFor(page, () => /failed on this input/.test(document.getElementById('diagnostics').textContent));
  assert.equal(await page.locator('.card').count(), 0);
  assert.match(await page.textContent('#status'), /No results found/);
  // the next keystrokes are computed by a fresh module and shown as usual
  await page.keyboard.type(' LD 329; TUSC 218 (9.7%) Votes cast 2,236');
  await waitFor(page, () => document.querySelectorAll('.card tbody tr').length === 4);
  assert.equal(await share(page, 'TUSC'), '9.7%');
  assert.equal(await page.locator('#diagnostics').textContent().then((t) => t.includes('failed on this input')), false);
  assert.equal((await computedWhere(page)).at(-1), 'page');
  await context.close();
});

test('pasting the whole 2024 report shows every contest and the report view', async () => {
  const { context, page, errors } = await open();
  await paste(page, REPORT);
  await waitFor(page, () => /^277 contests/.test(document.getElementById('status').textContent));
  // cards come in pages; the rest are a click away
  assert.equal(await page.locator('.card').count(), 40);
  // each click shows 200 more (40, 240, 277), the button gone once all are shown; each page of cards is waited
  // for before the next click (rendering 200 cards can take seconds on a loaded machine)
  for (const shown of [240, 277]) {
    assert.match(await page.textContent('#more button'), new RegExp(`^Show ${shown - (shown === 240 ? 40 : 240)} more of 277 contests$`));
    await page.click('#more button');
    await waitFor(page, (n) => document.querySelectorAll('.card').length === n, shown);
  }
  assert.equal(await page.locator('#more button').count(), 0);
  // report view: headline, league table and audit
  const headline = await page.textContent('.report .headline');
  assert.match(headline, /FocusTUSC/);
  assert.match(headline, /Contests273/);
  assert.equal(await page.locator('.report table.league tbody tr').count(), 48);
  assert.match(await page.textContent('.report table.league tbody tr:first-child'), /Southampton.*Bevois.*848.*32\.2%/);
  assert.match(await page.textContent('.report .audit summary'), /Audit: \d+ inconsistencies/);
  await page.screenshot({ path: `${SHOTS}report.png` });

  // typing that leaves the report's figures as they were leaves the report as the reader left it (the audit
  // closed); typing that changes them rebuilds it, with the new figures
  await page.click('.report .audit summary');
  assert.equal(await page.locator('.report .audit[open]').count(), 0);
  const typed = async (text) => {
    const before = Number(await page.evaluate(() => document.documentElement.dataset.resultId));
    await page.keyboard.type(text);
    await waitFor(page, (n) => Number(document.documentElement.dataset.resultId) > n, before);
  };
  await page.evaluate(() => { const t = document.getElementById('input'); t.focus(); t.setSelectionRange(t.value.length, t.value.length); });
  await typed('\nLab 100; Con 50');
  await waitFor(page, () => /^278 contests/.test(document.getElementById('status').textContent));
  assert.equal(await page.locator('.report .audit[open]').count(), 0, 'a contest without TUSC leaves the report as it was');
  assert.match(await page.textContent('.report .headline'), /Contests273/);
  await typed('; TUSC 7');
  await waitFor(page, () => /Contests274/.test(document.querySelector('.report .headline')?.textContent ?? ''));
  assert.equal(await page.locator('.report .audit[open]').count(), 1, 'a TUSC result rebuilds the report');
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching method changes every share and says which method is in use', async () => {
  const { context, page } = await open();
  await page.fill('#input', `Fryerns (three seats)\tEleanor Donne\t${FRYERNS}`);
  await waitFor(page, () => document.querySelector('.card .method')?.textContent.includes('top'));
  assert.equal(await share(page, 'TUSC'), '9.7%');
  await page.check('input[name=method][value=total]');
  await waitFor(page, () => document.querySelector('.card .method')?.textContent.startsWith('Method: total'));
  assert.equal(await share(page, 'TUSC'), '4.9%');   // 218 / 4,431
  await page.check('input[name=method][value=ballots]');
  await waitFor(page, () => document.querySelector('.card .method')?.textContent.includes('needs a voters figure'));
  await page.check('input[name=method][value=average]');
  await waitFor(page, () => document.querySelector('.card .method')?.textContent.startsWith('Method: average'));
  assert.equal(await share(page, 'TUSC'), '9.9%');  // 218 / (1,118.3 + 529 + 329 + 218)
  await context.close();
});

test('a copied link reopens the same input and options', async () => {
  const { context, page } = await open();
  await paste(page, REPORT);
  await page.check('input[name=method][value=total]');
  await waitFor(page, () => /^277 contests/.test(document.getElementById('status').textContent) &&
    document.querySelector('.card .method')?.textContent.startsWith('Method: total'));
  await page.click('#copy-link');
  await waitFor(page, () => location.hash.length > 10);
  const link = page.url();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, link);
  assert.ok(!link.includes('Votes'), 'the text is compressed into the fragment, not sent as a query');
  const second = await context.newPage();
  await second.goto(link);
  await waitFor(second, () => /^277 contests/.test(document.getElementById('status').textContent));
  assert.equal(await second.inputValue('#input'), REPORT);
  assert.equal(await second.isChecked('input[name=method][value=total]'), true);
  await context.close();
});

test('a malformed token shows its diagnostic, and clicking it selects the line', async () => {
  const { context, page } = await open();
  await page.fill('#input', 'Basildon\nLab 1,160; Con 529; LD 329; Green; TUSC 218 (9.7%)');
  await waitFor(page, () => document.querySelector('.diagnostics li'));
  const text = await page.textContent('.diagnostics li');
  assert.match(text, /Line 2, column 29: warning: expected a vote count after 'Green', saw ';': skipped/);
  await page.click('.diagnostics li button');
  const selected = await page.evaluate(() => { const t = document.getElementById('input'); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(selected, 'Green; TUSC 218 (9.7%)');
  assert.match(await page.textContent('#status'), /1 warning/);
  await page.screenshot({ path: `${SHOTS}diagnostic.png`, fullPage: true });
  await context.close();
});

test('editing above and within earlier lines: shares and line references follow the edit', async () => {
  // the module reuses the lines it read for the last keystroke (reuse_lines): a line pushed down by an
  // edit above it must point to where it is now, and a line edited must be read again
  const { context, page, errors } = await open();
  await page.fill('#input', `Basildon\nFryerns (three seats)\tEleanor Donne\t${FRYERNS}\nLab 1,160; Con 529; LD 329; Green; TUSC 218 (9.7%)`);
  await waitFor(page, () => /^Line 3, column 29/.test(document.querySelector('.diagnostics li')?.textContent ?? ''));
  assert.equal(await share(page, 'TUSC'), '9.7%');
  const typeAt = async (at, text) => {
    const before = Number(await page.evaluate(() => document.documentElement.dataset.resultId));
    await page.evaluate((n) => { const t = document.getElementById('input'); t.focus(); t.setSelectionRange(n, n); }, at);
    await page.keyboard.type(text);
    await waitFor(page, (n) => Number(document.documentElement.dataset.resultId) > n, before);
  };
  await typeAt(0, 'Eastern\n');  // every line below moves down one
  await waitFor(page, () => /^Line 4, column 29/.test(document.querySelector('.diagnostics li')?.textContent ?? ''));
  await page.click('.diagnostics summary');  // (two contests: the notes start closed)
  await page.click('.diagnostics li button');
  const selected = await page.evaluate(() => { const t = document.getElementById('input'); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(selected, 'Green; TUSC 218 (9.7%)');
  // Con 529 becomes Con 5290 in the Fryerns row: its shares are worked out again, and the printed 9.7% is flagged
  const value = await page.inputValue('#input');
  await typeAt(value.indexOf('Con 529') + 'Con 529'.length, '0');
  await waitFor(page, () => document.querySelector('.card')?.textContent.includes('5,290'));
  assert.equal(await share(page, 'TUSC'), '3.1%');
  assert.match(await page.locator('.card').first().locator('.checks').textContent(), /Printed share does not match/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example buttons, CSV download and the checks beside their numbers', async () => {
  const { context, page } = await open();
  await page.click('[data-example=ward]');
  await waitFor(page, () => document.querySelectorAll('.card').length === 1);
  assert.match(await page.textContent('.card h3'), /Fryerns/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^line,area,ward,seats,method,label/);
  assert.match(csv, /Fryerns,3,top,TUSC,Trade Unionist and Socialist Coalition,1,218,9\.74955277280859,9\.7,0,yes,0/);
  // a printed share that does not add up is flagged on its row and explained below
  await page.fill('#input', 'Holywell\tMark O\'Connor\tLab 1,159; LD 352; Con 328; TUSC 91 (3.0%) Votes cast 1,930');
  await waitFor(page, () => document.querySelector('.card .check'));
  assert.match(await page.textContent('.card .check'), /Printed share does not match: printed 3\.0% for TUSC 91, computed 4\.7%/);
  const flag = page.locator('.card tr', { has: page.locator('th:text-is("TUSC")') }).locator('.flag');
  assert.equal(await flag.count(), 1);
  await context.close();
});

test('comfortable on a 360-px phone: no sideways scrolling', async () => {
  const { context, page } = await open('?nosw', { width: 360, height: 740 });
  await page.fill('#input', `Fryerns (three seats)\tEleanor Donne\t${FRYERNS}`);
  await waitFor(page, () => document.querySelectorAll('.card').length === 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: `${SHOTS}phone.png`, fullPage: true });
  await context.close();
});

test('accessible: labelled controls, a polite status, keyboard reachable', async () => {
  const { context, page } = await open();
  for (const id of ['input', 'seats', 'independents', 'focus']) {
    assert.equal(await page.locator(`label[for=${id}]`).count(), 1, `#${id} has a label`);
  }
  assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
  assert.equal(await page.getAttribute('#status', 'role'), 'status');
  // Tab from the top reaches the input box
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  await context.close();
});

test('report view: printed shares reproduce the report, exports download and copy', async () => {
  const { context, page, errors } = await open();
  const regional = REPORT.slice(REPORT.indexOf('Elections 2024: TUSC results in English councils by region'),
    REPORT.indexOf('Elections 2024: Other anti-cuts and anti-war candidates'));
  await paste(page, regional);
  await waitFor(page, () => /^268 contests/.test(document.getElementById('status').textContent) && document.querySelector('.report'));
  assert.match(await page.textContent('.report .headline'), /Votes23,431/);
  assert.match(await page.textContent('.report .headline'), /At or above 5%47/);
  await page.check('#printed');
  await waitFor(page, () => /At or above 5%46/.test(document.querySelector('.report .headline')?.textContent ?? ''));
  assert.match(await page.textContent('.report .headline'), /Mean share3\.5%/);
  const rows = await page.$$eval('.report table.areas tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const row = (name) => rows.find((r) => r[0] === name);
  assert.deepEqual(row('Basildon').slice(1), ['5', '5', '909', '7.8%']);
  assert.equal(row('Nuneaton & Bedworth')[4], '7.8%');
  assert.equal(row('North Tyneside')[4], '6.2%');
  // the league table as Markdown, downloaded
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('.exports button:text("League table as Markdown")')]);
  const markdown = readFileSync(await md.path(), 'utf8');
  assert.match(markdown, /^\| \| Local authority \| Ward \| Vote \|\n\|---\|---\|---\|---\|\n\| 1 \| Southampton \| Bevois \| 848 \(32\.2%\) \|/);
  assert.equal(markdown.trim().split('\n').length, 48);
  // as report text, copied: the seed report's own league-table rows
  await page.click('.exports button:text("League table as report text")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^\tLocal authority\tWard\tVote\n1\tSouthampton\tBevois\t848 \(32\.2%\)\n2\tPreston\tDeepdale\t522 \(31\.3%\)/);
  // all contests as CSV
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('.exports button:text("All contests as CSV")')]);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  assert.equal(new Set(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0])).size, 268);
  // an audit entry takes you to its line
  await page.click('.report .audit li button');
  const line = await page.evaluate(() => { const t = document.getElementById('input'); return t.value.slice(0, t.selectionStart).split('\n').length; });
  const first = await page.textContent('.report .audit li button');
  assert.equal(`Line ${line}`, first);
  await page.screenshot({ path: `${SHOTS}report-view.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('input is text, never markup: nothing pasted is executed or injected', async () => {
  const { context, page, errors } = await open();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const hostile = [
    '<img src=x onerror="window.__pwned=1">',
    '<script>window.__pwned=2</script> (two seats)\t<b onmouseover="window.__pwned=3">Eve</b>\tLab 10; <svg onload="window.__pwned=4">Con</svg> 5; "><img src=y onerror=confirm 3',
    'javascript:window.__pwned=6\tX\t<iframe src="javascript:parent.__pwned=7"></iframe> 4; Green 2 Votes cast 6',
  ].join('\n');
  await paste(page, hostile);
  await waitFor(page, () => document.querySelectorAll('.card').length >= 1);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // no element came from the input: only the page's own tags inside the results
  assert.equal(await page.locator('#cards img, #cards script, #cards iframe, #cards b, #report img, #diagnostics img').count(), 0);
  assert.equal(await page.locator('#cards svg [onload], #cards [onmouseover], #cards [onerror]').count(), 0);
  // markup remnants (closed tags) are stripped by the reader; what is left is shown as text: an unclosed
  // tag, which innerHTML would have turned into an element, is here a party label on the page
  const text = await page.textContent('#cards');
  assert.match(text, /"><img src=y onerror=confirm/);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});
