// Browser test of fiscal models: an expert keeps a model from a model file,
// reads what each term sheet gives the state, moves the royalty slider and
// sees the delta card and the chart of the change; a model with an error is
// refused with the error at its path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { accounts, unzip, usePortal } from './harness.mjs';

const portal = usePortal();
const example = resolve('../examples/oil_psc.json');

test('an expert keeps a model, reads its results and moves the royalty to see what it adds', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.expert);
  await page.locator('nav[aria-label] a', { hasText: 'Fiscal models' }).click();
  await page.getByRole('heading', { name: 'Fiscal models' }).waitFor();

  // A model with an error is refused, the error named by its path.
  const broken = JSON.parse(readFileSync(example, 'utf8'));
  broken.regimes[0].instruments[1].rate = -0.05;
  await page.getByLabel('Name').fill('Block SN-7');
  await page.getByLabel('Or paste the model').fill(JSON.stringify(broken));
  await page.getByRole('button', { name: 'Keep the model' }).click();
  await page.getByText(/model\.regimes\[0\]\.instruments\[1\]\.rate/).waitFor();
  problems.splice(0); // the refusal's 400 in the console is expected

  await page.getByLabel('Model file (connex.fiscal/1 JSON)').setInputFiles(example);
  await page.getByRole('button', { name: 'Keep the model' }).click();
  await page.getByRole('heading', { name: 'Block SN-7' }).waitFor();
  const summary = page.locator('table.summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /State receipts, project life.*million/s);
  // Results, cash flows by year and the AETR against the price.
  const progressivity = page.getByRole('region', { name: 'Progressivity' });
  await progressivity.locator('figure.chart').first().waitFor();
  assert.match(await progressivity.textContent(), /Proposed terms: (progressive|regressive|neutral|not determined)/);
  assert.equal(await progressivity.locator('figure.chart').count(), 2); // AETR, and PVs with the breakeven
  assert.match(await summary.textContent(), /Breakeven price for the investor \(after tax\)\s*[\d.]+% of the model’s prices \(oil [\d.]+ USD\/bbl, gas [\d.]+ USD\/mcf\)/);
  // Cash flows: the state's receipts stacked by instrument beside the investor's.
  assert.match(await page.locator('figure.chart').first().locator('figcaption').textContent(), /Royalty.*Income tax.*Investor/s);
  // The ledger, a row per year, opened on demand.
  await page.getByText('Ledger by year — Proposed terms (millions)').click();
  const ledger = page.locator('details.ledger table');
  assert.equal(await ledger.locator('tbody tr').count(), 30);
  assert.match(await ledger.locator('thead').textContent(), /Gross revenue.*Royalty.*Income tax.*State receipts.*Investor cash flow/s);
  // Government take against the price, in place of the AETR.
  await progressivity.getByLabel("The state's share shown").selectOption({ label: 'Government take' });
  await progressivity.locator('figcaption', { hasText: /^Government take at each price/ }).waitFor();
  await portal.shot(page, 'model-results');

  // Which input matters most, and the royalty that gives an AETR of 85%.
  const sensitivity = page.getByRole('region', { name: 'Sensitivity' });
  await sensitivity.locator('figure.chart rect').first().waitFor();
  // Four project inputs, six key terms (royalty, FTP, ceiling, state share, tax
  // and withholding rates) and the four tiers of the profit split.
  assert.equal(await sensitivity.locator('.tornado-row').count(), 4 + 6 + 4);
  assert.match(await sensitivity.locator('.tornado-label').first().textContent(), /^Prices ×0.7 to ×1.3$/);
  // Its labels are read at the page's size, not shrunk with a drawing.
  const size = await sensitivity.locator('.tornado-label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 12, `tornado labels are ${size}px`);
  await sensitivity.getByLabel('Metric').first().selectOption({ label: 'Average effective tax rate' });
  await sensitivity.locator('figcaption', { hasText: /^Average effective tax rate at the low and high end/ }).waitFor();
  await sensitivity.getByLabel('Term', { exact: true }).selectOption({ label: 'royalty rate' });
  await sensitivity.getByLabel('Target (%)').fill('85');
  await sensitivity.getByLabel('to %').fill('50');
  await sensitivity.getByRole('button', { name: 'Find the value' }).click();
  await sensitivity.getByText(/^royalty rate of [\d.]+% gives Average effective tax rate of 85\.0% \(stored terms: 5\.00%\)\.$/).waitFor();
  await sensitivity.getByLabel('Target (%)').fill('40');
  await sensitivity.getByRole('button', { name: 'Find the value' }).click();
  // Why not, in the page's words and signs: the range the metric spans.
  await sensitivity.getByText(/^No royalty rate from 0\.00% to 50\.00% gives Average effective tax rate of 40\.0%: it goes from \d+\.\d% \(at [\d.]+%\) to \d+\.\d% \(at [\d.]+%\)\.$/).waitFor();
  await portal.shot(page, 'model-sensitivity');

  const slider = page.getByRole('slider', { name: /^royalty rate:/ });
  await slider.evaluate((el) => {
    el.value = '0.08';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const card = page.locator('.delta-card');
  await card.waitFor();
  assert.match(await card.textContent(), /^\+USD [\d,.]+ million to the state over the project life, PV 10%: \+USD [\d,.]+ million$/);
  assert.equal(await page.getByRole('region', { name: 'What if' }).locator('figure.chart').count(), 1);
  const first = await card.textContent();
  await slider.evaluate((el) => {
    el.value = '0.1';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((before) => document.querySelector('.delta-card')?.textContent !== before, first);
  assert.notEqual(await card.textContent(), first);
  await portal.shot(page, 'model-whatif');

  // The analysis in Excel, read back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the analysis (xlsx)' }).click()]);
  assert.match(download.suggestedFilename(), /^model-fm_[0-9a-f]+-v1\.xlsx$/);
  const book = unzip(readFileSync(await download.path()));
  assert.ok(book['xl/workbook.xml'], 'a workbook');
  assert.match(Object.values(book).join('\n'), /Proposed terms/);
  assert.deepEqual(problems, []);
});

test('the Support Unit compares proposed and negotiated terms, records the value added on the engagement, and runs a Monte Carlo it can cancel', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  const model = JSON.parse(readFileSync(example, 'utf8'));
  model.regimes.push(JSON.parse(readFileSync(resolve('../examples/oil_psc_negotiated.json'), 'utf8')).regimes[0]);
  await page.goto(`${portal.base}/models`);
  await page.getByLabel('Name').fill('SN-7 rounds');
  await page.getByLabel('Keep it in').selectOption({ index: 1 });
  await page.getByLabel('Or paste the model').fill(JSON.stringify(model));
  await page.getByRole('button', { name: 'Keep the model' }).click();
  await page.getByRole('heading', { name: 'SN-7 rounds' }).waitFor();
  assert.match(await page.locator('p.muted').first().textContent(), /confidential to the engagement/);

  const compare = page.getByRole('region', { name: 'Compare term sheets' });
  await compare.locator('.delta-card').waitFor();
  assert.match(await compare.locator('.delta-card').textContent(), /USD [\d,.]+ million to the state over the project life/);
  await compare.getByRole('button', { name: "Record as the engagement's estimated value added" }).click();
  await compare.getByText('Recorded on the engagement.').waitFor();

  const risk = page.getByRole('region', { name: 'Risk: Monte Carlo' });
  await risk.getByRole('spinbutton', { name: 'Scenarios' }).fill('1000000');
  await risk.getByRole('button', { name: 'Run' }).click();
  await risk.getByRole('button', { name: 'Cancel' }).click();
  // However many had run when it stopped, said as a count is said.
  await risk.getByText(/^Cancelled: the figures cover (no scenario|the first scenario|the first [\d,]+ scenarios)\.$/).waitFor({ timeout: 60000 });
  await risk.getByRole('spinbutton', { name: 'Scenarios' }).fill('5000');
  await risk.getByRole('button', { name: 'Run' }).click();
  await risk.getByText(/^Cancelled/).waitFor({ state: 'detached' });
  await risk.getByText(/Chance that the investor loses money/).waitFor({ timeout: 60000 });
  assert.equal(await risk.getByText(/^Cancelled/).count(), 0);
  assert.match(await risk.locator('table.summary').textContent(), /P50/);
  // The fan of each year's receipts: bands and the median line.
  const fan = risk.getByRole('img', { name: 'State receipts by year across scenarios' });
  await fan.waitFor();
  assert.equal(await fan.locator('polygon').count(), 2);
  assert.equal(await fan.locator('polyline').count(), 1);
  await portal.shot(page, 'model-compare-risk');

  // The report for printing: every term sheet, what the negotiated terms add, the charts and the terms.
  await page.getByRole('link', { name: 'Report for printing' }).click();
  await page.getByRole('heading', { name: 'Fiscal analysis: SN-7 rounds' }).waitFor();
  const adds = page.getByRole('region', { name: 'What the terms add for the state' });
  await adds.locator('.delta-card').waitFor();
  assert.match(await adds.textContent(), /Negotiated terms against Proposed terms:.*\+USD [\d,.]+ million to the state over the project life/s);
  await page.getByRole('region', { name: 'Which input matters most for the state' }).locator('figure.chart').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Cash flows by year' }).locator('figure.chart').count(), 2);
  const terms = await page.getByRole('region', { name: 'The terms', exact: true }).textContent();
  assert.match(terms, /royalty rate\s*5\.00%\s*\d+\.\d\d%/);
  // Printed, nothing to fill in or press remains.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Print the report' }).isVisible(), false);
  assert.equal(await page.locator('select, input, button').evaluateAll((els) => els.filter((el) => el.offsetParent !== null).length), 0);
  await portal.shot(page, 'model-report');
  assert.deepEqual(problems, []);
});
