// The JavaScript one reader downloads stays small for ministry officials on
// slow connections: the shell and the words of one language (English is in
// the shell; fr, es and pt load on demand), under 150 kB gzipped. And no
// inline script anywhere (the CSP forbids it; the page would break).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

test('the shell and one language are under 150 kB gzipped', () => {
  const js = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  assert.ok(js.length > 0, 'no JavaScript in dist/assets: run `make web` first');
  const size = (f) => gzipSync(readFileSync(`dist/assets/${f}`)).length;
  const catalogs = js.filter((f) => /^(fr|es|pt)-/.test(f));
  assert.equal(catalogs.length, 3, `one file per language besides English: ${js}`);
  const shell = js.filter((f) => !catalogs.includes(f)).reduce((n, f) => n + size(f), 0);
  const total = shell + Math.max(...catalogs.map(size));
  console.log(`shell JavaScript: ${(shell / 1024).toFixed(1)} kB gzipped; with the largest language: ${(total / 1024).toFixed(1)} kB`);
  assert.ok(total < 150 * 1024, `${total} bytes gzipped`);
});

test('index.html loads scripts from files only', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  for (const tag of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) || []) {
    assert.match(tag, /src="\/assets\/[^"]+\.js"/, tag);
    assert.match(tag, /><\/script>$/, `inline code in ${tag}`);
  }
});
