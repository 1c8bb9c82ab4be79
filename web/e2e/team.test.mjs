// Browser test of the team builder: an expert declares an interest in the
// counterparty; the coordinator builds a team for the request, sees that
// expert excluded with the conflict, uses the proposed team and confirms it;
// the assigned expert, and only they, now see the engagement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();

test('a coordinator builds a team, sees the conflicted expert excluded, confirms the team; only the assigned expert sees the engagement', async () => {
  // The mining engineer declares past work for the counterparty, in the browser.
  const eng = await portal.newPage();
  await portal.signIn(eng.page, 'mining.engineer@connex.example');
  await eng.page.locator('nav[aria-label] a', { hasText: 'My profile' }).click();
  await eng.page.getByRole('heading', { name: 'Declarations of interests' }).waitFor();
  await eng.page.getByLabel('Company').fill('Acme Mining Ltd.');
  await eng.page.getByLabel('Relation').selectOption('consultancy');
  await eng.page.getByLabel('From').fill('2022-01-01');
  await eng.page.getByLabel('To (empty: ongoing)').fill('2025-06-30');
  await eng.page.getByLabel('Evidence').fill('Feasibility review contract');
  await eng.page.getByRole('button', { name: 'Declare' }).click();
  await eng.page.getByText('Acme Mining Ltd.').first().waitFor();
  await portal.shot(eng.page, 'expert-profile-declarations');
  assert.deepEqual(eng.problems, []);

  // A Ghanaian request against ACME MINING LIMITED, approved and in scoping.
  const gov = await portal.apiAs(accounts.government);
  const co = await portal.apiAs(accounts.coordinator);
  let r = await gov('POST', '/api/v1/requests', {
    entity: 'Minerals Commission', focal_points: [{ name: 'Kwame Mensah' }], project_name: 'Obuasi gold lease',
    commodity: 'gold', counterparties: [{ name: 'ACME MINING LIMITED', affiliates: [] }],
    disciplines: ['fiscal_modelling'], phase: 'negotiation', language: 'en', background: 'Royalty terms',
  });
  const move = async (who, to, extra = {}) => (r = await who('POST', `/api/v1/requests/${r.id}/transitions`, { to, version: r.version, ...extra }));
  await move(gov, 'submitted');
  await move(co, 'acknowledged');
  await move(co, 'under_review');
  await co('PUT', `/api/v1/requests/${r.id}/due-diligence`, {
    human_rights: 'low', environmental: 'low', legal: 'low', reputational: 'low', decision: 'approve', version: 0,
  });
  await move(co, 'approved', { scope: { summary: 'Fiscal review of the royalty terms', disciplines: ['fiscal_modelling'] } });
  await move(co, 'scoping');

  const desk = await portal.newPage();
  const page = desk.page;
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/requests/${r.id}`);
  await page.getByRole('heading', { name: 'Team builder' }).waitFor();
  await page.getByLabel('Engagement from').fill('2027-01-11');
  await page.getByLabel('to', { exact: true }).fill('2027-02-05');
  await page.getByRole('button', { name: 'Propose teams' }).click();
  await page.getByRole('button', { name: 'Use this team' }).first().waitFor();
  const conflict = page.locator('table.exclusions tr', { hasText: 'Tom Engineer' });
  assert.equal(await conflict.getAttribute('data-reason'), 'conflict');
  assert.match(await conflict.textContent(), /conflict of interest.*ACME MINING LIMITED/);
  assert.match(await page.locator('.option').first().textContent(), /Elena Fiscal/);
  await portal.shot(page, 'coordinator-team-builder');
  await page.getByRole('button', { name: 'Use this team' }).first().click();
  await page.locator('ul.team li', { hasText: 'Elena Fiscal' }).waitFor();
  await page.getByRole('button', { name: 'Move to: Team proposed' }).click();
  await page.locator('dd.state[data-state="team_proposed"]').waitFor();
  await page.getByRole('button', { name: 'Move to: Team confirmed' }).click();
  await page.locator('dd.state[data-state="team_confirmed"]').waitFor();
  await portal.shot(page, 'coordinator-team-confirmed');
  assert.deepEqual(desk.problems, []);

  // The assigned expert sees the engagement; the excluded one does not.
  const fiscal = await portal.newPage();
  await portal.signIn(fiscal.page, accounts.expert);
  await fiscal.page.locator('nav[aria-label] a', { hasText: 'Requests' }).click();
  await fiscal.page.getByRole('link', { name: r.reference }).click();
  await fiscal.page.getByRole('heading', { name: 'Obuasi gold lease' }).waitFor();
  await portal.shot(fiscal.page, 'expert-engagement');
  await eng.page.locator('nav[aria-label] a', { hasText: 'Requests' }).click();
  await eng.page.getByText('No requests yet.').waitFor();
  await eng.page.goto(`${portal.base}/requests/${r.id}`);
  await eng.page.getByRole('heading', { name: 'Page not found' }).waitFor();
});

test('a coordinator searches the roster and imports a CSV whose bad rows are listed and nothing imported', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.locator('nav[aria-label] a', { hasText: 'Roster' }).click();
  await page.getByRole('heading', { name: 'Roster' }).waitFor();
  await page.getByLabel('Discipline').selectOption('geology');
  // The filtered list replaces the full one when its answer arrives.
  await page.waitForFunction(() => document.querySelectorAll('main tbody tr').length === 1);
  assert.match(await page.locator('main tbody tr').textContent(), /Tom Engineer/);
  await page.setInputFiles('#roster-import', {
    name: 'roster.csv', mimeType: 'text/csv',
    buffer: Buffer.from('email,seniority,disciplines,languages,day_rate\nfiscal.expert@connex.example,principal,fiscal_modelling,en;fr,1300\nnobody@connex.example,senior,legal,en,900\n'),
  });
  await page.locator('ul.row-errors li').first().waitFor();
  assert.match(await page.locator('ul.row-errors').textContent(), /line 3: no expert account has the email nobody@connex\.example/);
  assert.match(await page.getByRole('status').textContent(), /0 profiles imported/);
  await portal.shot(page, 'coordinator-roster-import');
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('an administrator adds a discipline and retires another; experts are offered the new one, not the retired one', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.admin);
  await page.locator('nav[aria-label] a', { hasText: 'Disciplines' }).click();
  await page.getByRole('heading', { name: 'Disciplines' }).waitFor();
  // A code with spaces is refused at its field.
  await page.getByLabel('New code').fill('Hydro geology');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.locator('tr', { has: page.getByLabel('New code') }).locator('.field-error').first().waitFor();
  await page.getByLabel('New code').fill('hydrogeology');
  await page.getByLabel('English label', { exact: false }).last().fill('Hydrogeology');
  await page.getByLabel('French label', { exact: false }).last().fill('Hydrogéologie');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByText('Saved: Hydrogeology.').waitFor();
  await page.getByLabel('Offered (Gender)').uncheck();
  await page.locator('tr', { has: page.getByLabel('Offered (Gender)') }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved: Gender.').waitFor();
  await portal.shot(page, 'admin-disciplines');

  const expert = await portal.newPage();
  await portal.signIn(expert.page, accounts.expert);
  await expert.page.locator('nav[aria-label] a', { hasText: 'My profile' }).click();
  await expert.page.getByRole('checkbox', { name: 'Hydrogeology' }).waitFor();
  assert.equal(await expert.page.getByRole('checkbox', { name: 'Gender' }).count(), 0);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []); // the refused code
  assert.deepEqual(expert.problems, []);
});
