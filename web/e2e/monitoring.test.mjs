// Browser test of the obligations register: a Senegalese official starts from
// the published contract in the hub, registers it for monitoring, draws the
// royalty obligation from its annotations, sees the past due dates overdue,
// records one with its evidence, and finds the rest on the overdue list and
// the calendar. Another government (Ghana, whose demo register holds its own
// contract) does not find it at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { accounts, shots, usePortal } from './harness.mjs';

const portal = usePortal();

// YYYY-MM-DD of the last day of the month `offset` months from this one.
function monthEnd(offset) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + offset + 1, 0);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Waits until an input holds `expected` (forms fill after their data arrives); its value.
async function valueOf(input, expected, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await input.inputValue();
    if (expected instanceof RegExp ? expected.test(value) : value === expected) return value;
    if (Date.now() > until) assert.fail(`input holds "${value}", not ${expected}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

test('a government registers a published contract, draws an obligation from its annotations and records a payment', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, 'focal.senegal@connex.example');
  // Aminata's account reads French; this walk reads English.
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await portal.chooseLanguage(page, 'en');
  await page.goto(`${portal.base}/hub?q=Fal%C3%A9m%C3%A9`);
  await page.locator('ol.hits > li a', { hasText: 'Falémé' }).first().click();
  await page.getByRole('link', { name: "Monitor this contract's obligations" }).click();

  // The register form arrives filled from the hub record.
  const form = page.getByRole('form', { name: 'Register a signed contract' });
  await form.getByText('Linked to the published contract').waitFor();
  assert.match(await valueOf(form.getByLabel('Title'), /Falémé/), /Falémé/);
  await form.getByLabel('Time zone of the due dates').fill('Africa/Atlantis');
  await form.getByRole('button', { name: 'Register the contract' }).click();
  await form.getByText('is not a time zone of the tz database').waitFor();
  assert.equal(problems.splice(0).length, 1); // the refusal's 400 in the console is expected
  await form.getByLabel('Time zone of the due dates').fill('Africa/Dakar');
  await form.getByRole('button', { name: 'Register the contract' }).click();
  await page.getByRole('heading', { level: 1, name: /Falémé/ }).waitFor();
  const contractUrl = page.url();

  // The royalty clause, from the hub annotations, fills the obligation form.
  const suggestions = page.getByRole('region', { name: "From the contract's annotations" });
  await suggestions.getByRole('button', { name: 'Add Royalties' }).click();
  const add = page.getByRole('form', { name: 'Add an obligation' });
  await valueOf(add.getByLabel('Title'), 'Royalties');
  assert.equal(await add.getByLabel('Type').inputValue(), 'payment');
  await add.getByLabel('Amount').fill('1,250,000');
  await add.getByLabel('Currency (ISO code, e.g. USD)').fill('usd');
  await add.getByLabel('First due date').fill(monthEnd(-2));
  await add.getByLabel('Recurs').selectOption('monthly');
  await add.getByLabel('Always on the last day of the month').check();
  await add.getByRole('button', { name: 'Add the obligation' }).click();
  await page.getByRole('region', { name: 'Obligations' }).getByRole('cell', { name: 'USD 1,250,000' }).waitFor();
  await suggestions.getByText('In the register').waitFor();

  // Two month ends have passed: both overdue; the first is recorded as paid.
  const dues = page.getByRole('region', { name: 'Due dates' });
  await dues.getByRole('row', { name: new RegExp(monthEnd(-2)) }).getByText('Overdue').waitFor();
  assert.equal(await dues.getByText('Overdue', { exact: true }).count(), 2);
  const record = dues.getByRole('form', { name: `Record Royalties due on ${monthEnd(-2)}` });
  await record.getByRole('button', { name: 'Save' }).click();
  await record.getByText("Say what shows it (a receipt, a report's reference).").waitFor();
  assert.equal(problems.splice(0).length, 1);
  await record.getByLabel('Evidence', { exact: true }).fill('DGID receipt 2026-118');
  await record.getByRole('button', { name: 'Save' }).click();
  await dues.getByRole('row', { name: new RegExp(monthEnd(-2)) }).locator('.badge', { hasText: 'Met' }).waitFor();
  assert.equal(await dues.getByText('Overdue', { exact: true }).count(), 1);
  await portal.shot(page, 'monitoring-contract');

  // The overview: one overdue payment, this month's due date on the calendar.
  await page.getByRole('link', { name: '← All monitored contracts' }).click();
  const overdue = page.getByRole('region', { name: 'Overdue' });
  await overdue.getByRole('cell', { name: monthEnd(-1), exact: false }).waitFor();
  assert.equal(await overdue.locator('tbody tr').count(), 1);
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await calendar.getByRole('link', { name: /Royalties/ }).waitFor();
  await calendar.getByRole('button', { name: '← Previous month' }).click();
  await calendar.getByRole('link', { name: /Royalties — .*Overdue/ }).waitFor();
  const [ics] = await Promise.all([page.waitForEvent('download'), calendar.getByRole('link', { name: /\.ics/ }).click()]);
  const text = await (await ics.createReadStream()).toArray();
  assert.match(Buffer.concat(text).toString(), new RegExp(`DTSTART;VALUE=DATE:${monthEnd(-1).replaceAll('-', '')}`));
  await portal.shot(page, 'monitoring-overview');
  assert.deepEqual(problems, []);

  // Ghana's official: no such contract; their register shows their own only.
  const other = await portal.newPage();
  await portal.signIn(other.page, accounts.government);
  await other.page.goto(contractUrl);
  await other.page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await other.page.goto(`${portal.base}/monitoring`);
  await other.page.getByRole('link', { name: 'Sample Mining Convention — Asante Ridge Gold Project' }).first().waitFor();
  assert.equal(await other.page.getByText('Falémé').count(), 0);
});

test('a government publishes its register and a visitor reads it on the contract page, then it is withdrawn', async () => {
  const { page, problems } = await portal.newPage();
  await portal.signIn(page, accounts.government);
  await page.goto(`${portal.base}/monitoring`);
  await page.getByRole('link', { name: 'Sample Mining Convention — Asante Ridge Gold Project' }).first().click();
  await page.getByRole('heading', { level: 1, name: /Asante Ridge/ }).waitFor();
  const contractUrl = page.url();

  // The demo register is public; Kwame withdraws it, and a visitor finds nothing.
  const view = page.getByRole('region', { name: "Citizens' view" });
  await view.getByText(/^Published on /).waitFor();
  const hubUrl = await view.getByRole('link', { name: 'See it as the public does' }).getAttribute('href');
  await view.getByRole('button', { name: 'Withdraw it from the public' }).click();
  await view.getByText('Nothing in this register is public.').waitFor();
  const visitor = await portal.newPage();
  await visitor.page.goto(`${portal.base}${hubUrl}`);
  await visitor.page.getByRole('heading', { level: 1, name: /Asante Ridge/ }).waitFor();
  await visitor.page.getByRole('heading', { name: 'Clauses explained' }).waitFor();
  assert.equal(await visitor.page.getByRole('heading', { name: 'Obligations and whether they were met' }).count(), 0);

  // Last month's royalty is recorded with a receipt for the public, and the register published.
  const dues = page.getByRole('region', { name: 'Due dates' });
  const record = dues.getByRole('form', { name: `Record Royalties due on ${monthEnd(-1)}` });
  await record.getByLabel('Evidence', { exact: true }).fill('GRA receipt 2026-0519');
  await record.getByLabel('Show this evidence to the public').check();
  await record.getByRole('button', { name: 'Save' }).click();
  await dues.getByText('(shown to the public)').nth(1).waitFor();
  await view.getByRole('button', { name: 'Publish the register' }).click();
  await view.getByText(/^Published on /).waitFor();
  await portal.shot(page, 'register-publish');

  // The visitor reads it on the contract's page, on a phone too.
  await visitor.page.reload();
  const section = visitor.page.getByRole('region', { name: 'Obligations and whether they were met' });
  await section.waitFor();
  const royalties = section.getByRole('list', { name: 'Due dates: Royalties' });
  await royalties.getByText('GRA receipt 2026-0519').waitFor();
  await royalties.getByText('GRA receipt 2026-0412').waitFor();
  assert.equal(await royalties.locator('.badge', { hasText: 'Met' }).count(), 2);
  assert.equal(await section.getByText('Sample register for demonstration.').count(), 0); // notes stay private
  await section.getByText('USD 1,250,000').waitFor();
  await portal.shot(visitor.page, 'register-public');
  await visitor.page.setViewportSize({ width: 375, height: 800 });
  const overflow = await visitor.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  await section.scrollIntoViewIfNeeded();
  await visitor.page.screenshot({ path: join(shots, 'register-public-phone.png') });

  // Withdrawn again, it is gone from the page.
  await page.goto(contractUrl);
  await view.getByRole('button', { name: 'Withdraw it from the public' }).click();
  await view.getByText('Nothing in this register is public.').waitFor();
  await visitor.page.reload();
  await visitor.page.getByRole('heading', { name: 'Clauses explained' }).waitFor();
  assert.equal(await section.count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(visitor.problems, []);
});
