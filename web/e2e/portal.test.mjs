// Browser tests: Debian's chromium driven by playwright-core against a real
// `connex serve` (demo accounts, the built web app). Each page visited is
// saved as a screenshot under $SCREENSHOT_DIR (default web/e2e-output/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { accounts, shots, usePortal } from './harness.mjs';

// What each role's navigation must show, in order.
const navigation = {
  public: ['Home', 'Resource hub', 'Roadmap', 'Support providers', 'Training', 'Ask for support'],
  government: ['Home', 'Resource hub', 'Roadmap', 'Support providers', 'Training', 'Requests', 'Fiscal models', 'Monitoring', 'Organisations', 'My account'],
  expert: ['Home', 'Resource hub', 'Roadmap', 'Support providers', 'Training', 'Requests', 'Fiscal models', 'My profile', 'Organisations', 'My account'],
  coordinator: ['Home', 'Resource hub', 'Roadmap', 'Support providers', 'Training', 'Requests', 'Fiscal models', 'Monitoring', 'Roster', 'Organisations', 'People', 'Response times', 'Impact', 'My account'],
  admin: ['Home', 'Resource hub', 'Roadmap', 'Support providers', 'Training', 'Requests', 'Fiscal models', 'Monitoring', 'Roster', 'Organisations', 'People', 'Response times', 'Impact', 'Disciplines', 'Audit log', 'Mail', 'My account'],
  funder: ['Home', 'Resource hub', 'Roadmap', 'Support providers', 'Training', 'Impact', 'My account'],
};

const portal = usePortal();
const newPage = () => portal.newPage();
const signIn = (page, email) => portal.signIn(page, email);

async function navLabels(page) {
  return page.locator('nav[aria-label] a').allTextContents();
}

test('a visitor sees the public home page and only the public navigation', async () => {
  const { page, problems } = await newPage();
  await page.goto(portal.base);
  await page.getByRole('heading', { name: 'Better contracts for governments' }).waitFor();
  assert.deepEqual(await navLabels(page), navigation.public);
  assert.ok(await page.getByRole('heading', { name: 'How to ask for support' }).isVisible());
  await page.screenshot({ path: join(shots, 'home-public.png'), fullPage: true });
  // A staff page asks a visitor to sign in; it shows nothing of the page itself.
  await page.goto(`${portal.base}/people`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.deepEqual(problems, []);
});

for (const [role, email] of Object.entries(accounts)) {
  test(`${role}: signs in, sees the ${role} navigation, opens every page`, async () => {
    const { page, problems } = await newPage();
    await signIn(page, email);
    assert.deepEqual(await navLabels(page), navigation[role]);
    for (const label of navigation[role]) {
      await page.locator('nav[aria-label] a', { hasText: label }).click();
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const name = label.toLowerCase().replace(/\s+/g, '-');
      await page.screenshot({ path: join(shots, `${role}-${name}.png`), fullPage: true });
    }
    if (role === 'government') {
      // Only its own organisation.
      await page.locator('nav[aria-label] a', { hasText: 'Organisations' }).click();
      await page.locator('main tbody tr').first().waitFor();
      assert.equal(await page.locator('main tbody tr').count(), 1);
      // A page of another role is not there for it.
      await page.goto(`${portal.base}/audit`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    assert.deepEqual(problems, []);
  });
}

test('admin: the audit check says the chain is intact and anchored, on a phone too', async () => {
  const { page, problems } = await newPage();
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, accounts.admin);
  await page.goto(`${portal.base}/audit`);
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  const status = page.getByRole('status');
  await status.waitFor();
  // The portal anchors the log when it starts, so the check always has an anchor.
  assert.match(await status.textContent(), /The chain is intact: \d+ entries\. The log still holds the \d+ entries its anchor recorded at \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC\./);
  // Times read as people write them, and people by their names.
  const log = await page.locator('table').first().textContent();
  assert.doesNotMatch(log, /\d{4}-\d\d-\d\dT\d\d/);
  assert.doesNotMatch(log, /usr_[0-9a-f]{8}/);
  await portal.shot(page, 'admin-audit-verified-phone');
  assert.deepEqual(problems, []);
});

test('wrong password: the message shows on the form', async () => {
  const { page } = await newPage();
  await page.goto(`${portal.base}/sign-in`);
  await page.getByLabel('Email').fill('admin@connex.example');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /The e-mail address or the password is wrong\./);
});

test('the language switch turns the whole page French, and it is remembered', async () => {
  const { page, problems } = await newPage();
  await signIn(page, accounts.coordinator);
  await portal.chooseLanguage(page, 'fr');
  await page.getByRole('heading', { name: 'De meilleurs contrats pour les gouvernements' }).waitFor();
  assert.deepEqual(await navLabels(page), ['Accueil', 'Centre de ressources', 'Feuille de route', "Fournisseurs d'appui", 'Formation', 'Demandes', 'Modèles fiscaux', 'Suivi', "Fichier d'experts", 'Organisations', 'Personnes', 'Délais de réponse', 'Impact', 'Mon compte']);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.title(), /Appui aux négociations/);
  await page.screenshot({ path: join(shots, 'coordinator-home-fr.png'), fullPage: true });
  await page.locator('nav[aria-label] a', { hasText: 'Personnes' }).click();
  await page.getByRole('heading', { name: 'Inviter quelqu’un' }).waitFor();
  await page.screenshot({ path: join(shots, 'coordinator-people-fr.png'), fullPage: true });
  await page.reload();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(shots, 'coordinator-people-fr-reloaded.png'), fullPage: true });
  await page.getByRole('heading', { name: 'Personnes', exact: true }).waitFor({ timeout: 10000 });
  // Kept in the account: signed in afresh, the coordinator reads French.
  const again = await newPage();
  await signIn(again.page, accounts.coordinator);
  await again.page.waitForFunction(() => document.documentElement.lang === 'fr');
  await portal.chooseLanguage(again.page, 'en');
  await again.page.getByRole('heading', { name: 'Better contracts for governments' }).waitFor();
  assert.deepEqual([...problems, ...again.problems], []);
});

test('an invitation made on the People page is accepted and the new expert signs in', async () => {
  const { page } = await newPage();
  await signIn(page, accounts.coordinator);
  await page.locator('nav[aria-label] a', { hasText: 'People' }).click();
  await page.getByLabel('Name').fill('Nadia Browser');
  await page.getByLabel('Email').fill('nadia.browser@example.org');
  await page.getByLabel('Role').selectOption('expert');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const link = await page.locator('code.invite-link').textContent();
  assert.match(link, /\/invitation\/[A-Za-z0-9_-]+$/);
  const invitee = await newPage();
  await invitee.page.goto(portal.base + new URL(link).pathname);
  await invitee.page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
  await invitee.page.screenshot({ path: join(shots, 'invitation.png'), fullPage: true });
  await invitee.page.getByLabel(/Choose a password/).fill('short');
  await invitee.page.getByRole('button', { name: 'Create my account' }).click();
  await invitee.page.locator('.field-error').waitFor();
  await invitee.page.getByLabel(/Choose a password/).fill('a strong browser passphrase');
  await invitee.page.getByRole('button', { name: 'Create my account' }).click();
  await invitee.page.getByRole('status').waitFor();
  await invitee.page.getByRole('link', { name: 'Sign in' }).first().click();
  await invitee.page.getByLabel('Email').fill('nadia.browser@example.org');
  await invitee.page.getByLabel('Password').fill('a strong browser passphrase');
  await invitee.page.getByRole('button', { name: 'Sign in' }).click();
  await invitee.page.getByText('Nadia Browser · Expert').waitFor();
});

test('on a phone the header is one line with a menu, and the hub shows its first result on the first screen', async () => {
  const { page, problems } = await portal.newPage({ viewport: { width: 375, height: 812 } });
  await page.goto(`${portal.base}/hub?q=royalty`);
  const first = page.locator('ol.hits li').first();
  await first.waitFor();
  assert.ok((await first.evaluate((e) => e.getBoundingClientRect().top)) < 812, 'the first result is on the first screen');
  assert.ok((await page.locator('header').evaluate((e) => e.getBoundingClientRect().height)) < 80, 'the header is one line');
  await portal.shot(page, 'hub-phone');
  await signIn(page, accounts.coordinator);
  await page.goto(`${portal.base}/requests`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('nav[aria-label] a', { hasText: 'Fiscal models' }).isVisible(), false);
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.locator('nav[aria-label] a', { hasText: 'Fiscal models' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fiscal models' }).waitFor();
  // Opening a page closes the menu.
  assert.equal(await page.locator('nav[aria-label] a', { hasText: 'Monitoring' }).isVisible(), false);
  await portal.shot(page, 'models-phone');
  assert.deepEqual(problems, []);
});
