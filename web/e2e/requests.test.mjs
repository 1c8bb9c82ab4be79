// Browser tests of requests: a government writes and submits a request with
// an attachment; a coordinator acknowledges it, records the due diligence,
// approves it with a scope, and sees the SLA badge move from one clock to the
// next. Screenshots of each page are saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function badge(page) {
  const b = page.locator('.facts .badge');
  await b.waitFor();
  return { clock: await b.getAttribute('data-clock'), status: await b.getAttribute('data-status'), text: await b.textContent() };
}

test('a government submits a request with an attachment; a coordinator acknowledges and approves it with a scope', async () => {
  const gov = await portal.newPage();
  const page = gov.page;
  await portal.signIn(page, accounts.government);
  await page.locator('nav[aria-label] a', { hasText: 'Requests' }).click();
  await page.getByRole('heading', { name: 'My requests' }).waitFor();
  await page.getByRole('link', { name: 'New request' }).click();
  await page.getByRole('heading', { name: 'Request for support' }).waitFor();
  await page.getByLabel('Project name').fill('Ahafo North copper-gold mining lease');
  await page.getByLabel('Ministry or agency').fill('Minerals Commission');
  await page.getByLabel('Commodity').selectOption('copper');
  await page.locator('#focal-0-name').fill('Kwame Mensah');
  await page.locator('#focal-0-email').fill('not-an-address');
  await page.locator('#request-counterparties').fill('Acme Mining Ltd: Acme Ghana Ltd; Acme Holdings plc');
  await page.getByLabel('Legal', { exact: true }).check();
  await page.getByLabel('Fiscal modelling').check();
  await page.getByLabel('Negotiation phase').selectOption('negotiation');
  await page.getByLabel('Working language').selectOption('en');
  await page.getByLabel('Deadline').fill('2027-01-31');
  await page.locator('#request-background').fill('The company proposes a 3% royalty and a 15-year stability clause.');
  // A wrong email is named at its field and nothing is saved.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.locator('#focal-0-email-error').waitFor();
  assert.match(await page.locator('#focal-0-email-error').textContent(), /email|address/i);
  await portal.shot(page, 'government-request-form-error');
  await page.locator('#focal-0-email').fill('focal.ghana@connex.example');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('heading', { name: 'Ahafo North copper-gold mining lease' }).waitFor();
  assert.equal(await page.locator('dd.state').getAttribute('data-state'), 'draft');

  await page.setInputFiles('#document-file', { name: 'draft-lease.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('link', { name: 'draft-lease.pdf' }).waitFor();
  // A file that is not what its name says is refused with the reason.
  await page.setInputFiles('#document-file', { name: 'map.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /is not that of a pdf file/);
  await portal.shot(page, 'government-request-draft');
  await page.getByRole('button', { name: 'Move to: Submitted' }).click();
  await page.locator('dd.state[data-state="submitted"]').waitFor();
  const reference = (await page.locator('.facts dd').first().textContent()).trim();
  assert.match(reference, /^CNX-\d{4}-[2-9A-HJ-NP-Z]{5}$/);
  await page.locator('nav[aria-label] a', { hasText: 'Requests' }).click();
  await page.getByRole('link', { name: reference }).waitFor();
  await portal.shot(page, 'government-my-requests');
  // The refusals provoked above are the only failed requests.
  assert.deepEqual(gov.problems.filter((p) => !/status of (400|415)/.test(p)), []);

  const co = await portal.newPage();
  const desk = co.page;
  await portal.signIn(desk, accounts.coordinator);
  await desk.locator('nav[aria-label] a', { hasText: 'Requests' }).click();
  await desk.getByRole('heading', { name: 'Inbox' }).waitFor();
  const row = desk.locator('tr', { has: desk.getByRole('link', { name: reference }) });
  assert.equal(await row.locator('.badge').getAttribute('data-clock'), 'acknowledge');
  await portal.shot(desk, 'coordinator-inbox');
  await desk.getByRole('link', { name: reference }).click();
  await desk.getByRole('link', { name: 'draft-lease.pdf' }).waitFor();
  let b = await badge(desk);
  assert.equal(b.clock, 'acknowledge');
  assert.equal(b.status, 'running');
  await portal.shot(desk, 'coordinator-request-submitted');

  await desk.getByRole('button', { name: 'Move to: Acknowledged' }).click();
  await desk.locator('dd.state[data-state="acknowledged"]').waitFor();
  b = await badge(desk);
  assert.equal(b.clock, 'decide');
  assert.match(b.text, /^Decide: on time/);
  await desk.getByRole('button', { name: 'Move to: Under review' }).click();
  await desk.getByRole('heading', { name: 'Due diligence and decision' }).waitFor();
  for (const risk of ['human_rights', 'environmental', 'legal', 'reputational']) {
    await desk.locator(`#dd-${risk}`).selectOption('low');
  }
  await desk.getByLabel('Other support providers engaged').fill('None');
  await desk.getByLabel('Decision').selectOption('approve');
  await desk.getByLabel('Reasons').fill('Eligible; no conflict with other providers');
  await desk.getByLabel('What the support covers').fill('Fiscal and legal review of the draft lease before the first round');
  // Typed key by key, as a person types: spaces and line breaks stay, an
  // emptied number field can be typed into again.
  const days = desk.getByLabel('Expert days');
  await days.fill('');
  await days.pressSequentially('30');
  assert.equal(await days.inputValue(), '30');
  const deliverables = desk.getByLabel('Deliverables, one per line');
  await deliverables.pressSequentially('Fiscal model and memo');
  await deliverables.press('Enter');
  await deliverables.pressSequentially('Legal review ');
  assert.equal(await deliverables.inputValue(), 'Fiscal model and memo\nLegal review ');
  await portal.shot(desk, 'coordinator-due-diligence');
  await desk.getByRole('button', { name: 'Approve', exact: true }).click();
  await desk.locator('dd.state[data-state="approved"]').waitFor();
  b = await badge(desk);
  assert.equal(b.clock, 'team_proposed');
  await desk.getByText('Fiscal and legal review of the draft lease before the first round').first().waitFor();
  for (const d of ['Fiscal model and memo', 'Legal review']) {
    await desk.locator('li', { hasText: new RegExp(`^${d}$`) }).first().waitFor();
  }
  await desk.locator('pre.letter').waitFor();
  assert.match(await desk.locator('pre.letter').textContent(), /has approved your request/);
  await portal.shot(desk, 'coordinator-request-approved');
  assert.deepEqual(co.problems, []);

  // The government sees the decision, the scope and the letter.
  await page.getByRole('link', { name: reference }).click();
  await page.locator('dd.state[data-state="approved"]').waitFor();
  await page.locator('pre.letter').waitFor();
  await portal.shot(page, 'government-request-approved');
});

test('a visitor sends an enquiry from the public form', async () => {
  const { page, problems } = await portal.newPage();
  await page.goto(portal.base);
  await page.locator('nav[aria-label] a', { hasText: 'Ask for support' }).click();
  await page.getByRole('heading', { name: 'Ask the Support Unit' }).waitFor();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('#enquiry-name-error').waitFor();
  await page.getByLabel('Your name').fill('Ama Owusu');
  await page.getByLabel('Email').fill('ama@example.org');
  await page.getByLabel('Organisation').fill('Ministry of Finance');
  await page.getByLabel('Your question').fill('How does a ministry ask for support?');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('status').waitFor();
  await portal.shot(page, 'public-enquiry-sent');
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('the request page shows what the government typed, and while information is awaited the government sends it', async () => {
  const gov = await portal.apiAs(accounts.government);
  const co = await portal.apiAs(accounts.coordinator);
  let r = await gov('POST', '/api/v1/requests', {
    entity: 'Minerals Commission', focal_points: [{ name: 'Kwame Mensah', email: 'kwame@mincom.gov.gh', phone: '+233 30 266 1234' }],
    project_name: 'Obuasi deep extension', commodity: 'gold', site: 'Obuasi, Ashanti Region',
    counterparties: [{ name: 'Golden Hill Resources', affiliates: [] }], disciplines: ['legal'], phase: 'negotiation',
    timeline: 'First round on 12 March; second round in May', deadline: '2027-03-12', language: 'fr', background: 'Royalty terms',
  });
  const move = async (who, to, extra = {}) => (r = await who('POST', `/api/v1/requests/${r.id}/transitions`, { to, version: r.version, ...extra }));
  await move(gov, 'submitted');
  await move(co, 'acknowledged');
  await move(co, 'under_review');
  await move(co, 'awaiting_information', { reason: 'Send the draft lease, please' });

  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.goto(`${portal.base}/requests/${r.id}`);
  const facts = page.locator('dl.facts').nth(1);
  for (const words of ['Obuasi, Ashanti Region', 'Gold', 'Negotiation', 'French', '12 March 2027', 'First round on 12 March; second round in May', '+233 30 266 1234']) {
    await facts.getByText(words, { exact: false }).first().waitFor();
  }
  await page.getByText('Send the draft lease, please').first().waitFor();
  // Not "Move to: Acknowledged" under a reason for the government: the answer itself.
  assert.equal(await page.getByRole('button', { name: /^Move to: (Acknowledged|Under review)$/ }).count(), 0);
  await page.getByLabel('Note (recorded and shown to the Support Unit)').fill('The draft lease is attached.');
  await portal.shot(page, 'government-awaiting-information');
  await page.getByRole('button', { name: 'Send the information asked for' }).click();
  await page.locator('dd.state[data-state="under_review"], dd.state[data-state="acknowledged"]').waitFor();
  await page.setViewportSize({ width: 375, height: 812 });
  await portal.shot(page, 'government-request-phone');
  assert.deepEqual(problems, []);
});
