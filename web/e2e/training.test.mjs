// Browser test of capacity building: the Support Unit creates a course with a
// hub guide as material and a session; the public catalog lists it; a
// Ghanaian official's ministry nominates them; the Support Unit records the
// session as held and their completion; the certificate prints, and a
// visitor holding its link reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();

// The date `n` days from today, as the server counts days (UTC).
const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

test('a course goes from the catalog to a printed certificate', async () => {
  const desk = await portal.newPage();
  await portal.signIn(desk.page, accounts.coordinator);
  await desk.page.goto(`${portal.base}/training`);
  const form = desk.page.getByRole('form', { name: 'New course' });
  await form.getByLabel('Title').fill('Monitoring signed mining contracts');
  await form.getByLabel('What it teaches').fill('Payments, local content and reporting duties after signature.');
  await form.getByLabel('Who it is for').fill('officials of mining ministries');
  await form.getByLabel('Teaching hours').fill('18');
  await form.getByLabel('Search the hub for guides and contracts').fill('Monitoring a signed contract');
  await form.getByRole('button', { name: 'Find' }).click();
  await form.getByRole('button', { name: /^Add Monitoring a signed contract/ }).click();
  await form.getByRole('button', { name: 'Create the course' }).click();
  await desk.page.getByRole('heading', { level: 1, name: 'Monitoring signed mining contracts' }).waitFor();
  const courseUrl = desk.page.url();
  await desk.page.getByLabel('Published in the public catalog').check();

  const session = desk.page.getByRole('form', { name: 'Add a session' });
  await session.getByLabel('First day').fill(inDays(14));
  await session.getByLabel('Last day (empty: one day)').fill(inDays(16));
  await session.getByLabel('Place (city and venue, or the online platform)').fill('Accra, GIMPA');
  await session.getByLabel('Trainers (separated by commas)').fill('Efua Sutherland, Jean Diouf');
  await session.getByLabel('Seats (empty: no limit)').fill('20');
  await session.getByRole('button', { name: 'Add the session' }).click();
  await desk.page.getByText('Trainers: Efua Sutherland, Jean Diouf').waitFor();

  // The public catalog lists it, with its session and material.
  const visitor = await portal.newPage();
  await visitor.page.goto(`${portal.base}/training`);
  const card = visitor.page.getByRole('article', { name: 'Monitoring signed mining contracts' });
  await card.getByText('Accra, GIMPA').waitFor();
  await card.getByText('18 hours').waitFor();
  await card.getByRole('link', { name: /Monitoring a signed contract/ }).waitFor();
  await portal.shot(visitor.page, 'training-catalog');

  // Ghana's focal point nominates an official.
  const gov = await portal.newPage();
  await portal.signIn(gov.page, accounts.government);
  await gov.page.goto(courseUrl);
  const nominate = gov.page.getByRole('form', { name: /^Nominate for the session/ });
  await nominate.getByLabel('Name').fill('Ama Owusu');
  await nominate.getByLabel('Email').fill('ama.owusu@mlnr.gov.gh');
  await nominate.getByLabel('Position').fill('Principal Analyst');
  await nominate.getByRole('button', { name: 'Nominate' }).click();
  await gov.page.getByRole('cell', { name: /Ama Owusu/ }).waitFor();

  // Too soon to mark it held: a certificate is never dated before its course.
  await desk.page.reload();
  await desk.page.getByLabel('Session status').selectOption('held');
  await desk.page.getByRole('alert').getByText(`A session can be marked held from its last day (${inDays(16)}) on.`).waitFor();
  // The days go by (moved through the API, as time would): it took place until today.
  const api = await portal.apiAs(accounts.coordinator);
  const { sessions: [held] } = await api('GET', `/api/v1/training/courses/${courseUrl.split('/').pop()}`);
  const { id, course_id: _c, days: _d, ...fields } = held;
  await api('PUT', `/api/v1/training/sessions/${id}`, { ...fields, starts_on: inDays(-2), ends_on: inDays(0) });

  // The Support Unit: the session was held, Ama attended the three days and completed.
  await desk.page.reload();
  await desk.page.getByLabel('Session status').selectOption('held');
  const attendance = desk.page.getByRole('form', { name: 'Attendance of Ama Owusu' });
  await attendance.getByLabel('Days attended (of 3)').fill('3');
  await attendance.getByLabel('Completed').check();
  await attendance.getByRole('button', { name: 'Save' }).click();
  await desk.page.getByRole('link', { name: 'Certificate of Ama Owusu' }).click();
  const certificate = desk.page.getByRole('article', { name: 'Certificate of completion' });
  await certificate.getByText('Ama Owusu', { exact: true }).waitFor();
  await certificate.getByText('Monitoring signed mining contracts').waitFor();
  await certificate.getByText('Attended 3 of 3 days').waitFor();
  const certificateUrl = desk.page.url();
  await desk.page.emulateMedia({ media: 'print' });
  assert.equal(await desk.page.locator('nav').isVisible(), false);
  await portal.shot(desk.page, 'training-certificate');
  // The refusal provoked above is the only failed request.
  assert.deepEqual(desk.problems.filter((p) => !/status of 400/.test(p)), []);

  // The official's ministry sees the certificate link; anyone with it reads it.
  await gov.page.reload();
  await gov.page.getByRole('link', { name: 'Certificate of Ama Owusu' }).waitFor();
  await visitor.page.goto(certificateUrl);
  await visitor.page.getByRole('article', { name: 'Certificate of completion' }).getByText('Principal Analyst', { exact: false }).waitFor();
  // Its date is written out, as the reader's language writes it.
  const today = new Date().toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  await visitor.page.getByText(`Issued on ${today}`).waitFor();
  const french = await portal.newPage({ locale: 'fr-FR' });
  await french.page.goto(certificateUrl);
  const certificat = french.page.getByRole('article', { name: 'Certificat de formation' });
  await certificat.getByText(/Délivré le \d{1,2}(er)? [a-zéû]+ \d{4}/).waitFor();
  assert.deepEqual(gov.problems, []);
  assert.deepEqual(visitor.problems, []);
  assert.deepEqual(french.problems, []);
});
