// The model editor's view of a model file: every form field reads and writes
// one path of the model JSON ("project.products[0].production[3]"), the
// same paths the server's errors name, so each error lands at its field and
// anything the forms do not show (a rate schedule, an uncertainty section)
// is kept as it was.
import type { FiscalModelJson } from './fiscal';
import { locale } from './i18n';

type Key = string | number;
type Node = Record<string, unknown> | unknown[];

export function parsePath(path: string): Key[] {
  const out: Key[] = [];
  for (const part of path.split('.')) {
    const m = part.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

export function getAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

// A copy of `root` with `value` at `path` (undefined removes it); the
// objects and arrays along the path are created when missing.
export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = parsePath(path);
  const put = (node: unknown, i: number): unknown => {
    const key = keys[i];
    const copy: Node = Array.isArray(node) ? [...node] : node && typeof node === 'object' ? { ...(node as Record<string, unknown>) } : typeof key === 'number' ? [] : {};
    const slot = copy as Record<Key, unknown>;
    if (i === keys.length - 1) {
      if (value === undefined && !Array.isArray(copy)) delete slot[key];
      else slot[key] = value;
    } else {
      slot[key] = put(slot[key], i + 1);
    }
    return copy;
  };
  return keys.length === 0 ? root : (put(root, 0) as T);
}

// The decimal sign of the reader's language ("," in French, Spanish and Portuguese).
const decimalSign = () => (1.5).toLocaleString(locale()).charAt(1);

// A number as typed or pasted from a spreadsheet, in the reader's language or
// in English: "1,234,567.5", "1.234.567,5", "12 000", "2,5", "5%" (as 0.05
// when `percent`), "(300)" for -300. Null when it is not one.
export function parseNumber(text: string, percent = false): number | null {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  const pct = s.endsWith('%');
  if (pct) s = s.slice(0, -1);
  s = plainDecimal(s);
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const v = sign * Number(s);
  return percent || pct ? v / 100 : v;
}

// The number with "." as its only sign. With both signs, the last one is the
// decimal sign ("1.234,5", "1,234.5"); a sign repeated groups thousands
// ("1,234,567"); a lone "." is decimal; a lone "," is decimal ("2,5") except
// before exactly three digits where the reader writes "." for decimals
// ("1,234" is a thousand and more in English).
function plainDecimal(s: string): string {
  const comma = s.lastIndexOf(','), dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const [group, decimal] = comma > dot ? ['.', ','] : [',', '.'];
    return s.split(group).join('').replace(decimal, '.');
  }
  if (comma < 0) return s.split('.').length > 2 ? s.split('.').join('') : s;
  const parts = s.split(',');
  if (parts.length > 2) return parts.join('');
  const thousands = decimalSign() === '.' && /^\d{3}$/.test(parts[1]);
  return parts.join(thousands ? '' : '.');
}

// A number as the reader's language writes its decimals, for a field to edit ("2,5" in French).
export function showNumber(v: unknown): string {
  return typeof v === 'number' ? String(v).replace('.', decimalSign()) : '';
}

// A rate shown in percent without the float noise of v x 100 (0.07 -> "7").
export function showPercent(v: unknown): string {
  return typeof v === 'number' ? showNumber(Number((v * 100).toPrecision(12))) : '';
}

// Rows and cells of text copied from a spreadsheet (tabs between cells).
export function parseGrid(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  while (rows.length && rows[rows.length - 1].trim() === '') rows.pop();
  return rows.map((r) => r.split('\t'));
}

// Resizes every yearly series of the project, or of each project, to `years`.
// Years cut are kept in `cut` (by path) and come back when the series grows
// again: typing "25" over 22 years passes through 2, and must not lose 20
// years of figures. Years never entered are zeros.
export function resizeSeries(model: FiscalModelJson, years: number, cut: Record<string, number[]> = {}): FiscalModelJson {
  let out = model;
  for (const at of projectPaths(model)) {
    for (const path of seriesPaths(model, at)) {
      const s = getAt(out, path) ?? [];
      if (!Array.isArray(s)) continue;  // a production profile fills its own years
      const known = [...s, ...(cut[path]?.slice(s.length) ?? [])];
      if (known.length > years) cut[path] = known;
      out = setAt(out, path, Array.from({ length: years }, (_, i) => (typeof known[i] === 'number' ? known[i] : 0)));
    }
  }
  return out;
}

// Where the model's projects are: "project", or each of "projects[i]" for
// several projects of one taxpayer.
export function projectPaths(model: unknown): string[] {
  const several = getAt(model, 'projects');
  return Array.isArray(several) ? several.map((_, i) => `projects[${i}]`) : ['project'];
}

// The products of every project, each once (a product of the same name is
// the same product), as instruments name them.
export function productsOf(model: unknown): { name?: string; unit?: string; price?: { unit?: string } }[] {
  const all = projectPaths(model).flatMap((at) => (getAt(model, `${at}.products`) as { name?: string; unit?: string }[] | undefined) ?? []);
  return all.filter((p, i) => !p.name || all.findIndex((o) => o.name === p.name) === i);
}

// The yearly series the project table shows for the project at `at`, in its column order.
export function seriesPaths(model: FiscalModelJson, at = 'project'): string[] {
  const products = (getAt(model, `${at}.products`) as unknown[] | undefined) ?? [];
  const out: string[] = [];
  products.forEach((p, i) => {
    out.push(`${at}.products[${i}].production`);
    if (Array.isArray((p as Record<string, unknown>)?.price && ((p as Record<string, Record<string, unknown>>).price.deck))) out.push(`${at}.products[${i}].price.deck`);
  });
  return [...out, ...costSeries.map((c) => `${at}.${c}`)];
}
export const costSeries = ['capex.exploration', 'capex.development', 'capex.sustaining', 'fixed_opex', 'closure'];

export function emptyModel(): FiscalModelJson {
  const years = 10, first = new Date().getFullYear();
  const zeros = () => Array.from({ length: years }, () => 0);
  return {
    schema: 'connex.fiscal/1',
    currency: 'USD',
    project: {
      first_year: first,
      years,
      inflation: 0,
      cost_base_year: first,
      products: [{ name: '', unit: '', production: zeros(), price: { unit: '', base: undefined, escalation: 0 } }],
      capex: { exploration: zeros(), development: zeros(), sustaining: zeros() },
      fixed_opex: zeros(),
      closure: zeros(),
    },
    discounting: { rate: 0.1, valuation_year: first, timing: 'end_of_year' },
    regimes: [{ name: '', instruments: [] }],
  };
}
