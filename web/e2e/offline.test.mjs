// A dropped connection loses nothing typed: a message or a request draft sent
// while offline is kept in the browser, the page says it waits, and it is sent
// as soon as the connection returns (waiting.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();

const keptInBrowser = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('connex.waiting.')).map((k) => localStorage.getItem(k)).join(''));

test('a message typed while the connection is down waits in the browser and is sent when it returns', async () => {
  const gov = await portal.apiAs(accounts.government);
  let r = await gov('POST', '/api/v1/requests', {
    entity: 'Minerals Commission', focal_points: [{ name: 'Kwame Mensah' }], project_name: 'Offline thread test',
    commodity: 'gold', counterparties: [{ name: 'Golden Ridge Ltd', affiliates: [] }], disciplines: ['legal'],
    phase: 'negotiation', language: 'en', background: 'Stability clause review',
  });
  r = await gov('POST', `/api/v1/requests/${r.id}/transitions`, { to: 'submitted', version: r.version });

  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.goto(`${portal.base}/requests/${r.id}`);
  await page.getByRole('heading', { name: 'Messages' }).waitFor();
  await page.context().setOffline(true);
  await page.getByLabel('Your message').fill('The signed annexes follow by courier.');
  await page.getByRole('button', { name: 'Send' }).click();
  const held = page.locator('ol.messages li.waiting-item');
  await held.waitFor();
  assert.match(await held.textContent(), /Waiting for the connection: sent as soon as it returns\.The signed annexes/);
  assert.match(await page.locator('.waiting-banner').textContent(), /1 item typed offline waits for the connection/);
  assert.equal(await page.getByLabel('Your message').inputValue(), '');
  assert.match(await keptInBrowser(page), /The signed annexes follow by courier\./);
  assert.equal((await gov('GET', `/api/v1/requests/${r.id}/messages`)).items.length, 0);
  await portal.shot(page, 'government-message-waiting');

  await page.context().setOffline(false);
  await page.locator('ol.messages li:not(.waiting-item)', { hasText: 'The signed annexes follow by courier.' }).waitFor();
  assert.equal(await held.count(), 0);
  assert.equal(await page.locator('.waiting-banner').count(), 0);
  assert.equal(await keptInBrowser(page), '');
  const sent = (await gov('GET', `/api/v1/requests/${r.id}/messages`)).items;
  assert.deepEqual(sent.map((m) => m.body), ['The signed annexes follow by courier.']);
  // A visitor's 401 aside, the only faults are the requests the dropped line failed.
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
});

test('a request draft saved while the connection is down is kept and saved when it returns, once', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.goto(`${portal.base}/requests/new`);
  await page.getByLabel('Project name').waitFor();
  await page.context().setOffline(true);
  await page.getByLabel('Ministry or agency').fill('Minerals Commission');
  await page.getByLabel('Project name').fill('Lithium brine concession, offline draft');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('The connection dropped. Your draft is kept in this browser and will be saved as soon as the connection returns.').waitFor();
  assert.match(await keptInBrowser(page), /Lithium brine concession, offline draft/);
  assert.match(await page.locator('.waiting-banner').textContent(), /1 item typed offline waits/);
  // Saved twice offline: one draft, as last typed.
  await page.getByLabel('Project name').fill('Lithium brine concession, kept offline');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForFunction(() => document.querySelector('.waiting-banner')?.textContent.includes('1 item'));
  await portal.shot(page, 'government-draft-waiting');

  await page.context().setOffline(false);
  await page.getByText('The connection is back: your draft was saved.').waitFor();
  assert.equal(await page.locator('.waiting-banner').count(), 0);
  const gov = await portal.apiAs(accounts.government);
  const mine = () => gov('GET', '/api/v1/requests').then((x) => x.items.filter((i) => i.project_name.startsWith('Lithium brine concession')));
  assert.deepEqual((await mine()).map((i) => i.project_name), ['Lithium brine concession, kept offline']);
  // Saving again online updates that draft; no second one appears.
  await page.getByLabel('Background').fill('Royalty and water rights');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Draft saved.').waitFor();
  assert.equal((await mine()).length, 1);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
});

test('a page whose code cannot load while offline says so and loads on "Try again"', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.context().setOffline(true);
  // The fiscal models' code has not been loaded yet in this browser.
  await page.locator('nav[aria-label] a', { hasText: 'Fiscal models' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This page could not be loaded: the connection dropped/);
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Fiscal models', level: 1 }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/.test(p)), []);
});
