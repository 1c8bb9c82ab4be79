import { signal } from './state';
import { en, type MessageKey } from './messages/en';
import { fr } from './messages/fr';

export type Language = 'en' | 'fr';
const catalogs = { en, fr };
const stored = localStorage.getItem('connex.lang');
export const language = signal<Language>(
  stored === 'fr' || stored === 'en' ? stored : navigator.language.startsWith('fr') ? 'fr' : 'en',
);
document.documentElement.lang = language.value;

export function setLanguage(lang: Language) {
  localStorage.setItem('connex.lang', lang);
  document.documentElement.lang = lang;
  language.value = lang;
}

// The message `key` in the current language, with {name} placeholders filled.
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogs[language.value][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    name in vars ? String(vars[name]) : `{${name}}`,
  );
}
