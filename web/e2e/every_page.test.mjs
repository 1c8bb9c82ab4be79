// Every page each role can open, in each of the four languages, read as a
// person reads it: no code ("fiscal_modelling", "team_proposed"), no catalog
// key ("detail.scope"), and on a French, Spanish or Portuguese page no
// English interface text. Words people wrote (titles, backgrounds, names)
// are marked with the language they are written in (a `lang` attribute) and
// are not the interface: they are read only for codes. One browser; each
// role in its own context, its pages opened several at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { accounts, usePortal } from './harness.mjs';

const portal = usePortal();
const languages = ['en', 'fr', 'es', 'pt'];

// The English catalog: its keys, and its texts that each other language
// writes differently (a page showing one of those in French is untranslated).
const english = new Map(
  [...readFileSync(new URL('../src/messages/en.ts', import.meta.url), 'utf8').matchAll(/^\s*'([\w.]+)':\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/gm)].map(
    (m) => [m[1], m[2] ?? m[3]],
  ),
);
// Words of English that French, Spanish and Portuguese never use: one of
// them in a page's interface text is English left behind.
const englishWords = /\b(the|and|with|your|this|from|which|has|have|been|will|should|would|there|their|Sign in|Sign out|Search|Save|Cancel|Submit|Download|Delete|Edit|Remove|Back|Next|Close|Show|Hide|Loading|Request|Requests|Model|Models|Send|None|Yes|Enter|Choose|Add|Open|Overdue|Due|Paid|Draft|Submitted|Closed|Active|Pending)\b/;
// Proper names and codes every language writes alike.
const allowed = /\b(CONNEX|G7|OCDS|Open Contracting|OECD|ISO|USD|EUR|XOF|GHS|MZN|IRR|NPV|CSV|JSON|PDF|xlsx|ics|Excel|GHA|SEN|MOZ|BOL|COD|GIN|MLI|PER|Ghana|Senegal|Sénégal|Mozambique|Kwame Mensah|Minerals Commission|Ministry of Lands and Natural Resources|Ministry of Mines and Minerals Development|Acme Mining Ltd\.?)\b/g;
const snakeCase = /(?<![\w@./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@.-])/g;
const catalogKey = /(?<![\w@/-])[a-z][a-zA-Z]*(?:\.[a-zA-Z][a-zA-Z0-9]*)+(?![\w@/-])/g;

// The page's words as a person meets them: visible text, labels of controls,
// options of lists, placeholders and titles; split into the interface (in
// the page's language) and what people wrote (inside an element whose lang
// differs from the page's).
async function wordsOf(page) {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const ui = [];
    const written = [];
    const place = (el, text) => {
      if (!text || !text.trim()) return;
      // lang="" is a text whose language the portal does not know.
      const lang = el.closest('[lang]')?.getAttribute('lang');
      (lang !== undefined && lang !== null && lang !== pageLang ? written : ui).push(text.trim());
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Identifiers a person copies (an entry's code, an object's id) are set in <code>.
      if (!el || el.closest('script, style, noscript, [hidden], code')) continue;
      if (el.tagName !== 'OPTION' && el.getClientRects().length === 0) continue;
      place(el, n.textContent);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) place(el, el.getAttribute(a));
    }
    return { ui, written };
  });
}

// What a person on `path` in `lang` would trip on.
function faults(path, lang, { ui, written }) {
  const out = [];
  for (const text of [...ui, ...written]) {
    for (const m of text.matchAll(snakeCase)) out.push(`${path} [${lang}] code "${m[0]}" in "${text.slice(0, 80)}"`);
    for (const m of text.matchAll(catalogKey)) {
      if (english.has(m[0])) out.push(`${path} [${lang}] catalog key "${m[0]}"`);
    }
  }
  if (lang === 'en') return out;
  for (const text of ui) {
    const bare = text.replace(allowed, '');
    const word = bare.match(englishWords);
    if (word) out.push(`${path} [${lang}] English "${word[0]}" in "${text.slice(0, 80)}"`);
  }
  return out;
}

// Runs `work` over `items`, `width` at a time.
async function pool(items, width, work) {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await work(queue.shift());
  }));
}

// Every page each role can open, by role (ids from the demo data).
async function pagesByRole() {
  const staff = await portal.apiAs(accounts.coordinator);
  const ghana = await portal.apiAs(accounts.government);
  const expert = await portal.apiAs(accounts.expert);
  const first = (list) => (list.items ?? list)[0]?.id;
  const request = first(await ghana('GET', '/api/v1/requests'));
  const anyRequest = first(await staff('GET', '/api/v1/requests'));
  const expertRequest = first(await expert('GET', '/api/v1/requests'));
  const hubDocument = first(await staff('GET', '/api/v1/hub/search'));
  const course = first(await staff('GET', '/api/v1/training/courses'));
  const contracts = await ghana('GET', '/api/v1/monitoring/contracts');
  const contract = first(contracts);
  // The hub page carrying the register Ghana published.
  const registerPage = contracts.items?.find((c) => c.published_at)?.hub_document_id;
  const model = first(await staff('GET', '/api/v1/fiscal/models'));
  const expertModel = first(await expert('GET', '/api/v1/fiscal/models'));
  const anExpert = first(await staff('GET', '/api/v1/experts'));
  const defined = (paths) => paths.filter((p) => !p.includes('undefined'));

  const visitor = ['/', '/hub', '/roadmap', '/providers', '/training', '/enquiry', '/sign-in', '/password-reset',
    `/hub/documents/${hubDocument}`, `/hub/documents/${registerPage}`, `/training/courses/${course}`];
  return {
    public: defined(visitor),
    government: defined(['/', '/requests', '/requests/new', `/requests/${request}`, `/requests/${request}/edit`, '/models',
      '/monitoring', `/monitoring/contracts/${contract}`, '/organisations', '/account', '/notifications', '/training']),
    expert: defined(['/requests', `/requests/${expertRequest}`, '/models', `/models/${expertModel}`, `/models/${expertModel}/report`,
      '/profile', '/organisations', '/account', '/notifications']),
    coordinator: defined(['/requests', `/requests/${anyRequest}`, '/models', `/models/${model}`, `/models/${model}/edit`, '/monitoring',
      `/monitoring/contracts/${contract}`, '/roster', `/experts/${anExpert}`, '/organisations', '/people', '/sla-policy',
      '/commitments', '/impact', '/hub/new', `/hub/documents/${hubDocument}`, '/notifications', '/account']),
    funder: ['/', '/impact', '/models', '/models/new', '/account', '/notifications'],
    admin: ['/disciplines', '/audit', '/mail', '/people', '/roster', '/sla-policy', '/account'],
  };
}

test('every page of every role reads in its language, without codes, keys or English left behind', async () => {
  const pagesOf = await pagesByRole();
  const found = [];
  let opened = 0;
  await Promise.all(Object.entries(pagesOf).map(async ([role, paths]) => {
    for (const lang of languages) {
      // A visitor's browser asks for the language; an account keeps its own.
      const signedIn = role !== 'public';
      const { page, problems } = await portal.newPage({ locale: signedIn || lang === 'en' ? 'en-GB' : lang });
      if (signedIn) await portal.signIn(page, accounts[role]);
      if (signedIn && (await page.getAttribute('html', 'lang')) !== lang) await portal.chooseLanguage(page, lang);
      await pool(paths, 3, async (path) => {
        const tab = await page.context().newPage();
        await tab.goto(`${portal.base}${path}`);
        await tab.waitForFunction((l) => document.documentElement.lang === l, lang);
        await tab.locator('h1').first().waitFor();
        await tab.waitForLoadState('networkidle');
        found.push(...faults(path, lang, await wordsOf(tab)));
        opened++;
        await tab.close();
      });
      if (signedIn && lang !== 'en') await portal.chooseLanguage(page, 'en');
      found.push(...problems.map((p) => `${role} [${lang}] console: ${p}`));
      await page.context().close();
    }
  }));
  assert.ok(opened > 200, `${opened} pages opened`);
  const faultsFound = [...new Set(found)];
  assert.equal(faultsFound.length, 0, `${faultsFound.length} faults:\n${faultsFound.join('\n')}`);
});

// At 375 × 812, a phone's screen, no page is wider than the screen: tables
// scroll in their own box or become cards. French, whose words run longest.
test('every page of every role fits a phone screen', async () => {
  const pagesOf = await pagesByRole();
  const wide = [];
  await Promise.all(Object.entries(pagesOf).map(async ([role, paths]) => {
    const signedIn = role !== 'public';
    const { page, problems } = await portal.newPage({ locale: signedIn ? 'en-GB' : 'fr-FR', viewport: { width: 375, height: 812 } });
    if (signedIn) await portal.signIn(page, accounts[role]);
    if (signedIn) await portal.chooseLanguage(page, 'fr');
    await pool(paths, 3, async (path) => {
      const tab = await page.context().newPage();
      await tab.goto(`${portal.base}${path}`);
      await tab.locator('h1').first().waitFor();
      await tab.waitForLoadState('networkidle');
      const width = await tab.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) {
        const culprit = await tab.evaluate(() => {
          const over = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > 376);
          const e = over.find((x) => ![...x.children].some((c) => over.includes(c))) ?? over[0];
          if (!e) return '';
          const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`;
          return `${name} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
        });
        wide.push(`${role} ${path}: ${width} px (${culprit})`);
      }
      await tab.close();
    });
    if (signedIn) await portal.chooseLanguage(page, 'en');
    wide.push(...problems.map((p) => `${role} console: ${p}`));
    await page.context().close();
  }));
  assert.equal(wide.length, 0, `${wide.length} pages wider than a phone:\n${wide.join('\n')}`);
});
