// Browser tests of the portal's four languages: a visitor reads the first of
// their browser's languages the portal speaks; the switch offers English,
// French, Spanish and Portuguese and is remembered; a signed-in user's choice
// is kept in the account, which the next sign-in reads; dates and numbers
// follow the language. Screenshots of main pages in Spanish and Portuguese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();
// A language's words arrive after the page: wait for the page to read in it.
const readsIn = (page, lang) => page.waitForFunction((l) => document.documentElement.lang === l, lang);

test('a visitor whose browser reads Portuguese gets the portal in Portuguese, on a phone too', async () => {
  const { page, problems } = await portal.newPage({ locale: 'pt-MZ' });
  await page.goto(portal.base);
  await page.getByRole('heading', { name: 'Melhores contratos para os governos' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'pt');
  await portal.shot(page, 'home-pt');
  await page.setViewportSize({ width: 375, height: 812 });
  await portal.shot(page, 'home-pt-phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page fits the phone');
  // The switch names each language in itself.
  const switcher = page.getByLabel('Língua', { exact: true });
  assert.deepEqual(await switcher.locator('option').allTextContents(), ['English', 'Français', 'Español', 'Português']);
  assert.deepEqual(problems, []);
});

test('a Spanish-reading visitor switches to Portuguese and the choice stays after a reload', async () => {
  const { page, problems } = await portal.newPage({ locale: 'es-BO' });
  await page.goto(`${portal.base}/hub`);
  await readsIn(page, 'es');
  // The codelists' words too: clause categories and contract types.
  await page.locator('option', { hasText: 'Regalías' }).first().waitFor({ state: 'attached' });
  await page.locator('option', { hasText: 'Contrato de participación en la producción' }).first().waitFor({ state: 'attached' });
  await portal.shot(page, 'hub-es');
  await portal.chooseLanguage(page, 'pt');
  await page.reload();
  await page.locator('#language-switch').waitFor();
  await readsIn(page, 'pt');
  await portal.shot(page, 'hub-pt');
  assert.deepEqual(problems, []);
});

test('a coordinator reads Spanish, with numbers and dates as Spanish writes them, and the account keeps it', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.coordinator);
  await portal.chooseLanguage(page, 'es');
  await page.getByRole('link', { name: 'Solicitudes', exact: true }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await portal.shot(page, 'requests-es');
  await page.goto(`${portal.base}/impact`);
  await page.getByRole('heading', { name: 'Impacto del apoyo' }).waitFor();
  await portal.shot(page, 'impact-es');
  await page.goto(`${portal.base}/people`);
  await page.getByRole('heading', { name: 'Personas', exact: true }).waitFor();
  await portal.shot(page, 'people-es');

  // Kept in the account: a new browser, signed in, reads Spanish at once.
  const api = await portal.apiAs(accounts.coordinator);
  assert.equal((await api('GET', '/api/v1/account/mail')).language, 'es');
  const again = await portal.newPage();
  await portal.signIn(again.page, accounts.coordinator);
  await readsIn(again.page, 'es');
  await again.page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
  // Back to English for whoever signs in next with this account.
  await portal.chooseLanguage(again.page, 'en');
  await again.page.getByRole('button', { name: 'Sign out' }).waitFor();
  assert.deepEqual([...problems, ...again.problems], []);
});

test('counts are written as each language writes them: one document, several documents', async () => {
  const { page, problems } = await portal.newPage({ locale: 'en-GB' });
  await page.goto(`${portal.base}/hub?q=Kafue`);
  await page.getByText('1 document found.').waitFor();
  await portal.chooseLanguage(page, 'fr');
  await page.getByText('1 document trouvé.').waitFor();
  await portal.chooseLanguage(page, 'es');
  await page.getByText('1 documento encontrado.').waitFor();
  await page.goto(`${portal.base}/hub?q=Sample`);
  await page.getByText(/^\d+ documentos encontrados\./).waitFor();
  await portal.chooseLanguage(page, 'pt');
  await page.getByText(/^\d+ documentos encontrados\./).waitFor();
  // None found is said in words.
  await portal.chooseLanguage(page, 'fr');
  await page.goto(`${portal.base}/hub?q=xylophone`);
  await page.getByText('Aucun document trouvé.').waitFor();
  await portal.chooseLanguage(page, 'en');
  assert.deepEqual(problems, []);
});
