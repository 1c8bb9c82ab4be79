// Browser test of fiscal terms on hub contracts and benchmarks against them:
// the coordinator enters a contract's terms, one taken from a clause
// explained and one typed with its article; a second member of the Support
// Unit reviews them, and only then does a government official see them. The
// official benchmarks a model against the published contracts and downloads
// the workbook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { accounts, unzip, usePortal } from './harness.mjs';

const portal = usePortal();

test('the coordinator enters a contract\'s terms with their sources and another member reviews them before anyone else sees them', async () => {
  const staff = await portal.apiAs(accounts.coordinator);
  const admin = await portal.apiAs(accounts.admin);
  // A published contract whose one clause explained states the income tax.
  const doc = await staff('POST', '/api/v1/hub/documents', {
    title: 'Sample Mining Lease — Tano Gold', country: 'GHA', resources: ['gold'], contract_type: 'mining_convention',
    signature_date: '2020-04-01', sample: true,
  });
  const note = await staff('POST', `/api/v1/hub/documents/${doc.id}/annotations`, {
    category: 'income-tax-rate', summary: 'Corporate income tax at 30%, losses carried forward five years.', article: '11',
  });
  await admin('POST', `/api/v1/hub/annotations/${note.id}/review`, {});
  await staff('POST', `/api/v1/hub/documents/${doc.id}/status`, { to: 'in_review' });
  await admin('POST', `/api/v1/hub/documents/${doc.id}/status`, { to: 'published' });

  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/hub/documents/${doc.id}`);
  const section = page.getByRole('region', { name: 'Fiscal terms' });
  await section.getByText('No fiscal terms have been entered for this contract yet.').waitFor();
  await section.getByRole('button', { name: 'Enter the terms' }).click();

  // The clause explained suggests the tax, shown with its sentence; used by hand.
  const suggestions = section.getByRole('region', { name: 'Suggested by the clauses explained' });
  await suggestions.getByText('Income tax — Rate: 30%').waitFor();
  assert.match(await suggestions.textContent(), /Corporate income tax at 30%, losses carried forward five years\./);
  await section.getByLabel('Name of the terms').fill('Tano Gold terms');
  await suggestions.getByRole('button', { name: 'Use this' }).click();
  assert.equal(await section.getByLabel('Rate (%)').first().inputValue(), '30');

  // A royalty typed in, cited to its article.
  await section.locator('#terms-add').selectOption('royalty');
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  await section.locator('fieldset.instrument').nth(1).getByLabel('Rate (%)').fill('4.5');
  await section.getByRole('button', { name: 'Add a citation' }).click();
  const row = section.locator('.citation').nth(1);
  await row.getByLabel('Term').selectOption({ label: 'Royalty — Rate' });
  await row.getByLabel('Article').fill('9');
  await portal.shot(page, 'terms-editor');
  await section.getByRole('button', { name: 'Save the terms for review' }).click();
  await section.getByText('Awaiting review by another member of the Support Unit').waitFor();
  const table = section.locator('table.terms-table');
  assert.match(await table.textContent(), /Income tax.*Rate.*30%.*art\. 11.*Corporate income tax at 30%/s);
  assert.match(await table.textContent(), /Royalty.*Rate.*4\.5%.*art\. 9/s);
  // The one who saved them does not review them.
  await section.getByRole('button', { name: 'Mark the terms as reviewed' }).click();
  await section.getByText('Another member of the Support Unit reviews the terms you saved.').waitFor();
  problems.splice(0); // the refusal's 403 in the console is expected

  // Nobody else sees terms not yet reviewed.
  const official = await portal.newPage();
  await portal.signIn(official.page, accounts.government);
  await official.page.goto(`${portal.base}/hub/documents/${doc.id}`);
  await official.page.getByRole('heading', { name: 'Sample Mining Lease — Tano Gold' }).waitFor();
  await official.page.waitForLoadState('networkidle');
  assert.equal(await official.page.getByRole('region', { name: 'Fiscal terms' }).count(), 0);

  // The administrator reviews them; the official now reads them with their sources.
  const second = await portal.newPage();
  await portal.signIn(second.page, accounts.admin);
  await second.page.goto(`${portal.base}/hub/documents/${doc.id}`);
  await second.page.getByRole('button', { name: 'Mark the terms as reviewed' }).click();
  await second.page.getByText('Reviewed', { exact: true }).waitFor();
  await official.page.reload();
  const seen = official.page.getByRole('region', { name: 'Fiscal terms' });
  await seen.locator('table.terms-table').waitFor();
  assert.match(await seen.textContent(), /Royalty.*4\.5%.*art\. 9/s);
  await portal.shot(official.page, 'terms-published');
  assert.deepEqual([...problems, ...official.problems, ...second.problems], []);
});

test('a government official benchmarks a model against the published contracts and downloads the workbook', async () => {
  const ghana = await portal.apiAs(accounts.government);
  const model = await ghana('POST', '/api/v1/fiscal/models', {
    name: 'Offshore block, draft terms', model: JSON.parse(readFileSync(resolve('../examples/oil_psc.json'), 'utf8')),
  });
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.goto(`${portal.base}/models/${model.id}`);
  const panel = page.getByRole('region', { name: 'Compare with published contracts' });
  await panel.getByRole('button', { name: 'Compare' }).click();
  await panel.locator('table.benchmark-standing').waitFor();
  // The sample PSC runs on the oil and gas project; the mining conventions
  // are listed with the product they tax.
  const comparators = panel.locator('table.benchmark-comparators');
  assert.match(await comparators.textContent(), /Sample Production Sharing Contract — Offshore Block SN-7/);
  const skipped = panel.getByRole('region', { name: 'Contracts that could not be run on this project' });
  assert.match(await skipped.textContent(), /Asante Ridge Gold Project: Its terms tax gold, which this project does not produce\./);
  assert.match(await panel.locator('table.benchmark-standing').textContent(), /Average effective tax rate.*\d of \d/s);
  assert.match(await panel.textContent(), /Terms like the median contract \(.+\) would give the state USD [\d,.]+ million less in present value at 10%/);
  await panel.locator('figure.band-chart svg polyline').first().waitFor();
  await portal.shot(page, 'benchmark');

  // One click from a comparator to its terms and their sources.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Download the workbook (xlsx)' }).click()]);
  assert.match(download.suggestedFilename(), /^benchmark-fm_[0-9a-f]+-v1\.xlsx$/);
  const book = unzip(readFileSync(await download.path()));
  const words = Object.values(book).join('\n');
  assert.match(words, /Benchmark/);
  assert.match(words, /AETR band/);
  assert.match(words, /Sample Production Sharing Contract/);

  // The official's own pick: only the ticked contract.
  await comparators.getByLabel('Keep Sample Production Sharing Contract — Offshore Block SN-7 in your pick').check();
  await panel.getByRole('button', { name: 'Compare with only the 1 contract ticked' }).click();
  await panel.getByText('Compared with your own pick of contracts; compare again to use the filters.').waitFor();
  assert.equal(await comparators.locator('tbody tr').count(), 1);
  assert.equal(await panel.getByRole('region', { name: 'Contracts that could not be run on this project' }).count(), 0);

  await comparators.getByRole('link', { name: 'Sample Production Sharing Contract — Offshore Block SN-7' }).click();
  const terms = page.getByRole('region', { name: 'Fiscal terms' });
  await terms.locator('table.terms-table').waitFor();
  assert.match(await terms.textContent(), /Profit split.*R-factor 2 and above.*60%.*art\. 23/s);

  // The last benchmark is kept with the model.
  await page.goBack();
  await page.getByRole('region', { name: 'Compare with published contracts' }).locator('table.benchmark-standing').waitFor();
  assert.deepEqual(problems, []);
});
