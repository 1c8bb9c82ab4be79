import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:8611';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror', e.stack));
await p.goto(`${base}/sign-in`);
await p.getByLabel('Email').fill('focal.ghana@connex.example');
await p.getByLabel('Password').fill('connex-demo-2026');
await p.getByRole('button', { name: 'Sign in' }).click();
await p.locator('.session .who').waitFor({ state: 'attached' });
const r = await p.evaluate(async () => {
  const s = await fetch('/api/v1/session').then((r) => r.json());
  const model = await fetch('/examples-none').catch(() => null);
  return s.csrf_token;
});
import { readFileSync } from 'node:fs';
const model = JSON.parse(readFileSync('../examples/oil_psc.json', 'utf8'));
const made = await p.evaluate(async (model) => {
  const s = await fetch('/api/v1/session').then((r) => r.json());
  return fetch('/api/v1/fiscal/models', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token }, body: JSON.stringify({ name: 'dbg', model }) }).then((r) => r.json());
}, model);
const id = made.id;
await p.goto(`${base}/models/${id}`);
await p.waitForTimeout(5000);
console.log('benchmark sections', await p.locator('section.benchmark').count());
await b.close();
