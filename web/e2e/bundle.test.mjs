// The JavaScript one reader downloads stays small for ministry officials on
// slow connections: the shell (the public pages, in English) and the words of
// one language (fr, es and pt load on demand) are under 80 kB gzipped; the
// pages of signed-in work load as they are opened (components/lazy.tsx). And
// no inline script anywhere (the CSP forbids it; the page would break).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

test('the shell and one language are under 80 kB gzipped; the rest of the app loads by page', () => {
  const js = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  assert.ok(js.length > 0, 'no JavaScript in dist/assets: run `make web` first');
  const size = (f) => gzipSync(readFileSync(`dist/assets/${f}`)).length;
  const catalogs = js.filter((f) => /^(fr|es|pt)-/.test(f));
  assert.equal(catalogs.length, 3, `one file per language besides English: ${js}`);
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync('dist/index.html', 'utf8'))[1];
  const shell = size(entry);
  const total = shell + Math.max(...catalogs.map(size));
  const app = js.filter((f) => !catalogs.includes(f)).reduce((n, f) => n + size(f), 0);
  console.log(`shell JavaScript: ${(shell / 1024).toFixed(1)} kB gzipped; with the largest language: ${(total / 1024).toFixed(1)} kB; the whole app in English: ${(app / 1024).toFixed(1)} kB`);
  assert.ok(total < 80 * 1024, `${total} bytes gzipped`);
  // The fiscal editor and the request desk are not in the shell.
  const code = readFileSync(`dist/assets/${entry}`, 'utf8');
  for (const chunk of ['model_editor', 'request_detail', 'model_sensitivity']) {
    assert.ok(js.some((f) => f.startsWith(`${chunk}-`)), `${chunk} is a chunk of its own`);
  }
  assert.ok(!code.includes('team-proposals'), 'the team builder is in the shell');
});

test('index.html loads scripts from files only', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  for (const tag of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) || []) {
    assert.match(tag, /src="\/assets\/[^"]+\.js"/, tag);
    assert.match(tag, /><\/script>$/, `inline code in ${tag}`);
  }
});
