import { signal } from './state';
import { en, type MessageKey, type Messages } from './messages/en';

// The portal's languages, each named in itself on the switch.
export const languages = { en: 'English', fr: 'Français', es: 'Español', pt: 'Português' } as const;
export type Language = keyof typeof languages;

// English is in the bundle; another language's words load when first read
// (one small file instead of every catalog on a slow line).
const catalogs: Partial<Record<Language, Messages>> = { en };
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  fr: () => import('./messages/fr').then((m) => m.fr),
  es: () => import('./messages/es').then((m) => m.es),
  pt: () => import('./messages/pt').then((m) => m.pt),
};

export function isLanguage(l: string | null | undefined): l is Language {
  return typeof l === 'string' && Object.prototype.hasOwnProperty.call(languages, l);
}

// A visitor's language: the one chosen before in this browser, else the
// first of the browser's languages the portal speaks, else English. A
// signed-in user's account overrides it (api.ts).
function initial(): Language {
  const stored = localStorage.getItem('connex.lang');
  if (isLanguage(stored)) return stored;
  for (const l of navigator.languages?.length ? navigator.languages : [navigator.language]) {
    const base = (l || '').slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}
export const language = signal<Language>('en');
document.documentElement.lang = 'en';

// Reads the portal in `lang` once its words are here; a language whose file
// cannot be fetched (the line dropped) leaves the page as it is.
async function use(lang: Language): Promise<boolean> {
  if (!catalogs[lang]) {
    try {
      catalogs[lang] = await loaders[lang as Exclude<Language, 'en'>]();
    } catch {
      return false;
    }
  }
  document.documentElement.lang = lang;
  language.value = lang;
  return true;
}

// The language this browser starts in; main.tsx waits for it before drawing.
export const languageReady = use(initial());

// A language chosen by the reader (or their account): remembered in this
// browser. After the starting language, so that one cannot land last.
export async function setLanguage(lang: Language) {
  await languageReady;
  if (await use(lang)) localStorage.setItem('connex.lang', lang);
}

// How the reader's language writes dates and numbers (Intl): Latin-American
// Spanish, and the Portuguese of Mozambique.
const locales: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-419', pt: 'pt-MZ' };
export const locale = () => locales[language.value];

// The message `key` in the current language, with {name} placeholders filled
// and plural choices made: "{count, plural, one {# document} other {# documents}}"
// picks the branch Intl.PluralRules gives for the count in the reader's
// language (=0, =1... first), "#" being the count as the language writes it.
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = choosePlurals((catalogs[language.value] ?? en)[key], vars);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) return `{${name}}`;
    const v = vars[name];
    // A count is written with the language's grouping; other numbers (a year,
    // an option's rank) as given.
    return name === 'count' && typeof v === 'number' ? v.toLocaleString(locale()) : String(v);
  });
}

function choosePlurals(text: string, vars: Record<string, string | number>): string {
  const start = /\{(\w+), plural,/g;
  let out = '';
  let from = 0;
  for (let hit = start.exec(text); hit; hit = start.exec(text)) {
    out += text.slice(from, hit.index);
    const branches: Record<string, string> = {};
    let i = hit.index + hit[0].length;
    for (;;) {
      while (text[i] === ' ') i++;
      if (i >= text.length || text[i] === '}') break;
      const selector = /^(=\d+|\w+)\s*\{/.exec(text.slice(i));
      if (!selector) break;
      i += selector[0].length;
      const body = i;
      for (let depth = 1; depth > 0 && i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
      }
      branches[selector[1]] = text.slice(body, i - 1);
    }
    const n = Number(vars[hit[1]]);
    // pt-MZ falls back to Brazil's rules (0 and 1.5 singular); Mozambique,
    // Angola and Portugal count as Portugal does.
    const rules = new Intl.PluralRules(language.value === 'pt' ? 'pt-PT' : locale());
    const chosen = branches[`=${n}`] ?? branches[rules.select(n)] ?? branches.other ?? '';
    out += chosen.replace(/#/g, n.toLocaleString(locale()));
    from = i + 1;
    start.lastIndex = from;
  }
  return out + text.slice(from);
}

// The words of `key` where the catalogs have it; else `fallback` (a code
// the server may send before the catalogs know it).
export function tOr(key: string, fallback: string): string {
  return Object.prototype.hasOwnProperty.call(en, key) ? t(key as MessageKey) : fallback;
}
