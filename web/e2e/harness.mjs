// What every browser test file shares: a real `connex serve` (demo data, the
// built web app) on a free port, Debian's chromium through playwright-core,
// fresh browser contexts, sign-in. Screenshots go to $SCREENSHOT_DIR.
import { before, after, afterEach } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const connex = process.env.CONNEX_BINARY || resolve('../build/debug/connex');
export const shots = process.env.SCREENSHOT_DIR || resolve('e2e-output');
export const password = 'connex-demo-2026';
export const accounts = {
  government: 'focal.ghana@connex.example',
  expert: 'fiscal.expert@connex.example',
  coordinator: 'coordinator@connex.example',
  funder: 'funder@connex.example',
  admin: 'admin@connex.example',
};

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// The entries of a zip file (an xlsx), by name, inflated.
export function unzip(buffer) {
  const entries = {};
  // The end-of-central-directory record is in the last 64 kB.
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'not a zip file');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(data, data + size);
    entries[name] = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

// Registers the hooks of one test file; `ctx.base` is the server's address.
// With `{ mail: true }` the portal mails through a real SMTP server
// (tests/support/smtp_sink.py) whose mails `ctx.mailsTo` reads.
export function usePortal({ mail = false } = {}) {
  const ctx = { base: '', newPage, signIn, chooseLanguage, shot, apiAs, mailsTo, waitForMail, engagement };
  let server, browser, data, sink, inbox;
  const contexts = [];

  before(async () => {
    mkdirSync(shots, { recursive: true });
    data = mkdtempSync(join(tmpdir(), 'connex-e2e-'));
    const port = await freePort();
    ctx.base = `http://127.0.0.1:${port}`;
    const options = ['serve', '--data', data, '--port', String(port), '--demo', '--web', resolve('dist')];
    if (mail) {
      inbox = join(data, 'sink');
      mkdirSync(inbox);
      const smtp = await freePort();
      sink = spawn('/usr/bin/python3', [resolve('../tests/support/smtp_sink.py'), String(smtp), inbox], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((ok) => sink.stdout.once('data', ok));
      options.push('--smtp', `smtp://127.0.0.1:${smtp}`, '--mail-from', 'connex@mail.example',
        '--base-url', ctx.base, '--mail-retry', '1');
    }
    server = spawn(connex, options, { stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${ctx.base}/readyz`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  afterEach(async () => {
    // Closed browsers close their connections: each test starts from a quiet server.
    for (const c of contexts.splice(0)) await c.close();
  });

  after(async () => {
    await browser?.close();
    // The server may still write its files while it stops: the folder goes
    // once both processes have ended.
    const ended = (p) => (p && p.exitCode === null && p.signalCode === null ? new Promise((ok) => p.once('exit', ok)) : null);
    const stopping = [ended(server), ended(sink)];
    server?.kill('SIGTERM');
    sink?.kill('SIGTERM');
    await Promise.all(stopping);
    rmSync(data, { recursive: true, force: true });
  });

  // `options` of the browser context, such as the visitor's { locale }.
  async function newPage(options = {}) {
    const context = await browser.newContext({ locale: 'en-GB', ...options });
    // The suite runs beside the sanitized API tests on two cores: a step that
    // takes 5 s alone may take 40 s there, and is still not a fault.
    context.setDefaultTimeout(90000);
    contexts.push(context);
    const page = await context.newPage();
    const problems = [];
    // A visitor's session check answers 401 by design; anything else logged is a fault.
    page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    return { page, problems };
  }

  async function signIn(page, email) {
    await page.goto(`${ctx.base}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in, in the account's language: the header names the person (on
    // a phone, inside the folded menu).
    await page.locator('.session .who').waitFor({ state: 'attached' });
  }

  // Reads the page in `lang` from the header's switch; a signed-in user's
  // choice is saved to the account before this returns, so the next page
  // loaded (which reads the account's language) keeps it.
  async function chooseLanguage(page, lang) {
    const signedIn = (await page.locator('.session .who').count()) > 0;
    const saved = signedIn
      ? page.waitForResponse((r) => r.url().endsWith('/api/v1/account/mail') && r.request().method() === 'PUT')
      : Promise.resolve();
    await page.locator('#language-switch').selectOption(lang);
    await saved;
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  // A signed-in API client for setting the scene quickly: (method, path, body) -> JSON.
  async function apiAs(email) {
    const res = await fetch(`${ctx.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = res.headers.get('set-cookie').split(';')[0];
    const { csrf_token } = await res.json();
    return async (method, path, body) => {
      const r = await fetch(`${ctx.base}${path}`, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf_token, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = r.status === 204 ? null : await r.json();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    };
  }

  // A request from Ghana taken through the API to `until` (active or closed),
  // the fiscal expert on its team; its detail as last answered.
  async function engagement(project, until = 'closed') {
    const gov = await apiAs(accounts.government);
    const co = await apiAs(accounts.coordinator);
    const expert = await apiAs(accounts.expert);
    let r = await gov('POST', '/api/v1/requests', {
      entity: 'Minerals Commission', focal_points: [{ name: 'Kwame Mensah' }], project_name: project,
      commodity: 'gold', counterparties: [{ name: 'Golden Hill Resources', affiliates: [] }],
      disciplines: ['fiscal_modelling'], phase: 'negotiation', language: 'en', background: 'Royalty terms',
    });
    const move = async (who, to, extra = {}) => (r = await who('POST', `/api/v1/requests/${r.id}/transitions`, { to, version: r.version, ...extra }));
    await move(gov, 'submitted');
    await move(co, 'acknowledged');
    await move(co, 'under_review');
    await co('PUT', `/api/v1/requests/${r.id}/due-diligence`, { human_rights: 'low', environmental: 'low', legal: 'low', reputational: 'low', decision: 'approve', version: 0 });
    await move(co, 'approved', { scope: { summary: 'Fiscal review of the royalty terms' } });
    await move(co, 'scoping');
    const { user } = await expert('GET', '/api/v1/session');
    await co('POST', `/api/v1/requests/${r.id}/team`, { user_id: user.id, role: 'fiscal modeller' });
    r = await co('GET', `/api/v1/requests/${r.id}`);
    await move(co, 'team_proposed');
    await move(gov, 'team_confirmed');
    await move(co, 'active');
    return until === 'closed' ? move(co, 'closed') : r;
  }

  // The mails the sink received for `address`, oldest first.
  function mailsTo(address) {
    return readdirSync(inbox)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(inbox, f), 'utf8')))
      .filter((m) => m.rcpt_tos.includes(address));
  }

  // The first mail to `address` that `match` accepts, waiting up to 20 s.
  async function waitForMail(address, match = () => true) {
    for (let i = 0; i < 200; i++) {
      const found = mailsTo(address).find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail to ${address}`);
  }

  async function shot(page, name) {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }

  return ctx;
}
