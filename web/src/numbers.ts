// Numbers as the reader's language writes them (Intl in the reader's locale):
// its grouping and decimal signs, its percent spacing ("12,5 %" in French),
// and "million" with its plural ("1,5 million", "41,5 millions").
import { language, locale, t } from './i18n';

// `v` with exactly `digits` decimals (or up to them when `fixed` is false).
export function formatNumber(v: number, digits = 0, fixed = true): string {
  return v.toLocaleString(locale(), { minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits });
}

// A share (0.125) as a percentage ("12.5%"), with `digits` decimals.
export function formatPercent(share: number, digits = 1): string {
  return share.toLocaleString(locale(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// An amount in units (312_400_000) in millions ("312.4 million"), with up to
// `digits` decimals (exactly, when `fixed`).
export function formatMillions(value: number, digits = 1, fixed = false): string {
  const m = value / 1e6;
  const rounded = Number(m.toFixed(digits));
  const form = new Intl.PluralRules(locale()).select(rounded) === 'one' ? 'number.millions.one' : 'number.millions.other';
  return t(form, { value: formatNumber(m, digits, fixed) });
}

// A calendar date ("2026-12-03", or the date of an ISO instant) written out
// as the reader's language does ("3 December 2026", "3 de diciembre de 2026"),
// as the server writes it in letters.
export function formatLongDate(iso: string): string {
  const written = new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(locale(), { dateStyle: 'long', timeZone: 'UTC' });
  // French writes the first of the month as an ordinal ("1er juillet"), which Intl does not.
  return language.value === 'fr' ? written.replace(/^1 /, '1er ') : written;
}

// An instant ("2026-11-23T15:04:05Z") with its date and time as the reader's
// language writes them, in UTC and saying so: "23 Nov 2026, 15:04 UTC".
export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString(locale(), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
  });
}
