// Browser tests of the resource hub on the demonstration content: a visitor
// searches, opens a contract at the highlighted page and reads its clause
// annotations, compares one clause category across three contracts and
// downloads the xlsx (read back here); the Support Unit adds a document with
// its PDF from the web and corrects a page; the roadmap and the provider
// directory answer their filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accounts, unzip, usePortal } from './harness.mjs';

const portal = usePortal();

// A one-page PDF whose text layer holds `lines`.
function textPdf(lines) {
  const content = `BT /F1 11 Tf 60 780 Td 14 TL\n${lines.map((l) => `(${l}) Tj T*`).join('\n')}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

test('a visitor searches, opens a contract at the highlighted page, reads its annotations, compares royalties across three contracts and downloads the xlsx', async () => {
  const { page, problems } = await portal.newPage();
  await page.goto(`${portal.base}/`);
  await page.locator('nav[aria-label] a', { hasText: 'Resource hub' }).click();
  await page.getByLabel('Words or "exact phrase"').fill('royalty gold');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.locator('ol.hits > li').first();
  await first.locator('mark').first().waitFor();
  assert.match(await first.locator('mark').first().textContent(), /^(royalt|gold)/i);
  // Facet counts sit beside the results.
  assert.match(await page.locator('.facets').textContent(), /Country \(ISO code\).*GHA\s*\(\d+\)/s);
  await portal.shot(page, 'hub-search');

  // The Ghanaian convention opens at its royalty page, the words marked there.
  const ghana = page.locator('ol.hits > li', { hasText: 'Asante Ridge' });
  assert.match(await ghana.locator('.page-ref').textContent(), /p\. 3/);
  await ghana.getByRole('link').click();
  await page.getByRole('heading', { name: 'Sample Mining Convention — Asante Ridge Gold Project' }).waitFor();
  const shown = page.locator('article.page-text');
  await shown.waitFor();
  assert.equal(await shown.getAttribute('data-page'), '3');
  assert.match(await shown.locator('mark').first().textContent(), /^royalt/i);
  assert.match(await page.locator('.attention').textContent(), /Sample document/);
  // Its annotations, reviewed; a page reference opens that page.
  const royalty = page.locator('ul.annotations li[data-category="royalties"]');
  assert.match(await royalty.textContent(), /Sliding-scale royalty.*3% below USD 1,300\/oz/);
  const stability = page.locator('ul.annotations li[data-category="stabilization"]');
  await stability.getByRole('button', { name: 'p. 4' }).click();
  await page.locator('article.page-text[data-page="4"]').waitFor();
  assert.match(await page.locator('article.page-text').textContent(), /Fiscal stability/);
  await portal.shot(page, 'hub-document');

  // Compare royalty clauses across the sample contracts.
  await page.goto(`${portal.base}/hub/compare`);
  await page.getByLabel('Clause category').selectOption('royalties');
  const rows = page.locator('table.compare tbody tr');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 3, `${await rows.count()} rows`);
  const table = await page.locator('table.compare').textContent();
  for (const title of ['Asante Ridge', 'Falémé', 'Kafue North']) assert.ok(table.includes(title), title);
  await portal.shot(page, 'hub-compare');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download (xlsx)' }).click()]);
  assert.equal(download.suggestedFilename(), 'compare-royalties.xlsx');
  const xlsx = unzip(readFileSync(await download.path()));
  assert.ok(xlsx['xl/workbook.xml'], 'a workbook');
  const cells = Object.entries(xlsx).filter(([name]) => name.startsWith('xl/')).map(([, text]) => text).join('\n');
  assert.match(cells, /Sliding-scale royalty on gross revenue/);
  assert.match(cells, /Price-linked royalty on the Norm Value/);
  assert.deepEqual(problems, []);
});

test('the Support Unit adds a contract with its PDF from the web, finds its text and corrects a page', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/hub`);
  await page.getByRole('link', { name: 'Add a document' }).click();
  await page.getByLabel('Title').fill('Tarkwa tantalum licence');
  await page.getByLabel('Country (ISO code)').fill('GHA');
  await page.getByLabel('Contract type').selectOption('mining_licence');
  await page.getByLabel('Signature date').fill('2024-02-01');
  await page.getByLabel('PDF').setInputFiles({
    name: 'tarkwa.pdf',
    mimeType: 'application/pdf',
    buffer: textPdf(['Article 7. Royalty.', 'The holder pays a tantalum royalty of six percent of gross revenue.', ...Array.from({ length: 40 }, (_, i) => `Reporting duty number ${i}`)]),
  });
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await page.getByRole('heading', { name: 'Tarkwa tantalum licence' }).waitFor();
  await page.locator('article.page-text[data-page="1"]').waitFor();
  assert.match(await page.locator('article.page-text').textContent(), /tantalum royalty of six percent/);
  assert.match(await page.getByRole('region', { name: 'Publication' }).textContent(), /Now: Draft/);

  await page.getByText('Correct this page’s text').click();
  const text = page.getByLabel('Text of page 1');
  await text.fill(`${await text.inputValue()}\nArticle 8. Stability for ten years.`);
  await page.getByRole('button', { name: 'Save the page' }).click();
  await page.getByText('Page saved.').waitFor();
  await page.locator('article.page-text', { hasText: 'Stability for ten years' }).waitFor();
  await portal.shot(page, 'hub-document-staff');

  // Not published: the public does not find it.
  const visitor = await portal.newPage();
  await visitor.page.goto(`${portal.base}/hub?q=tantalum`);
  await visitor.page.getByText('No documents found.').waitFor();
  assert.deepEqual(problems, []);
  assert.deepEqual(visitor.problems, []);
});

test('the roadmap links guides and providers by stage; the directory filters by region and expertise', async () => {
  const { page, problems } = await portal.newPage();
  await page.goto(`${portal.base}/`);
  await page.locator('nav[aria-label] a', { hasText: 'Roadmap' }).click();
  const negotiating = page.locator('ol.roadmap > li#negotiating');
  await negotiating.getByRole('link', { name: /Negotiating royalties/ }).waitFor();
  assert.match(await page.locator('ol.roadmap > li#monitoring').textContent(), /Monitoring a signed contract/);
  // Providers arrive by their own request, after the guides.
  await page.locator('ol.roadmap > li#planning', { hasText: 'African Legal Support Facility' }).waitFor();
  await portal.shot(page, 'roadmap');

  await page.locator('nav[aria-label] a', { hasText: 'Support providers' }).click();
  await page.getByText('5 providers.').waitFor();
  await page.getByLabel('Region').selectOption('asia_pacific');
  // Regional and global providers serve the Pacific.
  await page.getByText('2 providers.').waitFor();
  await page.getByLabel('Expertise').selectOption('geology');
  await page.getByText('1 provider.').waitFor();
  assert.match(await page.locator('article.provider h2').textContent(), /Pacific Resource Governance Centre/);
  await portal.shot(page, 'providers');
  assert.deepEqual(problems, []);
});

test('the Support Unit changes a provider of the directory', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/providers?q=Pacific`);
  const entry = page.locator('article.provider', { hasText: 'Pacific Resource Governance Centre' });
  await entry.getByRole('button', { name: 'Change' }).click();
  await page.getByRole('heading', { name: /^Change Pacific Resource Governance Centre/ }).waitFor();
  await page.getByLabel('In-house experts').fill('15');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await page.getByText('Provider saved.').waitFor();
  await entry.getByText('15', { exact: true }).waitFor();
  assert.deepEqual(problems, []);
});

test('a hit found through a clause explained opens on that clause, not on "no page matches"', async () => {
  const { page, problems } = await portal.newPage();
  await page.goto(`${portal.base}/hub?q=UNCITRAL`);
  await page.getByRole('link', { name: /Asante Ridge/ }).first().click();
  await page.getByText('These words are in a clause explained below (highlighted), not in the pages.').waitFor();
  await page.locator('.annotations li.match mark', { hasText: 'UNCITRAL' }).waitFor();
  // The text opens on the page that clause cites.
  await page.locator('article.page-text[data-page="5"]').waitFor();
  await portal.shot(page, 'hub-hit-in-a-clause');
  assert.deepEqual(problems, []);
});
