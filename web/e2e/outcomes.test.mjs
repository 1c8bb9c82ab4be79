// Browser tests of what the support leaves behind: a coordinator refers a
// request to another provider with the government's consent, records the
// provider's answer, and the government reads where its request went; a
// lesson goes from the team's draft, flagged for naming its country, through
// an edit and another member's approval into the resource hub, where a
// visitor finds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();

test('a coordinator refers a request to a provider with the government\'s consent, and the government sees it', async () => {
  const r = await portal.engagement('Bogoso gold lease', 'active');
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/requests/${r.id}`);
  const section = page.getByRole('region', { name: 'Referrals to other providers' });
  await section.getByText('This request has not been referred to another provider.').waitFor();
  await section.getByRole('button', { name: 'Refer to another provider' }).click();
  const form = section.getByRole('form', { name: 'Refer to another provider' });
  const provider = form.getByLabel('Provider (from the directory)');
  await provider.locator('option').nth(1).waitFor({ state: 'attached' });
  const name = (await provider.locator('option').nth(1).textContent()).trim();
  await provider.selectOption({ index: 1 });
  await form.getByLabel('What is referred').selectOption('phase');
  await form.getByLabel('Phase', { exact: true }).selectOption('implementation');
  await form.getByLabel('What is asked of the provider, and why').fill('Monitoring of the community development agreement.');
  // Without consent the referral is refused, the field named.
  await form.getByRole('button', { name: 'Refer the request' }).click();
  await form.getByText('Record the government\'s consent first').waitFor();
  assert.equal(problems.splice(0).length, 1); // the 400 in the console is expected
  await form.getByLabel('The government consented to this referral').check();
  await form.getByLabel('How it consented (a letter, a call, a meeting, and its date)').fill('Letter of the Minister, 3 November');
  await form.getByRole('button', { name: 'Refer the request' }).click();
  const item = section.locator('li', { hasText: name });
  await item.getByText('Proposed', { exact: true }).waitFor();
  await item.getByText('the Implementation phase').waitFor();
  const answer = item.getByRole('form', { name: `The answer of ${name}` });
  await answer.getByLabel('What the provider answered or did').fill('Mission planned for January.');
  await answer.getByRole('button', { name: 'The provider accepted' }).click();
  await item.getByText('Accepted', { exact: true }).waitFor();
  await item.getByText('Mission planned for January.').waitFor();
  await portal.shot(page, 'referral');
  assert.deepEqual(problems, []);

  // Kwame reads where his request went; no form for him.
  const gov = await portal.newPage();
  await portal.signIn(gov.page, accounts.government);
  await gov.page.goto(`${portal.base}/requests/${r.id}`);
  const mine = gov.page.getByRole('region', { name: 'Referrals to other providers' });
  await mine.getByText(name).waitFor();
  await mine.getByText('Letter of the Minister, 3 November').waitFor();
  assert.equal(await mine.getByRole('button').count(), 0);
  assert.deepEqual(gov.problems, []);
});

test('a lesson goes from the team\'s draft, flagged, through review into the resource hub', async () => {
  const r = await portal.engagement('Wassa gold lease');
  const team = await portal.newPage();
  await portal.signIn(team.page, accounts.expert);
  await team.page.goto(`${portal.base}/requests/${r.id}`);
  const lessons = team.page.getByRole('region', { name: 'Lessons learned' });
  await lessons.getByRole('button', { name: 'Write a lesson' }).click();
  const form = lessons.getByRole('form', { name: 'Write a lesson' });
  await form.getByLabel('Title').fill('Bring the fiscal model to the first round');
  await form.getByLabel('Roadmap stage it serves').selectOption('negotiating');
  await form.getByLabel('What worked', { exact: true }).fill('The Ghanaian officials answered the royalty offer in two days with the model.');
  await form.getByLabel('What did not work').fill('Production data arrived late.');
  await form.getByRole('button', { name: 'Save the lesson' }).click();
  const item = lessons.locator('li', { hasText: 'Bring the fiscal model to the first round' });
  await item.getByText('“Ghana” (the country) in What worked').waitFor();
  await item.getByRole('button', { name: 'Send to review' }).click();
  await item.getByText('In review').waitFor();
  await portal.shot(team.page, 'lesson-flagged');
  assert.deepEqual(team.problems, []);

  // The coordinator takes the country out; approving needs another member.
  const desk = await portal.newPage();
  await portal.signIn(desk.page, accounts.coordinator);
  await desk.page.goto(`${portal.base}/requests/${r.id}`);
  const unit = desk.page.getByRole('region', { name: 'Lessons learned' });
  const draft = unit.locator('li', { hasText: 'Bring the fiscal model to the first round' });
  await draft.getByRole('button', { name: 'Edit' }).click();
  const edit = unit.getByRole('form', { name: 'Edit “Bring the fiscal model to the first round”' });
  await edit.getByLabel('What worked', { exact: true }).fill('The officials answered the royalty offer in two days with the model.');
  await edit.getByRole('button', { name: 'Save the lesson' }).click();
  await draft.getByRole('button', { name: 'Approve and publish in the resource hub' }).click();
  await draft.getByText('Another member of the Support Unit must approve this lesson').waitFor();
  assert.equal(desk.problems.splice(0).length, 1); // the 403 in the console is expected

  const admin = await portal.newPage();
  await portal.signIn(admin.page, accounts.admin);
  await admin.page.goto(`${portal.base}/requests/${r.id}`);
  const approved = admin.page.getByRole('region', { name: 'Lessons learned' }).locator('li', { hasText: 'Bring the fiscal model' });
  await approved.getByRole('button', { name: 'Approve and publish in the resource hub' }).click();
  await approved.getByText('Published').waitFor();
  const href = await approved.getByRole('link', { name: 'Read it in the resource hub' }).getAttribute('href');

  // A visitor finds it by search, as a lesson of the negotiating stage.
  const visitor = await portal.newPage();
  await visitor.page.goto(`${portal.base}/hub?q=${encodeURIComponent('royalty offer in two days')}`);
  await visitor.page.locator('ol.hits > li a', { hasText: 'Bring the fiscal model to the first round' }).click();
  await visitor.page.waitForURL(`**${href}*`);
  await visitor.page.getByText('Lesson learned').first().waitFor();
  await visitor.page.getByText('What did not work').first().waitFor();
  assert.equal(await visitor.page.getByText('Wassa').count(), 0);
  await portal.shot(visitor.page, 'lesson-in-hub');
  assert.deepEqual(visitor.problems, []);
  assert.deepEqual(admin.problems, []);
  assert.deepEqual(desk.problems, []);
});
