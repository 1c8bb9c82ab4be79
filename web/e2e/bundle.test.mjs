// The shell's JavaScript stays small for ministry officials on slow
// connections: under 150 kB gzipped in all. And no inline script anywhere
// (the CSP forbids it; the page would break).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

test('the built JavaScript is under 150 kB gzipped', () => {
  const js = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  assert.ok(js.length > 0, 'no JavaScript in dist/assets: run `make web` first');
  const total = js.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`)).length, 0);
  console.log(`shell JavaScript: ${(total / 1024).toFixed(1)} kB gzipped`);
  assert.ok(total < 150 * 1024, `${total} bytes gzipped`);
});

test('index.html loads scripts from files only', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  for (const tag of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) || []) {
    assert.match(tag, /src="\/assets\/[^"]+\.js"/, tag);
    assert.match(tag, /><\/script>$/, `inline code in ${tag}`);
  }
});
