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
  // The roster has cheaper fiscal modellers; the coordinator wants Elena, who
  // is eligible (never "not needed"), and requires her.
  const elena = page.locator('table.exclusions tr', { hasText: 'Elena Fiscal' });
  assert.equal(await elena.getAttribute('data-reason'), 'eligible');
  assert.match(await elena.textContent(), /eligible\s*(In option [\d, ]+, not in option 1\.|Not in any option)/);
  assert.equal(await page.locator('table.exclusions tr[data-reason="not_needed"]').count(), 0);
  await elena.getByRole('button', { name: 'Require' }).click();
  await page.getByText('Required: Elena Fiscal.').waitFor();
  await page.getByRole('button', { name: 'Propose teams' }).click();
  await page.locator('.option', { hasText: 'Elena Fiscal' }).first().waitFor();
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

// The date `n` days from today, as the server counts days (UTC).
const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

test('the demo request gets teams from the demo roster; slots are added, edited and removed; a slot no one can fill says what would help; a new scope version changes the slots', async () => {
  // The Senegalese demo request (gas, in French), taken to scoping.
  const co = await portal.apiAs(accounts.coordinator);
  const { items } = await co('GET', '/api/v1/requests');
  let r = await co('GET', `/api/v1/requests/${items.find((x) => x.project_name.startsWith('Offshore block C-12')).id}`);
  const move = async (to, extra = {}) => (r = await co('POST', `/api/v1/requests/${r.id}/transitions`, { to, version: r.version, ...extra }));
  await move('under_review');
  await co('PUT', `/api/v1/requests/${r.id}/due-diligence`, {
    human_rights: 'low', environmental: 'low', legal: 'low', reputational: 'low', decision: 'approve', version: 0,
  });
  await move('approved', { scope: { summary: 'Review of the draft PSC', disciplines: ['legal', 'fiscal_modelling', 'petroleum_engineering'] } });
  await move('scoping');

  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/requests/${r.id}`);
  await page.getByRole('heading', { name: 'Team builder' }).waitFor();
  const slots = page.locator('.team-builder fieldset .row');
  assert.equal(await slots.count(), 3);
  await page.getByLabel('Engagement from').fill(inDays(20));
  await page.getByLabel('to', { exact: true }).fill(inDays(50));
  await page.getByRole('button', { name: 'Propose teams' }).click();
  await page.getByRole('button', { name: 'Use this team' }).first().waitFor();
  assert.equal(await page.locator('.team-builder .option').count(), 3);
  // Both experts with an interest in Atlantic Gas are named as conflicted.
  for (const name of ['Awa Ndiaye', 'Olu Adeyemi']) {
    const row = page.locator('table.exclusions tr', { hasText: name });
    assert.equal(await row.getAttribute('data-reason'), 'conflict');
  }
  assert.equal(await page.locator('table.exclusions tr[data-reason="not_needed"]').count(), 0);
  await portal.shot(page, 'coordinator-team-builder-demo');

  // A fourth slot: two geologists who speak Portuguese. One is on the roster.
  await page.getByRole('button', { name: 'Add a slot' }).click();
  assert.equal(await slots.count(), 4);
  await page.locator('#slot-3-discipline').selectOption('geology');
  await page.locator('#slot-3-count').fill('2');
  await page.locator('#slot-3-language').selectOption('pt');
  await page.getByRole('button', { name: 'Propose teams' }).click();
  const shortfall = page.locator('.shortfalls li[data-kind="slot"]');
  await shortfall.waitFor();
  assert.equal(await page.locator('.team-builder .option').count(), 0);
  const said = await shortfall.textContent();
  assert.match(said, /Slot 4 \(Geology, Portuguese\) needs 2 experts, and only 1 eligible expert is free\./);
  assert.match(said, /Drop the language this slot asks for: 3 more experts would qualify\./);
  assert.match(said, /Or ask for fewer experts in this slot\./);
  await portal.shot(page, 'coordinator-team-builder-shortfall');
  await page.setViewportSize({ width: 375, height: 812 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'the builder fits a phone');
  await portal.shot(page, 'coordinator-team-builder-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Removed again, the slot no longer blocks the team.
  await page.getByRole('button', { name: 'Remove slot 4' }).click();
  assert.equal(await slots.count(), 3);
  // The answer about slot 4 no longer holds, and goes with it.
  assert.equal(await page.locator('.shortfalls').count(), 0);
  await page.getByRole('button', { name: 'Propose teams' }).click();
  await page.getByRole('button', { name: 'Use this team' }).first().waitFor();

  // A new scope version drops the legal review and adds geology; the builder
  // starts again from the new disciplines, and the version says what changed.
  await page.getByRole('button', { name: 'New scope version' }).click();
  await page.locator('.panel fieldset', { hasText: 'Disciplines' }).getByLabel('Legal').uncheck();
  await page.locator('.panel fieldset', { hasText: 'Disciplines' }).getByLabel('Geology').check();
  await page.locator('#scope-reason').fill('The ministry handles the legal review itself');
  await page.getByRole('button', { name: 'Save the new version' }).click();
  await page.locator('ol.versions li li', { hasText: 'Disciplines: + Geology − Legal' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.team-builder fieldset .row').length === 3
    && document.querySelector('#slot-2-discipline')?.value === 'geology');
  assert.equal(await page.locator('#slot-0-discipline').inputValue(), 'fiscal_modelling');
  await page.getByText('Disciplines: Fiscal modelling, Petroleum engineering, Geology').waitFor();
  await page.locator('ol.timeline li', { hasText: 'Scope version 2: The ministry handles the legal review itself' }).waitFor();
  await page.locator('ol.timeline li', { hasText: 'Scope version 1: agreed at approval' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a coordinator searches the roster and imports a CSV whose bad rows are listed and nothing imported', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.locator('nav[aria-label] a', { hasText: 'Roster' }).click();
  await page.getByRole('heading', { name: 'Roster' }).waitFor();
  await page.getByLabel('Discipline').selectOption('geology');
  // The filtered list replaces the full one (33 experts) when its answer
  // arrives: the demo roster's four geologists.
  await page.waitForFunction(() => document.querySelectorAll('main tbody tr').length === 4);
  assert.match(await page.locator('main tbody').textContent(), /Tom Engineer/);
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
  // A change begun in another row outlives the addition's save.
  await page.getByLabel('Offered (Gender)').uncheck();
  await page.getByLabel('New code').fill('hydrogeology');
  await page.getByLabel('English label', { exact: false }).last().fill('Hydrogeology');
  await page.getByLabel('French label', { exact: false }).last().fill('Hydrogéologie');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByText('Saved: Hydrogeology.').waitFor();
  assert.equal(await page.getByLabel('Offered (Gender)').isChecked(), false);
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
