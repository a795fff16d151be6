// tests/browser/formats.test.mjs - every paste format in the page, in headless Chromium: what was recognised
// is said, the switch changes how the input is read, changes in share and the swing sit beside the shares,
// and JSON input brings in the second wasm module (and only then).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launch, site, paste, recordRequests, SHOTS } from './browser.mjs';

const data = (f) => readFileSync(new URL(`../data/${f}`, import.meta.url), 'utf8');
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

async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.replace(/\/$/, '') });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${url}?nosw`);
  await page.waitForFunction(() => document.querySelector('#status').textContent !== 'Loading the calculator…');
  return { context, page, errors, requests };
}

const cardsAre = (page, n) => page.waitForFunction((k) => document.querySelectorAll('.card').length === k, n, { timeout: 15000 });

/** The text of a column for a party in a card: `share`, `change`. */
function cell(page, card, label, column) {
  return page.locator('.card').nth(card).locator('tbody tr', { has: page.locator(`th:text-is("${label}")`) })
    .locator(`td.${column}`).first().textContent().then((t) => t.replace('⚠', '').trim());
}

test('a Wikipedia box: recognised, change in share and the swing shown, the typo flagged', async () => {
  const { context, page, errors } = await open();
  await paste(page, data('wikipedia-general.txt'));
  await cardsAre(page, 1);
  assert.equal(await page.textContent('#format-note'), 'Recognised: Wikipedia election boxes.');
  assert.equal(await cell(page, 0, 'Lab', 'share'), '41.3%');
  assert.equal(await cell(page, 0, 'Lab', 'change'), '+9.1');
  assert.equal(await cell(page, 0, 'Con', 'change'), '-21.9');
  assert.equal(await cell(page, 0, 'Ind', 'change'), 'new');
  assert.match(await page.textContent('.card .comparison'), /Change since General election 2019.*Swing 15\.5 points from Con to Lab/);
  assert.match(await page.textContent('.card .comparison'), /Labour gain from Conservative/);
  assert.match(await page.textContent('.card .checks'), /Printed change does not match: printed change \+0\.6 for LD/);
  await page.screenshot({ path: `${SHOTS}wikipedia.png`, fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the switch: CSV pasted and read as CSV (by the second module), then read as text on request, and back', async () => {
  const { context, page, errors, requests } = await open();
  await paste(page, data('wikipedia-local.txt'));
  await cardsAre(page, 2);
  assert.equal(requests.some((r) => r.endsWith('/wardshare-full.wasm')), false);
  await paste(page, data('democracy-club.csv'));
  await cardsAre(page, 3);
  assert.equal(requests.some((r) => r.endsWith('/wardshare-full.wasm')), true);
  assert.equal(await page.textContent('#format-note'), 'Recognised: CSV.');
  assert.match(await page.textContent('.card h3'), /Basildon — Fryerns/);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  await page.selectOption('#format', 'text');
  await page.waitForFunction(() => document.querySelector('#format-note').textContent.startsWith('Read as chosen'));
  assert.notEqual(await page.locator('.card').count(), 3);  // as text, the rows are not three wards
  await page.selectOption('#format', 'auto');
  await cardsAre(page, 3);
  // the choice travels in the copied link
  await page.selectOption('#format', 'csv');
  await page.click('#copy-link');
  await page.waitForFunction(() => location.hash.includes('format=csv'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a spreadsheet\'s rows pasted (tab-separated, a ward column): read as CSV by the second module', async () => {
  const { context, page, errors, requests } = await open();
  await paste(page, data('spreadsheet-rows.tsv'));
  await cardsAre(page, 2);
  assert.equal(requests.some((r) => r.endsWith('/wardshare-full.wasm')), true);
  assert.equal(await page.textContent('#format-note'), 'Recognised: CSV.');
  assert.match(await page.locator('.card h3').nth(1).textContent(), /Basildon — Pitsea North West/);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  assert.equal(await cell(page, 1, 'TUSC', 'share'), '6.6%');
  assert.equal(await page.locator('.card .checks li').count(), 0);  // (every Elected mark agrees with the votes)
  assert.deepEqual(errors, []);
  await context.close();
});

test('a CSV saved with its title rows above the header: recognised, the title naming the ward', async () => {
  const { context, page, errors, requests } = await open();
  await paste(page, data('spreadsheet-titled.csv'));
  await cardsAre(page, 1);
  assert.equal(requests.some((r) => r.endsWith('/wardshare-full.wasm')), true);
  assert.equal(await page.textContent('#format-note'), 'Recognised: CSV.');
  assert.match(await page.textContent('.card h3'), /Fryerns ward.*3 seats/);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  assert.equal(await page.locator('.card .checks li').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('figures that read as no result are said: under a contest, and when nothing was read at all', async () => {
  const { context, page, errors } = await open();
  await paste(page, 'Fryerns\nLabour 1,160\nConservative 529\nGreen 12O\n');
  await cardsAre(page, 1);
  await page.waitForFunction(() => document.querySelector('.diagnostics')?.textContent.includes('Line 4, column 7'));
  assert.match(await page.textContent('.diagnostics'), /warning: expected a result .* the line is not read/);
  assert.match(await page.textContent('#status'), /1 warning/);
  // prose: no card, and the hint open beside the status, pointing at the first figure
  await paste(page, 'Labour got 1,160 votes and the Tories 529.\n');
  await cardsAre(page, 0);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('No results found'));
  assert.equal(await page.textContent('#status'), 'No results found in the input. See the notes below.');
  assert.equal(await page.locator('.diagnostics').getAttribute('open'), '');
  assert.match(await page.textContent('.diagnostics li'), /^Line 1, column 12: info: expected results .*nothing was read/);
  await page.click('.diagnostics li button');  // (the note's place, selected in the box)
  assert.equal(await page.evaluate(() => { const t = document.querySelector('#input'); return t.value.slice(t.selectionStart, t.selectionStart + 5); }), '1,160');
  assert.deepEqual(errors, []);
  await context.close();
});

test('results posted a party a line, the outcome and a wrong majority: the majority said beside the shares', async () => {
  const { context, page, errors } = await open();
  await paste(page, 'Fryerns by-election result:\nLabour 1,160 (68.7%)\nConservative 529 (31.3%)\nMajority 700\nLabour hold\n');
  await cardsAre(page, 1);
  assert.match(await page.textContent('.card h3'), /Fryerns by-election/);
  assert.equal(await cell(page, 0, 'Lab', 'share'), '68.7%');
  assert.match(await page.textContent('.card .checks'), /Majority does not match: stated majority 700 but Labour 1,160 less Conservative 529 is 631/);
  assert.equal(await page.locator('.card .checks li').count(), 1);  // (the shares and the hold agree with the votes)
  assert.deepEqual(errors, []);
  await context.close();
});

test('a council page with its previous result, and plain Name, Party, Votes lines', async () => {
  const { context, page, errors } = await open();
  await paste(page, data('council-page-previous.txt'));
  await cardsAre(page, 1);
  assert.equal(await page.textContent('#format-note'), 'Recognised: a council results page.');
  assert.equal(await cell(page, 0, 'Lab', 'change'), '+5.3');
  assert.match(await page.textContent('.card .comparison'), /Previous result \(2021\).*Swing/);
  assert.match(await page.textContent('.card h3'), /3 seats \(from the elected marks\)/);
  await paste(page, data('name-party-votes.txt'));
  await page.waitForFunction(() => document.querySelector('#format-note').textContent === 'Recognised: one candidate a line.', null, { timeout: 15000 });
  await cardsAre(page, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a council page with an Outcome column, then a declaration of result from a PDF: every row read, the typo flagged, the turnout shown', async () => {
  const { context, page, errors } = await open();
  await paste(page, data('council-page-outcome.txt'));
  await cardsAre(page, 1);
  assert.equal(await page.textContent('#format-note'), 'Recognised: a council results page.');
  assert.match(await page.textContent('.card h3'), /Fryerns/);
  assert.equal(await cell(page, 0, 'Con', 'share'), '23.7%');  // rows marked `Not elected` are read
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  const checks = await page.textContent('.card .checks');
  assert.match(checks, /printed 4\.29% for Trade Unionist and Socialist Coalition 218/);
  assert.doesNotMatch(checks, /26\.18|turnout/);  // shares to two decimals and the turnout are right
  assert.equal(await page.textContent('.card .turnout'), 'Turnout 25.0% (ballots over electorate).');  // 2,250 / 9,012
  // the same ward's declaration of result, copied from a PDF: its columns are spaces, its rejected papers by reason
  await paste(page, data('declaration.txt'));
  await page.waitForFunction(() => document.querySelector('.card h3')?.textContent.includes('Fryerns Ward'), null, { timeout: 15000 });
  await cardsAre(page, 1);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  assert.match(await page.textContent('.card h3'), /3 seats \(from the elected marks\)/);
  assert.equal(await page.locator('.card .checks').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('results cards copied a field a line, a table of parties, results posted a party a line: each one contest', async () => {
  const { context, page, errors } = await open();
  await paste(page, data('council-cards.txt'));
  await cardsAre(page, 2);
  assert.equal(await page.textContent('#format-note'), 'Recognised: a council results page.');
  assert.match(await page.locator('.card h3').nth(0).textContent(), /Fryerns Ward.*3 seats \(from the elected marks\)/);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  assert.equal(await cell(page, 1, 'TUSC', 'share'), '6.6%');  // Pitsea North West, its party above each name
  const checks = await page.locator('.card').nth(0).locator('.checks').textContent();
  assert.match(checks, /printed 28\.3% for Labour Party 1,053, computed 23\.8% \(1,053 \/ 4,431, of all votes/);
  assert.equal(await page.locator('.card').nth(1).locator('.checks').count(), 0);  // whole percentages, all right
  // a table of parties and their votes, copied with its header: one contest, not one a row
  await paste(page, 'Fryerns\nParty\tVotes\t%\nLab\t1,160\t51.9%\nCon\t529\t23.7%\nLD\t329\t14.7%\nTUSC\t218\t9.7%\n');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1, null, { timeout: 15000 });
  assert.match(await page.locator('.card h3').textContent(), /Fryerns/);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  assert.equal(await page.locator('.card .checks').count(), 0);
  // cards whose party the registry does not know, and a count with no card above it, said at its line
  await paste(page, 'Fryerns Ward\nSam Huggins\nLabour Party\n1,160\nKim Brown\nYorkshire Independents\n529\nPat Lee\n218\n');
  await page.waitForFunction(() => document.querySelector('#diagnostics')?.textContent.includes('Line 9'), null, { timeout: 15000 });
  assert.match(await page.textContent('#diagnostics'), /Line 9, column 1.*expected a candidate's name and party/);
  assert.equal(await cell(page, 0, 'Yorkshire Independents', 'share'), '31.3%');
  // a council table with a local party the registry does not know: one contest, not three
  await paste(page, 'Fryerns Ward\nCandidate\tParty\tVotes\t%\tOutcome\nSam Huggins\tLabour Party\t1,160\t57.5%\tElected\n' +
    'Kim Brown\tBasildon Community Residents Party\t529\t26.2%\tNot elected\nPat Lee\tConservative Party\t329\t16.3%\tNot elected\n');
  await page.waitForFunction(() => document.querySelector('.card')?.textContent.includes('Basildon Community Residents Party'),
    null, { timeout: 15000 });
  await cardsAre(page, 1);
  assert.equal(await cell(page, 0, 'Basildon Community Residents Party', 'share'), '26.2%');
  assert.equal(await page.locator('.card .checks').count(), 0);
  // the same table with no share or outcome column: the local party's description, written as a party's, is a row
  await paste(page, 'Fryerns Ward\nSam Huggins\tLabour Party\t1,160\nKim Brown\tBasildon Community Residents Party\t629\n' +
    'Pat Lee\tConservative Party\t329\n');
  await page.waitForFunction(() => document.querySelector('.card')?.textContent.includes('29.7%'), null, { timeout: 15000 });
  await cardsAre(page, 1);
  assert.equal(await cell(page, 0, 'Basildon Community Residents Party', 'share'), '29.7%');  // 629 / 2,118
  // cards with an `Elected` badge between the name and the party: the badges give the seats
  await paste(page, 'Fryerns\nSam Huggins\nElected\nLabour\n1,160\nKim Brown\nElected\nConservative\n529\nAmy Lee\nGreen Party\n300\n');
  await page.waitForFunction(() => /2 seats/.test(document.querySelector('.card h3')?.textContent), null, { timeout: 15000 });
  await cardsAre(page, 1);
  assert.match(await page.locator('.card h3').textContent(), /Fryerns.*2 seats \(from the elected marks\)/);
  assert.equal(await cell(page, 0, 'Green', 'share'), '15.1%');
  // a count alone under a name with no party: said at its line, not the next contest's heading
  await paste(page, 'Fryerns\nSam Huggins\n1,160\nPitsea North West\tAlan Marsh\tLab 1,026; Con 529\n');
  await page.waitForFunction(() => document.querySelector('#diagnostics')?.textContent.includes('Line 3'), null, { timeout: 15000 });
  assert.match(await page.textContent('#diagnostics'), /Line 3, column 1.*expected a candidate's name and party/);
  await cardsAre(page, 1);
  assert.doesNotMatch(await page.locator('.card h3').textContent(), /1,160/);
  // results written as a sentence, and a council table's Total row (its typo found)
  await paste(page, 'Pitsea North West: Labour 1,026 votes, Conservative 706 votes, Lib Dem 200 votes, TUSC 137 votes.\n');
  await page.waitForFunction(() => document.querySelector('.card h3')?.textContent.includes('Pitsea'), null, { timeout: 15000 });
  await cardsAre(page, 1);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '6.6%');
  await paste(page, 'Fryerns\nSam Huggins\tLabour Party\t1,160\nKim Brown\tConservative Party\t529\nTotal\t\t1,698\n');
  await page.waitForFunction(() => document.querySelector('.card .checks')?.textContent.includes('stated total 1,698'), null, { timeout: 15000 });
  await cardsAre(page, 1);
  // the party's column first, a reference mark on a count, an `Elected?` column, and a count that does not read
  await paste(page, 'Fryerns\nLabour\tSam Huggins\t1,160[a]\tYes\nConservative\tKim Brown\t529\tNo\nGreen Party\tAmy Lee\t3l0\tNo\n');
  await page.waitForFunction(() => document.querySelector('#diagnostics')?.textContent.includes('3l0'), null, { timeout: 15000 });
  assert.match(await page.textContent('#diagnostics'), /Line 4, column 21.*expected a vote count, saw '3l0'/);
  await cardsAre(page, 1);
  assert.equal(await cell(page, 0, 'Lab', 'share'), '68.7%');
  assert.match(await page.locator('.card').textContent(), /Sam Huggins/);
  // as a by-election result is posted: a party a line, the share and change in one bracket
  await paste(page, 'Pitsea North West by-election\nLab 1026 (49.6%, +3.1)\nCon 706 (34.1%, -2.0)\nLD 200 (9.7%, new)\nTUSC 137 (6.6%, +0.4)\n');
  await page.waitForFunction(() => document.querySelector('.card h3')?.textContent.includes('Pitsea'), null, { timeout: 15000 });
  await cardsAre(page, 1);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '6.6%');
  assert.equal(await page.locator('.card .checks').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('JSON input loads the second module, only when JSON (or CSV) is pasted', async () => {
  const { context, page, errors, requests } = await open();
  await paste(page, data('wikipedia-local.txt'));
  await cardsAre(page, 2);
  assert.equal(requests.some((r) => r.endsWith('/wardshare-full.wasm')), false);
  await paste(page, data('input.json'));
  await page.waitForFunction(() => document.querySelector('#format-note').textContent === 'Recognised: JSON.', null, { timeout: 15000 });
  await cardsAre(page, 2);
  assert.equal(requests.some((r) => r.endsWith('/wardshare-full.wasm')), true);
  assert.equal(await cell(page, 0, 'TUSC', 'share'), '9.7%');
  assert.match(await page.textContent('.card .comparison'), /Change since 2021 result.*Swing/);
  // a JSON mistake is reported at its line and column, and the line can be jumped to
  await paste(page, '{"contests": [{"ward": "X", "candidates": [\n  {"party": "Lab", "votes": "many"}]}]}');
  await page.waitForFunction(() => document.querySelector('#diagnostics').textContent.includes('many'));
  assert.match(await page.textContent('#diagnostics'), /Line 2, column 29/);
  assert.deepEqual(errors, []);
  await context.close();
});
