// Browser test of the model editor: an analyst builds the example offshore
// PSC (examples/oil_psc.json) from empty forms — the yearly table filled by
// pasting from a spreadsheet, each instrument by its form, mistakes shown
// at the field — keeps it, and gets exactly the results of the example
// file; then moves the royalty slider and takes the analysis to Excel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { accounts, unzip, usePortal } from './harness.mjs';

const portal = usePortal();
const example = JSON.parse(readFileSync(resolve('../examples/oil_psc.json'), 'utf8'));

// Pastes `text` into `input` as a spreadsheet's clipboard would.
async function paste(input, text) {
  await input.evaluate((el, data) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, text);
}

async function addInstrument(sheet, type) {
  await sheet.getByLabel('Instrument', { exact: true }).selectOption({ label: type });
  await sheet.getByRole('button', { name: 'Add', exact: true }).click();
  return sheet.locator('fieldset.instrument').last();
}

test('an analyst builds the example PSC from empty forms and gets the results of the model file', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  await page.goto(`${portal.base}/models`);
  await page.getByRole('link', { name: 'Build a model with forms' }).waitFor();
  await portal.shot(page, 'models');
  await page.getByRole('link', { name: 'Build a model with forms' }).click();
  await page.getByRole('heading', { name: 'Build a model' }).waitFor();

  await page.locator('#editor-name').fill('SN-7 from the forms');
  await page.getByLabel('First year', { exact: true }).fill('2026');
  await page.getByLabel('Years', { exact: true }).fill('30');
  await page.getByLabel('Cost inflation a year (%)').fill('2');
  await page.getByLabel('Costs entered in prices of').fill('2026');
  await page.getByLabel('Valued at the start of').fill('2026');
  assert.equal(await page.getByLabel('Discount rate (%)').inputValue(), '10');

  const product = (n) => page.locator('fieldset.rows', { has: page.locator('legend', { hasText: `Product ${n}` }) });
  await product(1).getByLabel('Name (oil, gas, copper)').fill('oil');
  await product(1).getByLabel('Unit (bbl, mcf, t)').fill('bbl');
  await product(1).getByLabel('Price in the first year (USD/bbl)').fill('70');
  await product(1).getByLabel('Escalation a year (%)').fill('2');
  await product(1).getByLabel('Operating cost per unit (USD/bbl)').fill('8');
  await product(1).getByLabel('Transport per unit (USD/bbl)').fill('2');
  await page.getByRole('button', { name: 'Add a product' }).click();
  await product(2).getByLabel('Name (oil, gas, copper)').fill('gas');
  await product(2).getByLabel('Unit (bbl, mcf, t)').fill('mcf');
  await product(2).getByLabel('Price in the first year (USD/mcf)').fill('6');
  await product(2).getByLabel('Escalation a year (%)').fill('2');
  await product(2).getByLabel('Operating cost per unit (USD/mcf)').fill('0.5');

  // Six columns by thirty years pasted in one go, from the first cell; the
  // closure as one row copied from a sheet with years across, with separators.
  const p = example.project;
  const rows = Array.from({ length: 30 }, (_, i) =>
    [p.products[0].production[i], p.products[1].production[i], p.capex.exploration[i], p.capex.development[i], p.capex.sustaining[i], p.fixed_opex[i]].join('\t'));
  await paste(page.getByLabel('oil production (bbl) 2026'), `${rows.join('\r\n')}\r\n`);
  await paste(page.getByLabel('Closure 2026'), p.closure.map((v) => v.toLocaleString('en')).join('\t'));
  assert.equal(await page.getByLabel('gas production (mcf) 2031').inputValue(), String(p.products[1].production[5]));
  assert.equal(await page.getByLabel('Fixed operating costs 2055').inputValue(), '60000000');
  assert.equal(await page.getByLabel('Closure 2055').inputValue(), '150000000');
  // A cell that is not a number says so where it is.
  await page.getByLabel('Development capex 2028').fill('six hundred');
  await page.locator('.year-table .field-error', { hasText: 'Enter a number.' }).waitFor();
  await page.getByLabel('Development capex 2028').fill('600,000,000');
  await page.locator('.year-table .field-error').waitFor({ state: 'detached' });

  const sheet = page.getByRole('region', { name: 'Term sheet 1' });
  await sheet.getByLabel('Name of the terms (proposed, negotiated)').fill('Proposed terms');
  const bonus = await addInstrument(sheet, 'Bonuses');
  await bonus.getByRole('button', { name: 'Add a row' }).first().click();
  await bonus.getByLabel('Signature bonuses 1: Year').fill('2026');
  await bonus.getByLabel('Signature bonuses 1: Amount').fill('10,000,000');
  await bonus.getByRole('button', { name: 'Add a row' }).last().click();
  await bonus.getByLabel('Production bonuses 1: Product').fill('oil');
  await bonus.getByLabel('Production bonuses 1: Cumulative production').fill('50000000');
  await bonus.getByLabel('Production bonuses 1: Amount').fill('20000000');

  const royalty = await addInstrument(sheet, 'Royalty');
  await royalty.getByLabel('Name', { exact: true }).fill('royalty');
  // Mistakes are named at the field: not a number, then out of range.
  const rate = royalty.getByLabel('Rate (%)');
  await rate.fill('five');
  await royalty.getByText('Enter a number.').waitFor();
  await rate.fill('-5');
  await royalty.locator('.field-error', { hasText: 'Enter a rate between 0% and 100%.' }).waitFor();
  problems.splice(0); // the checks' 400 answers in the console are expected
  await rate.fill('5');
  await royalty.locator('.field-error').waitFor({ state: 'detached' });

  const ftp = await addInstrument(sheet, 'First tranche petroleum');
  await ftp.getByLabel('Rate (%)').fill('10');
  const recovery = await addInstrument(sheet, 'Cost recovery');
  await recovery.getByLabel('Cost recovery ceiling (%)').fill('70');
  await recovery.getByLabel('Capital costs recovered over (years; 0 = when spent)').fill('5');

  const split = await addInstrument(sheet, 'Profit split');
  await split.locator('select').first().selectOption({ label: 'Sliding scale (tiers)' });
  await split.getByLabel('Rises with').selectOption({ label: 'R-factor' });
  for (let i = 0; i < 3; i++) await split.getByRole('button', { name: 'Add a tier' }).click();
  const tiers = [['0', '1', '30'], ['1', '1.5', '40'], ['1.5', '2', '50'], ['2', '', '60']];
  for (const [i, [from, to, share]] of tiers.entries()) {
    await split.getByLabel(`Tiers ${i + 1}: From`).fill(from);
    await split.getByLabel(`Tiers ${i + 1}: To (empty on the last)`).fill(to);
    await split.getByLabel(`Tiers ${i + 1}: State's share of profit oil`).fill(share);
  }

  const state = await addInstrument(sheet, 'State participation');
  await state.getByLabel('Share (%)').fill('10');
  await state.getByLabel('Mode').selectOption({ label: 'Carried' });
  await state.getByLabel('Interest on the carry (%)').fill('0');

  const tax = await addInstrument(sheet, 'Income tax');
  await tax.getByLabel('Rate (%)').fill('30');
  await tax.getByLabel('A method for each class of capital cost').check();
  await tax.getByLabel('Exploration').selectOption({ label: 'Immediate' });
  // Development and sustaining: straight line over 5 years, as the toggle set them.
  assert.equal(await tax.getByLabel('Development').inputValue(), 'straight_line');
  assert.deepEqual(await tax.getByLabel('Years', { exact: true }).evaluateAll((els) => els.map((el) => el.value)), ['5', '5']);
  const withholding = await addInstrument(sheet, 'Dividend withholding');
  await withholding.getByLabel('Rate (%)').fill('5');
  await portal.shot(page, 'model-editor');

  await page.getByRole('button', { name: 'Keep the model and see the results' }).click();
  await page.getByRole('heading', { name: 'SN-7 from the forms' }).waitFor();
  await page.locator('table.summary').waitFor();

  // The model built with forms gives what the model file gives, to the cent.
  const api = await portal.apiAs(accounts.expert);
  const id = new URL(page.url()).pathname.split('/').pop();
  const built = await api('POST', `/api/v1/fiscal/models/${id}/run`, {});
  const file = await api('POST', '/api/v1/fiscal/models', { name: 'SN-7 from the file', model: example });
  const expected = await api('POST', `/api/v1/fiscal/models/${file.id}/run`, {});
  for (const metric of ['government_receipts', 'pv_government_receipts', 'investor_npv', 'aetr']) {
    const got = built.result.regimes[0].metrics[metric], want = expected.result.regimes[0].metrics[metric];
    assert.ok(Math.abs(got - want) <= 1e-9 * Math.abs(want), `${metric}: ${got} against ${want}`);
  }

  // What if the royalty were 8%: the card and the chart of the change.
  const slider = page.getByRole('slider', { name: /^royalty rate:/ });
  await slider.evaluate((el) => {
    el.value = '0.08';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const whatIf = page.getByRole('region', { name: 'What if' });
  await whatIf.locator('.delta-card').waitFor();
  assert.match(await whatIf.locator('.delta-card').textContent(), /^\+USD [\d,.]+ million to the state over the project life/);
  const before = await whatIf.locator('figure.chart').innerHTML();
  await slider.evaluate((el) => {
    el.value = '0.12';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((html) => document.querySelector('[aria-label="What if"] figure.chart')?.innerHTML !== html, before);
  // A tier of the profit split, typed exactly: the state's share at an R-factor of 1 to 1.5 at 45%.
  const card = await whatIf.locator('.delta-card').textContent();
  await whatIf.getByLabel('profit split state share, tier 2 (1–1.5), exact value %').fill('45');
  await page.waitForFunction((text) => document.querySelector('[aria-label="What if"] .delta-card')?.textContent !== text, card);
  assert.match(await whatIf.locator('label', { hasText: /^profit split state share, tier 2 \(1–1\.5\):/ }).textContent(), /45\.00%/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the analysis (xlsx)' }).click()]);
  const book = unzip(readFileSync(await download.path()));
  assert.match(Object.values(book).join('\n'), /Proposed terms/);
  // The ledger sheet's charts: receipts stacked by instrument (seven of them
  // pay), then the state beside the investor.
  const stacked = book['xl/charts/chart1.xml'], beside = book['xl/charts/chart2.xml'];
  assert.ok(stacked && beside, 'two charts in the workbook');
  assert.match(stacked, /<c:grouping val="stacked"\/>/);
  assert.equal(stacked.match(/<c:ser>/g).length, 7);
  assert.equal(beside.match(/<c:ser>/g).length, 2);

  // Changing it later opens the same forms, filled.
  await page.getByRole('link', { name: 'Change the model' }).click();
  await page.getByRole('heading', { name: 'Change SN-7 from the forms' }).waitFor();
  assert.equal(await page.getByLabel('Closure 2054').inputValue(), '150000000');
  assert.equal(await page.getByRole('region', { name: 'Term sheet 1' }).locator('fieldset.instrument').count(), 8);
  assert.deepEqual(problems, []);
});

// The copper mine of docs/fiscal-methodology.md, "Economic limit": the
// analyst turns the limit on in the forms and sees each royalty's last year
// of production, then the figures in real terms and from a year on.
test('an analyst turns on the economic limit and real terms and sees where each royalty stops the mine', async () => {
  const api = await portal.apiAs(accounts.expert);
  const model = JSON.parse(readFileSync(resolve('../examples/copper_mine_life.json'), 'utf8'));
  model.project.economic_limit = false;
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Copper mine life', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  await page.goto(`${portal.base}/models/${created.id}`);
  await page.locator('table.summary').waitFor();
  assert.equal(await page.getByRole('rowheader', { name: 'Last year of production (economic limit)' }).count(), 0);

  await page.getByRole('link', { name: 'Change the model' }).click();
  await page.getByRole('heading', { name: 'Change Copper mine life' }).waitFor();
  await page.getByLabel('Stop production at the economic limit', { exact: false }).check();
  await page.getByLabel('Real terms in money of').fill('2027');
  await page.getByLabel('Deflation for real terms (default: the cost inflation) (%)').fill('2');
  await page.getByLabel('Value from the year (earlier costs sunk)').fill('2030');
  await portal.shot(page, 'model-editor-economic-limit');
  await page.getByRole('button', { name: /^(Keep|Save)/ }).click();
  await page.getByRole('heading', { name: 'Copper mine life', exact: true }).waitFor();

  const summary = page.locator('table.summary');
  const row = summary.locator('tr', { has: page.locator('th', { hasText: 'Last year of production (economic limit)' }) });
  await row.waitFor();
  // NSR 0% runs to its end; 6% stops in 2042, eight years of production sooner.
  assert.deepEqual(await row.locator('td').allTextContents(),
    ['2050 (runs to its end)', '2049 (1 year cut)', '2047 (3 years cut)', '2046 (4 years cut)', '2045 (5 years cut)', '2043 (7 years cut)', '2042 (8 years cut)']);
  await summary.locator('th', { hasText: 'in money of 2027' }).first().waitFor();
  await summary.locator('th', { hasText: 'State receipts from 2030' }).waitFor();
  await summary.locator('th', { hasText: 'Profitability index' }).waitFor();
  await portal.shot(page, 'model-economic-limit');

  await page.setViewportSize({ width: 375, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page fits the phone');
  await portal.shot(page, 'model-economic-limit-phone');
  assert.deepEqual(problems, []);
});

// A French analyst adds a decommissioning fund to the copper mine, typing
// decimals with a comma as French writes them, and reads how much of the
// closure the fund leaves unfunded.
test('a French analyst adds a decommissioning fund with decimal commas and sees the closure it leaves unfunded', async () => {
  const api = await portal.apiAs(accounts.expert);
  const model = JSON.parse(readFileSync(resolve('../examples/copper_mine_life.json'), 'utf8'));
  model.regimes = model.regimes.slice(0, 2);
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Mine de cuivre', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  await portal.chooseLanguage(page, 'fr');
  await page.goto(`${portal.base}/models/${created.id}`);
  await page.locator('table.summary').waitFor();
  await page.getByRole('link', { name: 'Modifier le modèle' }).click();
  await page.getByRole('heading', { name: 'Modifier Mine de cuivre' }).waitFor();

  const sheet = page.getByRole('region', { name: 'Jeu de termes 2' });
  await sheet.getByLabel('Instrument', { exact: true }).selectOption({ label: 'Fonds de fermeture (démantèlement)' });
  await sheet.getByRole('button', { name: 'Ajouter', exact: true }).click();
  const fund = sheet.locator('fieldset.instrument').last();
  await fund.getByLabel('Versements', { exact: true }).selectOption({ label: 'Un montant par unité produite' });
  await fund.getByLabel('Produit', { exact: true }).selectOption('copper');
  const perUnit = fund.getByLabel('Versement par unité produite');
  await perUnit.pressSequentially('25,5');
  await fund.getByLabel('Intérêts perçus par le fonds (par an) (%)').pressSequentially('1,5');
  // What was typed stays as French writes it.
  assert.equal(await perUnit.inputValue(), '25,5');
  await portal.shot(page, 'model-editor-fund-fr');
  await page.getByRole('button', { name: /^Enregistrer/ }).click();
  await page.getByRole('heading', { name: 'Mine de cuivre', exact: true }).waitFor();

  const saved = await api('GET', `/api/v1/fiscal/models/${created.id}`);
  const terms = saved.model.regimes[1].instruments.find((i) => i.type === 'decommissioning_fund');
  assert.deepEqual({ per_unit: terms.per_unit, interest: terms.interest, product: terms.product },
    { per_unit: 25.5, interest: 0.015, product: 'copper' });

  // 25.5 USD/t on the 2,239,389 t the mine produces under the 1% royalty
  // pays 57.1 million into the fund; compounded at 1.5% a year it holds
  // 68.0 million when the 120 million of closure falls due in 2050, which
  // leaves 52.0 million unfunded. The first term sheet, without a fund,
  // leaves all of it.
  const row = page.locator('table.summary tr', { has: page.locator('th', { hasText: 'Fermeture non couverte par un fonds' }) });
  await row.waitFor();
  const [none, funded] = await row.locator('td').allTextContents();
  assert.match(none, /^120(,0)? millions?$/);
  assert.equal(funded, '52,0 millions');
  const ledger = page.locator('details.ledger').nth(1);
  await ledger.locator('summary').click();
  await ledger.locator('th', { hasText: 'Versements au fonds' }).waitFor();
  await portal.shot(page, 'model-fund-fr');

  await page.setViewportSize({ width: 375, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page fits the phone');
  await portal.shot(page, 'model-fund-fr-phone');
  assert.deepEqual(problems, []);
});

// The stabilisation case of docs/fiscal-methodology.md, "Terms that change"
// (golden case own12, in millions): the analyst makes the third term sheet
// change to the new law in 2033, mistypes the year first, and reads what
// stabilisation costs the state. The coordinator does it: the French walk
// above leaves the expert's account in French.
test('an analyst makes terms change to a new law in a year and reads what stabilisation costs the state', async () => {
  const api = await portal.apiAs(accounts.coordinator);
  const tax = { type: 'income_tax', rate: 0.3, depreciation: { method: 'immediate' } };
  const model = {
    schema: 'connex.fiscal/1', name: 'Stabilisation',
    project: {
      first_year: 2030, years: 5,
      products: [{ name: 'copper', unit: 't', production: [0, 100, 100, 100, 100], price: { unit: 'USD/t', base: 1e6 } }],
      capex: { development: [8e7, 0, 0, 0, 0] }, fixed_opex: [0, 4e7, 4e7, 4e7, 4e7],
    },
    regimes: [
      { name: 'stabilised', instruments: [{ type: 'royalty', rate: 0.05 }, tax] },
      { name: 'new law', instruments: [{ type: 'royalty', rate: 0.08 }, tax] },
      { name: 'law changes', instruments: [{ type: 'royalty', rate: 0.05 }, tax] },
    ],
  };
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Stabilisation', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByRole('heading', { name: 'Change Stabilisation' }).waitFor();

  const sheet = page.getByRole('region', { name: 'Term sheet 3' });
  await sheet.getByRole('button', { name: 'These terms change in a year (a new law, a migration)' }).click();
  await sheet.getByLabel('The terms of').selectOption('new law');
  await sheet.getByLabel('From the year').fill('2040');
  await page.getByRole('button', { name: 'Save a new version' }).click();
  // The mistake is named by the field's label, not by where it sits in the file.
  const alert = page.getByRole('alert');
  await alert.getByText('From the year: Enter a whole number from 2031 to 2034.').waitFor();
  assert.equal(await alert.getByText('regimes[2]').count(), 0);
  await portal.shot(page, 'model-editor-terms-change');

  await sheet.getByLabel('From the year').fill('2033');
  // Corrected, the model reads again: the summary goes, and with it the
  // refusals' 400s in the console (the save's and the checks').
  await alert.waitFor({ state: 'detached' });
  problems.splice(0);
  await page.getByRole('button', { name: 'Save a new version' }).click();
  await page.getByRole('heading', { name: 'Stabilisation', exact: true }).waitFor();
  const summary = page.locator('table.summary');
  const row = (label) => summary.locator('tr', { has: page.locator('th', { hasText: label }) }).locator('td');
  await row('Terms change').first().waitFor();
  assert.deepEqual(await row('Terms change').allTextContents(), ['Unchanged', 'Unchanged', 'to new law from 2033']);
  // 62.0 stabilised, 66.2 when the law changes: stabilisation costs the state 4.2 million.
  const [stabilised, , changed] = await row('State receipts, project life').allTextContents();
  assert.equal(stabilised, '62.0 million');
  assert.equal(changed, '66.2 million');
  await portal.shot(page, 'model-terms-change');

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByRole('region', { name: 'Term sheet 3' }).getByLabel('From the year').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the editor fits the phone');
  await portal.shot(page, 'model-editor-terms-change-phone');
  assert.deepEqual(problems, []);
});

// Golden case own13 of docs/fiscal-methodology.md, "Several projects, one
// taxpayer", in millions: the analyst adds the exploration mine South to
// the producing mine North, and reads that taxing them together lowers the
// income tax from 60 to 42 million, all of it paid by North.
test('an analyst adds a second mine of the same taxpayer and reads what taxing them together costs the state', async () => {
  const api = await portal.apiAs(accounts.coordinator);
  const tax = { type: 'income_tax', rate: 0.3, depreciation: { method: 'immediate' } };
  const model = {
    schema: 'connex.fiscal/1', name: 'Two mines',
    project: {
      first_year: 2030, years: 4,
      products: [{ name: 'copper', unit: 't', production: [0, 100, 100, 100], price: { unit: 'USD/t', base: 1e6 } }],
      capex: { development: [4e7, 0, 0, 0] }, fixed_opex: [0, 2e7, 2e7, 2e7],
    },
    regimes: [
      { name: 'ring-fenced', instruments: [tax] },
      { name: 'consolidated', instruments: [{ ...tax, consolidated: true }] },
    ],
  };
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Two mines', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByRole('heading', { name: 'Change Two mines' }).waitFor();
  // With one project there is nothing to take together, unless a sheet says so already.
  const togetherIn = (n) => page.getByRole('region', { name: `Term sheet ${n}` }).getByRole('checkbox', { name: /Projects taxed together/ });
  assert.equal(await togetherIn(1).count(), 0);
  const together = togetherIn(2);
  assert.equal(await together.isChecked(), true);

  await page.getByRole('button', { name: 'Add another project of the same taxpayer' }).click();
  await page.getByRole('heading', { name: 'Projects of one taxpayer' }).waitFor();
  assert.equal(await page.getByLabel('Project shown').inputValue(), '1');
  await page.getByLabel('Exploration capex 2031').fill('30000000');
  await page.getByLabel('Exploration capex 2032').fill('30000000');
  await page.getByLabel('Project name').fill('');
  await page.getByLabel('Project shown').selectOption({ label: 'Project 1' });
  await page.getByLabel('Project name').fill('North');
  // The second project has no name: the summary names it and shows it on a click.
  await page.getByRole('button', { name: 'Save a new version' }).click();
  await page.getByRole('alert').getByRole('button', { name: 'Project 2' }).click();
  assert.equal(await page.getByLabel('Project shown').inputValue(), '1');
  await page.getByLabel('Project name').fill('South');
  // Named, the model reads again: the summary goes, and with it the refusals'
  // 400s in the console (the save's and the checks' as it was typed).
  await page.getByRole('alert').waitFor({ state: 'detached' });
  problems.splice(0);
  // The years are the taxpayer's: changing them for one project changes them for all.
  assert.equal(await page.getByLabel('Years', { exact: true }).inputValue(), '4');
  assert.equal(await together.isChecked(), true);
  await portal.shot(page, 'model-editor-projects');
  await page.getByRole('button', { name: 'Save a new version' }).click();
  await page.getByRole('heading', { name: 'Two mines', exact: true }).waitFor();

  const saved = await api('GET', `/api/v1/fiscal/models/${created.id}`);
  assert.deepEqual(saved.model.projects.map((p) => p.name), ['North', 'South']);
  assert.equal(saved.model.project, undefined);

  const byProject = page.locator('table.by-project');
  const cells = (label) => byProject.locator('tr', { has: page.locator('th', { hasText: label }) }).locator('td').allTextContents();
  await byProject.waitFor();
  assert.deepEqual(await cells('North'), ['60.0 million', '42.0 million']);
  assert.deepEqual(await cells('South'), ['0.0 million', '0.0 million']);
  assert.deepEqual(await cells('The taxpayer, all projects'), ['60.0 million', '42.0 million']);

  // Each project's ledger is one choice away.
  const ledger = page.locator('details.ledger').first();
  await ledger.locator('summary').click();
  await ledger.getByLabel('Ledger shown').selectOption('South');
  const capex = ledger.locator('tbody tr', { has: page.locator('th', { hasText: '2031' }) }).locator('td').first();
  await ledger.locator('th', { hasText: 'Capital costs' }).first().waitFor();
  // South spends and earns nothing: its first line is its capex.
  assert.equal(await capex.textContent(), '30.0');
  await portal.shot(page, 'model-projects');

  await page.setViewportSize({ width: 375, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the results fit the phone');
  await portal.shot(page, 'model-projects-phone');
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByLabel('Project shown').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the editor fits the phone');
  await portal.shot(page, 'model-editor-projects-phone');
  assert.deepEqual(problems, []);
});

// An analyst types the number of years digit by digit without losing figures,
// then replaces the copper mine's yearly production with a profile —
// one ramp-up year, 110,000 t a year at the peak, 2 Mt of reserves, 20%
// decline — reads the years it fills, tries the income-tax base of a PSC on
// this concession, adds a domestic market obligation of copper at a price
// per tonne, keeps the model, then takes the filled years back as figures
// to change by hand.
test('an analyst fills the production years from a ramp-up, plateau and decline profile and sets a DMO by volume', async () => {
  const api = await portal.apiAs(accounts.expert);
  const model = JSON.parse(readFileSync(resolve('../examples/copper_mine.json'), 'utf8'));
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Copper mine profile', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  // The French walk above leaves the expert's account in French.
  await portal.chooseLanguage(page, 'en');
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByRole('heading', { name: 'Change Copper mine profile' }).waitFor();

  // Typing 25 years over 22 passes through 2: the figures of the years cut
  // on the way come back.
  const yearsField = page.locator('#f-project_years');
  await yearsField.fill('');
  await yearsField.pressSequentially('25');
  assert.equal(await page.getByLabel('copper production (t) 2040').inputValue(), String(model.project.products[0].production[14]));
  assert.equal(await page.getByLabel('copper production (t) 2050').inputValue(), '0');
  await yearsField.fill('');
  await yearsField.pressSequentially('22');
  assert.equal(await page.getByLabel('copper production (t) 2049').count(), 0);

  const copper = page.locator('fieldset.rows', { has: page.locator('legend', { hasText: 'Product 1' }) });
  // A profile tried and left before it fills the years gives the figures back.
  await copper.getByLabel('Production', { exact: true }).selectOption({ label: 'A profile: ramp-up, plateau and decline' });
  await copper.getByLabel('Production', { exact: true }).selectOption({ label: 'A figure for each year' });
  assert.equal(await page.getByLabel('copper production (t) 2030').inputValue(), '110000');
  await copper.getByLabel('Production', { exact: true }).selectOption({ label: 'A profile: ramp-up, plateau and decline' });
  assert.equal(await copper.getByLabel('First production year').inputValue(), '2026');
  await copper.getByLabel('First production year').fill('2029');
  await copper.getByLabel('Ramp-up years').fill('1');
  await copper.getByLabel('Peak rate (t)').fill('110000');
  await copper.getByLabel('Reserves (t)').fill('2000000');
  await copper.getByLabel('Decline a year (%)').fill('20');
  // One ramp-up year at half the peak; the plateau lasts while the whole,
  // decline included, stays within the reserves: 16 years (1,973,400 t),
  // as 17 would make 2,013,000; then 88,000 and 70,400 t.
  const table = page.locator('.year-table');
  const cell = (year) => table.locator('tr', { has: page.locator('th', { hasText: String(year) }) }).locator('td').first();
  await page.waitForFunction(() => [...document.querySelectorAll('.year-table td.filled')].some((td) => td.textContent === '70400'));
  assert.equal(await cell(2028).textContent(), '0');
  assert.equal(await cell(2029).textContent(), '55000');
  assert.equal(await cell(2045).textContent(), '110000');
  assert.equal(await cell(2046).textContent(), '88000');
  assert.equal(await cell(2047).textContent(), '70400');
  assert.equal(await table.getByLabel('copper production (t) 2030').count(), 0, 'the filled years are shown, not typed');
  await portal.shot(page, 'model-editor-profile');
  await page.setViewportSize({ width: 375, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the editor fits the phone');
  await portal.shot(page, 'model-editor-profile-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The income tax deducting costs as recovered: a concession recovers none,
  // and the editor says so; depreciation, which that base does not use, goes.
  const tax = page.locator('fieldset.instrument', { has: page.locator('legend', { hasText: 'Income tax' }) });
  await tax.getByLabel('Costs deducted').selectOption({ label: 'As recovered (tax on the profit oil and FTP shares)' });
  const needs = page.getByText('An income tax that deducts costs as they are recovered needs cost recovery in the same terms: add it.');
  await needs.waitFor();
  assert.equal(await tax.getByLabel('Depreciation starts').count(), 0);
  await tax.getByLabel('Costs deducted').selectOption({ label: 'As incurred (depreciation of capex)' });
  await needs.waitFor({ state: 'detached' });

  // A domestic market obligation of a quarter of the copper, by volume, at
  // a price per tonne: the price's unit is the product's.
  const sheet = page.getByRole('region', { name: 'Term sheet 1' });
  const dmo = await addInstrument(sheet, 'Domestic market obligation');
  await dmo.getByLabel('Product', { exact: true }).selectOption('copper');
  await dmo.getByLabel('Share (%)').fill('25');
  await dmo.getByLabel('Paid', { exact: true }).selectOption({ label: 'A price per unit' });
  await dmo.getByLabel('Price paid (USD/t)').fill('4500');

  await page.getByRole('button', { name: /^(Keep|Save)/ }).click();
  await page.getByRole('heading', { name: 'Copper mine profile', exact: true }).waitFor();
  // The ledger gives each product's revenue after the gross revenue: the
  // profile's copper at 9,000 USD/t, 55,000 t in 2029, is 495.0 million.
  const ledger = page.locator('details.ledger').first();
  await ledger.locator('summary').click();
  const heads = await ledger.locator('thead th').allTextContents();
  const gross = heads.indexOf('Gross revenue');
  assert.deepEqual(heads.slice(gross, gross + 3), ['Gross revenue', 'of which copper', 'of which gold']);
  // The row's cells follow its year header: the gross revenue is cell gross - 1.
  // Gold's 27,000 oz at 2,000 USD add 54.0 million to the copper's 495.0.
  const year2029 = await ledger.locator('tbody tr', { has: page.locator('th', { hasText: '2029' }) }).locator('td').allTextContents();
  assert.deepEqual(year2029.slice(gross - 1, gross + 2), ['549.0', '495.0', '54.0']);
  const kept = await api('GET', `/api/v1/fiscal/models/${created.id}`);
  assert.deepEqual(kept.model.project.products[0].production,
    { start_year: 2029, ramp_up_years: 1, peak_rate: 110000, rate_per: 'year', reserves: 2000000, decline: 0.2 });
  assert.deepEqual(kept.model.regimes[0].instruments.find((x) => x.type === 'domestic_market_obligation'),
    { type: 'domestic_market_obligation', product: 'copper', share: 0.25, price: { value: 4500, unit: 'USD/t' } });

  // Back to a figure a year: the profile's years become the figures.
  await page.getByRole('link', { name: 'Change the model' }).click();
  await page.getByRole('heading', { name: 'Change Copper mine profile' }).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.year-table td.filled')].some((td) => td.textContent === '55000'));
  await copper.getByLabel('Production', { exact: true }).selectOption({ label: 'A figure for each year' });
  assert.equal(await table.getByLabel('copper production (t) 2047').inputValue(), '70400');
  assert.equal(await table.getByLabel('copper production (t) 2029').inputValue(), '55000');
  // The editor's live check answers 400 while the profile is half typed
  // (no peak rate yet): those are its refusals, read and shown; nothing else may be logged.
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('an analyst sets a gross split from the law\'s tables and reads what the state takes of the gross production', async () => {
  // The field of the golden case own17_gross_split, a thousand times larger.
  const api = await portal.apiAs(accounts.expert);
  const model = {
    schema: 'connex.fiscal/1', name: 'Gross split field', currency: 'USD',
    project: {
      first_year: 2030, years: 4,
      products: [
        { name: 'oil', unit: 'bbl', production: [0, 100000, 100000, 100000], price: { unit: 'USD/bbl', deck: [60, 60, 90, 60] } },
        { name: 'gas', unit: 'mcf', production: [0, 1000000, 1000000, 1000000], price: { unit: 'USD/mcf', base: 5 } },
      ],
      capex: { development: [6000000, 0, 0, 0] },
      fixed_opex: [0, 1000000, 1000000, 1000000],
    },
    discounting: { rate: 0.1, valuation_year: 2030 },
    regimes: [{ name: 'Gross split', instruments: [
      { type: 'income_tax', rate: 0.4, depreciation_start: 'first_production', depreciation: { method: 'straight_line', years: 3 } }] }],
  };
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Gross split field', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  await portal.chooseLanguage(page, 'en');
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByRole('heading', { name: 'Change Gross split field' }).waitFor();

  const sheet = page.getByRole('region', { name: 'Term sheet 1' });
  const split = await addInstrument(sheet, 'Gross split');
  // Oil and gas have their own base split.
  await split.getByLabel('A base split for each product').check();
  await split.getByLabel("Contractor's base split: oil (%)").fill('43');
  await split.getByLabel("Contractor's base split: gas (%)").fill('48');
  // The field's characteristics: the row of each table it falls in.
  const variable = split.locator('fieldset.rows', { has: page.locator('legend', { hasText: 'Variable components' }) });
  const rows = [['field status', 'POD I', '5'], ['location', 'onshore', '0'], ['reservoir depth', 'deeper than 2,500 m', '1']];
  for (const [i, [component, choice, points]] of rows.entries()) {
    await variable.getByRole('button', { name: 'Add a component' }).click();
    const named = (column) => variable.getByLabel(`Variable components (the field's characteristics) ${i + 1}: ${column}`);
    await named('Component').fill(component);
    await named('Row of the table').fill(choice);
    await named("Added to the contractor's split").fill(points);
  }
  // Two progressive components, each a sliding scale.
  const progressive = split.locator('fieldset.rows', { has: page.locator('legend', { hasText: 'Progressive components' }) });
  const scales = [
    ['oil price', 'Price', [['0', '70', '2.5'], ['70', '85', '0'], ['85', '', '-2.5']]],
    ['cumulative production', 'Cumulative production', [['0', '150000', '5'], ['150000', '', '4']]],
  ];
  for (const [i, [component, driver, tiers]] of scales.entries()) {
    await progressive.getByRole('button', { name: 'Add a component' }).last().click();
    const row = progressive.locator('.split-component').nth(i);
    await row.getByLabel('Component').fill(component);
    await row.getByLabel('Rises with').selectOption({ label: driver });
    await row.getByLabel('Product').selectOption('oil');
    const scale = row.locator('fieldset.rows');
    for (const [k, [from, to, rate]] of tiers.entries()) {
      if (k > 0) await scale.getByRole('button', { name: 'Add a tier' }).click();
      await scale.getByLabel(`Tiers ${k + 1}: From`).fill(from);
      if (to) await scale.getByLabel(`Tiers ${k + 1}: To (empty on the last)`).fill(to);
      await scale.getByLabel(`Tiers ${k + 1}: Added to the contractor's split`).fill(rate);
    }
  }
  await portal.shot(page, 'model-editor-gross-split');
  await page.setViewportSize({ width: 375, height: 800 });
  await portal.shot(page, 'model-editor-gross-split-phone');
  const wide = await page.evaluate(() => [...document.querySelectorAll('fieldset.instrument *')].filter((n) => n.getBoundingClientRect().right > 376 && !n.closest('.scroll-x')).slice(0, 5).map((n) => `${n.tagName}.${n.className} ${n.getBoundingClientRect().right}`).join(', '));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, `the editor fits the phone: ${wide}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: /^(Keep|Save)/ }).click();
  await page.getByRole('heading', { name: 'Gross split field', exact: true }).waitFor();
  // The state's split of 2031-2033: 4.535, 6.540 and 4.645 million; income
  // tax 1.386, 1.784 and 1.342 million.
  const ledger = page.locator('details.ledger').first();
  await ledger.locator('summary').click();
  const heads = await ledger.locator('thead th').allTextContents();
  const column = (name) => heads.indexOf(name) - 1; // the year is a header cell
  const cells = async (year) => ledger.locator('tbody tr', { has: page.locator('th', { hasText: String(year) }) }).locator('td').allTextContents();
  const shares = [];
  const taxes = [];
  for (const year of [2031, 2032, 2033]) {
    const row = await cells(year);
    shares.push(row[column("Gross split (state's share)")]);
    taxes.push(row[column('Income tax')]);
  }
  assert.deepEqual(shares, ['4.5', '6.5', '4.6']);
  assert.deepEqual(taxes, ['1.4', '1.8', '1.3']);
  await portal.shot(page, 'model-gross-split-results');
  const kept = await api('GET', `/api/v1/fiscal/models/${created.id}`);
  const instrument = kept.model.regimes[0].instruments.find((x) => x.type === 'gross_split');
  assert.deepEqual(instrument.base, { oil: 0.43, gas: 0.48 });
  assert.deepEqual(instrument.variable[2], { component: 'reservoir depth', choice: 'deeper than 2,500 m', split: 0.01 });
  assert.equal(instrument.progressive[0].split.tiers[2].rate, -0.025);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('an analyst marks a contract\'s incentives and reads what each costs the state, then adds VAT refunded late', async () => {
  // The field of the golden case own19_tax_expenditure, ten thousand times larger.
  const api = await portal.apiAs(accounts.expert);
  const model = {
    schema: 'connex.fiscal/1', name: 'Incentives', currency: 'USD',
    project: {
      first_year: 2030, years: 4,
      products: [{ name: 'oil', unit: 'bbl', production: [0, 1e6, 1e6, 1e6], price: { unit: 'USD/bbl', base: 50 } }],
      capex: { exploration: [1e7, 0, 0, 0], development: [0, 2e7, 0, 0] },
      fixed_opex: [0, 5e6, 5e6, 5e6],
    },
    discounting: { rate: 0.1, valuation_year: 2030 },
    regimes: [{ name: 'Mining convention', instruments: [
      { type: 'royalty', rate: 0.05 },
      { type: 'import_duty', rate: 0.05 },
      { type: 'income_tax', rate: 0.3, depreciation: { method: 'immediate' } }] }],
  };
  const created = await api('POST', '/api/v1/fiscal/models', { name: 'Incentives', model });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  await portal.chooseLanguage(page, 'en');
  await page.goto(`${portal.base}/models/${created.id}/edit`);
  await page.getByRole('heading', { name: 'Change Incentives' }).waitFor();
  const sheet = page.getByRole('region', { name: 'Term sheet 1' });
  const instrument = (legend) => sheet.locator('fieldset.instrument', { has: page.locator('legend', { hasText: legend }) });
  // The law's royalty is 10%; the income tax is waived in the first
  // production year; development capex comes in free of duty.
  await instrument('Royalty').getByLabel("The law's general rate (when these terms grant less) (%)").fill('10');
  await instrument('Income tax').getByLabel('Holiday from first production (years)').fill('1');
  await instrument('Import duty').getByLabel('Development capex').check();
  await page.getByRole('button', { name: /^(Keep|Save)/ }).click();
  await page.getByRole('heading', { name: 'Incentives', exact: true }).waitFor();

  const table = page.locator('table.tax-expenditure');
  await table.waitFor();
  const rows = async () => (await table.locator('tbody tr').all()).map(async (r) => (await r.locator('th, td').allTextContents()).join(' | '));
  // In millions: 3.6 (PV 3.3), 6.0 (5.0), 1.0 (0.9); together 9.6 (8.3),
  // 1.1 (1.0) less than their sum.
  assert.deepEqual(await Promise.all(await rows()), [
    'Income tax holiday | 3.6 million | 3.3 million',
    "Royalty rate below the law's: royalty | 6.0 million | 5.0 million",
    'Import duty exemption: Development capex | 1.0 million | 0.9 million',
    'Interaction of the incentives | −1.1 million | −1.0 million',
    'All incentives together | 9.6 million | 8.3 million',
  ]);
  await portal.shot(page, 'model-tax-expenditure');
  await page.setViewportSize({ width: 375, height: 800 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the results fit the phone');
  await table.scrollIntoViewIfNeeded();
  await portal.shot(page, 'model-tax-expenditure-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // VAT of 10% with exploration exempt, refunded two years late: the
  // exemption costs the state nothing in all, 0.2 million at present value
  // (1.0 million refunded in 2032 rather than 2030). VAT that is not
  // refunded has no refund delay: the field goes.
  await page.getByRole('link', { name: 'Change the model' }).click();
  await page.getByRole('heading', { name: 'Change Incentives' }).waitFor();
  const vat = await addInstrument(sheet, 'Value added tax (VAT)');
  await vat.getByLabel('Rate (%)').fill('10');
  await vat.getByLabel('Refunded to the company (input VAT recoverable)').uncheck();
  assert.equal(await vat.getByLabel('Refund delay (years)').count(), 0);
  await vat.getByLabel('Refunded to the company (input VAT recoverable)').check();
  await vat.getByLabel('Refund delay (years)').fill('2');
  await vat.getByLabel('Exploration capex').check();
  await vat.scrollIntoViewIfNeeded();
  await portal.shot(page, 'model-editor-vat');
  await page.getByRole('button', { name: /^(Keep|Save)/ }).click();
  await page.getByRole('heading', { name: 'Incentives', exact: true }).waitFor();
  await table.locator('tbody tr', { hasText: 'VAT exemption' }).waitFor();
  assert.equal(await table.locator('tbody tr', { hasText: 'VAT exemption' }).locator('th, td').allTextContents().then((c) => c.join(' | ')),
    'VAT exemption: Exploration capex | 0.0 million | 0.2 million');
  const kept = await api('GET', `/api/v1/fiscal/models/${created.id}`);
  assert.deepEqual(kept.model.regimes[0].instruments.find((x) => x.type === 'vat'),
    { type: 'vat', rate: 0.1, refund_delay_years: 2, exempt: ['exploration'] });
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});
