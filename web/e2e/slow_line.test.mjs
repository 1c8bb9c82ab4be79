// The public pages on a slow line: Chromium's "Slow 4G" profile (DevTools'
// preset: 1.6 Mbit/s down at 90 %, 750 kbit/s up at 90 %, 562.5 ms of
// latency per request), an empty cache. The home page and the hub search are
// usable within 2 s of navigation: the home's heading and links drawn, the
// hub's search box ready to type in; a search opened from a link shows its
// first result one round trip later. And the JavaScript the public pages
// load, gzipped, beside the whole app's. `make bench` runs this file too and
// quotes its figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { usePortal } from './harness.mjs';

const portal = usePortal();

const slow4g = {
  offline: false,
  downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9,
  uploadThroughput: (750 * 1000 / 8) * 0.9,
  latency: 150 * 3.75,
};

// A page in a fresh context (nothing cached) behind the slow line.
async function slowPage() {
  const { page, problems } = await portal.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', slow4g);
  const scripts = new Set();
  page.on('response', (r) => {
    const m = /\/assets\/([^/?]+\.js)$/.exec(r.url());
    if (m) scripts.add(m[1]);
  });
  return { page, problems, scripts };
}

// Milliseconds from the navigation's start until `ready` holds in the page.
async function timeTo(page, url, ready) {
  await page.goto(url, { waitUntil: 'commit' });
  const at = await page.waitForFunction(ready, null, { polling: 'raf', timeout: 30000 });
  return Math.round(await at.jsonValue());
}

const gz = (file) => gzipSync(readFileSync(`dist/assets/${file}`)).length;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

test('on Slow 4G the home and a hub search are usable within 2 s; the public pages load a fraction of the app', async () => {
  const home = await slowPage();
  const homeMs = await timeTo(home.page, `${portal.base}/`, () => {
    const h1 = document.querySelector('main h1, .layout h1');
    const link = document.querySelector('a[href="/hub"]');
    return h1 && link && h1.getBoundingClientRect().height > 0 ? performance.now() : false;
  });

  // The hub: its search box ready to type in, then (one round trip more) the
  // first result of a search opened from a link.
  const hub = await slowPage();
  await hub.page.goto(`${portal.base}/hub?q=royalty`, { waitUntil: 'commit' });
  const boxMs = Math.round(await (await hub.page.waitForFunction(() => {
    const box = document.querySelector('form[role="search"] input');
    return box && !box.disabled && box.getBoundingClientRect().height > 0 ? performance.now() : false;
  }, null, { polling: 'raf', timeout: 30000 })).jsonValue());
  const hitMs = Math.round(await (await hub.page.waitForFunction(
    () => (document.querySelector('ol.hits li a') ? performance.now() : false), null, { polling: 'raf', timeout: 30000 },
  )).jsonValue());
  console.log(`Slow 4G, empty cache: home usable in ${homeMs} ms; hub search box usable in ${boxMs} ms, its first result in ${hitMs} ms`);

  // Every public page a visitor reads, in one session: what JavaScript loads.
  const visitor = await slowPage();
  for (const path of ['/', '/hub?q=royalty', '/roadmap', '/providers', '/training']) {
    await visitor.page.goto(`${portal.base}${path}`, { waitUntil: 'networkidle', timeout: 60000 });
  }
  const hubLink = visitor.page.locator('ol.hits li a').first();
  await visitor.page.goto(`${portal.base}/hub?q=royalty`, { waitUntil: 'networkidle', timeout: 60000 });
  await hubLink.click();
  await visitor.page.locator('main h1').waitFor({ timeout: 30000 });
  await visitor.page.waitForLoadState('networkidle');
  const all = readdirSync('dist/assets').filter((f) => f.endsWith('.js') && !/^(fr|es|pt)-/.test(f));
  const loaded = [...visitor.scripts].filter((f) => all.includes(f));
  const publicBytes = loaded.reduce((n, f) => n + gz(f), 0);
  const appBytes = all.reduce((n, f) => n + gz(f), 0);
  console.log(`JavaScript gzipped: the public pages load ${kB(publicBytes)} (${loaded.length} files); the whole app is ${kB(appBytes)} (${all.length} files)`);

  for (const p of [home, hub, visitor]) assert.deepEqual(p.problems, []);
  assert.ok(homeMs < 2000, `home usable after ${homeMs} ms`);
  assert.ok(boxMs < 2000, `hub search usable after ${boxMs} ms`);
  // Three round trips of 562.5 ms (page, script, search) are the floor.
  assert.ok(hitMs < 2500, `first hub result after ${hitMs} ms`);
  assert.ok(publicBytes < appBytes / 2, 'the public pages load less than half the app');
  for (const chunk of loaded) assert.doesNotMatch(chunk, /^(model_editor|request_detail|model_sensitivity)-/);
});
