// Browser test of the feedback survey: an engagement closes; the Ghanaian
// focal point is asked, sees each missing rating named, answers, and the
// request is evaluated; the Support Unit reads the answer on the request and
// its impact dashboard reflects it; a funder reads the dashboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();

test('a government answers the feedback survey of a closed engagement and the Support Unit reads it', async () => {
  // Two engagements answered before, through the API: two answers are too
  // few for the dashboard to show any rating.
  const gov = await portal.apiAs(accounts.government);
  for (const [project, quality] of [['Obuasi gold lease', 4], ['Damang gold lease', 3]]) {
    const done = await portal.engagement(project);
    await gov('POST', `/api/v1/requests/${done.id}/feedback`, { version: done.version, quality, timeliness: 4, independence: 5, multidisciplinarity: 4, capacity_built: 3, value_added: quality, estimated_added_value: 40e6 });
  }
  const desk = await portal.newPage();
  await portal.signIn(desk.page, accounts.coordinator);
  await desk.page.goto(`${portal.base}/impact`);
  const satisfaction = desk.page.getByRole('region', { name: 'Satisfaction' });
  await satisfaction.getByText('Fewer than 3 surveys answered').waitFor();
  assert.equal(await desk.page.locator('dd[data-figure="answered"]').textContent(), '2');

  const r = await portal.engagement('Tarkwa gold lease');
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.goto(`${portal.base}/requests/${r.id}`);
  const survey = page.getByRole('region', { name: 'Feedback on the support' });
  await survey.getByRole('button', { name: 'Send the feedback' }).waitFor();
  // Evaluation comes from the survey, not from a button of its own.
  assert.equal(await page.getByRole('button', { name: 'Move to: Evaluated' }).count(), 0);
  // Unanswered ratings are named where they are.
  await survey.getByRole('group', { name: 'Quality of the advice' }).getByLabel('5 — excellent').check();
  await survey.getByRole('button', { name: 'Send the feedback' }).click();
  await survey.getByRole('group', { name: 'Timeliness' }).locator('.field-error').waitFor();
  assert.equal(await survey.locator('fieldset.rating .field-error').count(), 5);
  problems.splice(0); // the refusal's 400 in the console is expected
  const scores = { Timeliness: '4', 'Independence of the advisers': '5 — excellent', 'Range of expertise': '4', 'Capacity built in your team': '3', 'Value added to the contract': '5 — excellent' };
  for (const [question, score] of Object.entries(scores)) {
    await survey.getByRole('group', { name: question }).getByLabel(score, { exact: true }).check();
  }
  await survey.getByLabel('Comments').fill('The fiscal model changed the royalty discussion.');
  // The amount as people write it, in dollars: words are refused at the field,
  // a grouped figure is read back in millions before it is sent.
  const estimate = survey.getByLabel('Estimated added revenue for the state, in US dollars (optional)');
  await estimate.fill('about 45m');
  await survey.getByRole('button', { name: 'Send the feedback' }).click();
  await survey.getByText('Enter the amount in US dollars in figures, e.g. 45 000 000.').waitFor();
  await estimate.fill('120,000,000');
  await survey.getByText('That is USD 120 million.').waitFor();
  await portal.shot(page, 'feedback-survey');
  await survey.getByRole('button', { name: 'Send the feedback' }).click();
  await page.locator('dd.state[data-state="evaluated"]').waitFor();
  await survey.getByText('The fiscal model changed the royalty discussion.').waitFor();
  assert.match(await survey.locator('table').textContent(), /Quality of the advice\s*5 out of 5.*Capacity built in your team\s*3 out of 5.*Estimated added revenue\s*USD 120 million/s);
  assert.deepEqual(problems, []);

  // The Support Unit reads the answer on the request.
  await desk.page.goto(`${portal.base}/requests/${r.id}`);
  const read = desk.page.getByRole('region', { name: 'Feedback on the support' });
  await read.getByText('The fiscal model changed the royalty discussion.').waitFor();
  assert.match(await read.textContent(), /Timeliness\s*4 out of 5/);
  await portal.shot(desk.page, 'feedback-read-by-the-unit');

  // The coordinator's dashboard now has three answers and shows the ratings:
  // quality 4, 3 and 5 make 4.0; the revenue 40 + 40 + 120 million.
  await desk.page.goto(`${portal.base}/impact`);
  const rated = desk.page.getByRole('region', { name: 'Satisfaction' });
  await rated.getByText('Mean rating over 3 answered surveys').waitFor();
  assert.equal(await desk.page.locator('dd[data-figure="answered"]').textContent(), '3');
  assert.match(await rated.textContent(), /Quality of the advice\s*4\.0 out of 5/);
  assert.match(await rated.textContent(), /Capacity built in your team\s*3\.0 out of 5/);
  assert.match(await rated.textContent(), /USD\s*3\s*200 million\s*40 million/);
  // One Senegalese request (the demo's) beside three from Ghana: both hidden.
  const countries = desk.page.getByRole('region', { name: 'Country' });
  assert.match(await countries.textContent(), /GHA\s*hidden\s*hidden/);
  await desk.page.getByRole('region', { name: 'Requests over time' }).locator('svg rect').first().waitFor();
  await portal.shot(desk.page, 'impact-dashboard');
  // A filter that leaves fewer than three requests shows nothing.
  await desk.page.getByRole('textbox', { name: 'Country' }).fill('SEN');
  await desk.page.getByRole('button', { name: 'Show' }).click();
  await desk.page.getByText('Fewer than 3 requests match these filters').waitFor();
  // The workbook of the same figures downloads.
  await desk.page.getByRole('textbox', { name: 'Country' }).fill('');
  await desk.page.getByRole('button', { name: 'Show' }).click();
  const [download] = await Promise.all([desk.page.waitForEvent('download'), desk.page.getByText('Download Excel').click()]);
  assert.equal(download.suggestedFilename(), 'impact.xlsx');
  assert.deepEqual(desk.problems, []);

  // A funder reads the dashboard and has no way to any request.
  const board = await portal.newPage();
  await portal.signIn(board.page, accounts.funder);
  await board.page.goto(`${portal.base}/impact`);
  await board.page.getByText('Mean rating over 3 answered surveys').waitFor();
  const nav = board.page.getByRole('navigation', { name: 'Main navigation' });
  assert.equal(await nav.getByRole('link', { name: 'Requests' }).count(), 0);
  await board.page.goto(`${portal.base}/requests/${r.id}`);
  await board.page.getByText('not found', { exact: false }).first().waitFor();
  assert.equal(await board.page.getByText('Tarkwa').count(), 0);
  board.problems.splice(0); // the request's 404 in the console is expected
});
