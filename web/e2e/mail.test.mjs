// Browser tests of mail: an official who forgot their password asks for a
// link on a phone, opens it from the mail, chooses a new password and is
// signed in; a user chooses their mails in French; the administrator sees the
// outbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal({ mail: true });

test('a forgotten password is reset from the mail, on a phone', async () => {
  const { page, problems } = await portal.newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${portal.base}/sign-in`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(accounts.expert);
  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await page.getByRole('status').getByText(/a link to choose a new password is on its way/).waitFor();
  await portal.shot(page, 'mail-reset-asked-phone');

  const mail = await portal.waitForMail(accounts.expert, (m) => /new password/.test(m.subject));
  assert.equal(mail.subject, 'Choose a new password for the CONNEX portal');
  const link = mail.text.match(/http:\/\/127\.0\.0\.1:\d+\/password-reset\/[A-Za-z0-9_-]+/)[0];
  await page.goto(link);
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await page.getByLabel('New password (at least 12 characters)').fill('short');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await page.locator('.field-error').waitFor();
  await portal.shot(page, 'mail-reset-refused-phone');
  await page.getByLabel('New password (at least 12 characters)').fill('a fresh passphrase for Elena');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  // Signed in: on a phone, the account is in the menu.
  await page.locator('.session .who').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  // The link served once.
  await page.goto(link);
  await page.getByText('This link is unknown, already used or expired.').waitFor();
  await portal.shot(page, 'mail-reset-used-phone');
  // The refused password (400) and the used link (404) are answers the page shows.
  assert.deepEqual(problems.filter((p) => !/status of (400|404)/.test(p)), []);
});

test('a user chooses their mails in French and the administrator sees them go', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/account`);
  await page.getByLabel('Language of the portal and of your mails').selectOption('fr');
  await page.getByLabel('Messages on a request').selectOption('digest');
  await page.getByRole('button', { name: 'Save mail settings' }).click();
  await page.getByText('Vos réglages de courriel ont été enregistrés.').waitFor();
  assert.equal(await page.getByLabel('Messages sur une demande').inputValue(), 'digest');
  await portal.shot(page, 'mail-settings-fr');
  // Back to English for the tests that follow: the account keeps the language.
  await portal.chooseLanguage(page, 'en');
  await page.getByRole('heading', { name: 'My account' }).waitFor();

  const admin = await portal.newPage();
  await portal.signIn(admin.page, accounts.admin);
  await admin.page.goto(`${portal.base}/mail`);
  await admin.page.getByRole('heading', { name: 'Mail on its way out' }).waitFor();
  await admin.page.getByText('Mails are sent from connex@mail.example.').waitFor();
  await admin.page.getByRole('cell', { name: accounts.coordinator }).first().waitFor();
  await portal.shot(admin.page, 'mail-outbox');
  await admin.page.setViewportSize({ width: 375, height: 812 });
  await portal.shot(admin.page, 'mail-outbox-phone');
  // Nothing wider than the phone but the table, which scrolls in its box.
  const overflow = await admin.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 375, `page is ${overflow} px wide`);
  assert.deepEqual([...problems, ...admin.problems], []);
});

test('an administrator deactivates a user, who is signed out at the next request, and adds an organisation', async () => {
  const user = await portal.newPage();
  await portal.signIn(user.page, accounts.funder);
  await user.page.goto(`${portal.base}/impact`);

  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.admin);
  await page.goto(`${portal.base}/people`);
  const row = page.getByRole('row', { name: /Fatima Funder/ });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await row.getByText('Deactivated: signed out everywhere, and cannot sign in.').waitFor();
  await portal.shot(page, 'people-deactivated');

  // The funder's next request finds no session: the portal asks them to sign in.
  await user.page.getByRole('link', { name: 'Home' }).click();
  await user.page.reload();
  await user.page.getByRole('link', { name: 'Sign in' }).waitFor();
  assert.equal(await user.page.getByRole('button', { name: 'Sign out' }).count(), 0);

  await page.goto(`${portal.base}/organisations`);
  const form = page.getByRole('form', { name: 'Add an organisation' });
  await form.getByLabel('Kind').selectOption('government');
  await form.getByLabel('Name').fill('Ministério dos Recursos Minerais e Energia');
  await form.getByLabel('Country (ISO code, such as GHA; required for a government)').fill('moz');
  await form.getByRole('button', { name: 'Add the organisation' }).click();
  await form.getByText('Ministério dos Recursos Minerais e Energia was added.').waitFor();
  await page.getByRole('textbox', { name: 'Name of Ministério dos Recursos Minerais e Energia' }).waitFor();
  await page.setViewportSize({ width: 375, height: 812 });
  await portal.shot(page, 'organisations-added-phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page fits the phone');
  assert.deepEqual([...problems, ...user.problems.filter((p) => !/status of 401/.test(p))], []);
});

test('a coordinator mails an invitation again, and only the new link opens it', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/people`);
  await page.getByLabel('Name', { exact: true }).fill('Kofi Boateng');
  await page.getByLabel('Email', { exact: true }).fill('kofi.boateng@mlnr.gov.gh');
  await page.getByLabel('Role', { exact: true }).selectOption('government');
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Ministry of Lands and Natural Resources' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const linkIn = (m) => m.text.match(/http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]+/)[0];
  const first = linkIn(await portal.waitForMail('kofi.boateng@mlnr.gov.gh'));

  // The mail went astray: the pending invitation is sent again from its row.
  const row = page.getByRole('listitem').filter({ hasText: 'kofi.boateng@mlnr.gov.gh' });
  await row.getByRole('button', { name: 'Send again to Kofi Boateng' }).click();
  await row.getByText(/Mailed again with a new link/).waitFor();
  await page.setViewportSize({ width: 375, height: 812 });
  await portal.shot(page, 'invitation-resent-phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page fits the phone');
  const second = linkIn(await portal.waitForMail('kofi.boateng@mlnr.gov.gh', (m) => linkIn(m) !== first));
  assert.notEqual(second, first);

  await page.goto(first);
  await page.getByText(/This invitation is unknown, already used or expired/).waitFor();
  await page.goto(second);
  await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
  // The old link's 404 is an answer the page shows.
  assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
});
