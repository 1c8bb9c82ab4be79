// The project's yearly series as one table, a row per year and a column per
// series (production of each product, a price deck, capital and operating
// costs, closure), that takes a block pasted from a spreadsheet: the cells
// fill from the one pasted into, rightwards and down; a single copied row
// (years across, as many models lay them out) fills down the column.
// Cells that are not numbers keep their text and say so. A column filled
// from elsewhere (a production profile) shows its values, not inputs.
import { useContext } from 'preact/hooks';
import { getAt, parseGrid, parseNumber, showNumber } from '../../model_form';
import { Editor, NumberText, fieldId } from './editor_fields';

export interface YearColumn {
  path: string;
  label: string;
  filled?: (number | undefined)[];  // shown, not typed; a missing year (profile not yet read) shows "—"
}

export function YearTable({ columns, firstYear, years, caption, pasteHint }: { columns: YearColumn[]; firstYear: number; years: number; caption: string; pasteHint: string }) {
  const e = useContext(Editor);
  const cell = (c: number, row: number) => `${columns[c].path}[${row}]`;
  function put(updates: [string, string][]) {
    // One model update for the whole block: each column written once.
    const byColumn = new Map<string, number[]>();
    for (const [at, text] of updates) {
      const m = at.match(/^(.*)\[(\d+)\]$/);
      if (!m) continue;
      const n = parseNumber(text);
      if (n === null) {
        e.setDraft(at, text);
        continue;
      }
      e.setDraft(at, undefined);
      const series = byColumn.get(m[1]) ?? [...((getAt(e.model, m[1]) as number[] | undefined) ?? Array.from({ length: years }, () => 0))];
      series[Number(m[2])] = n;
      byColumn.set(m[1], series);
    }
    for (const [path, series] of byColumn) e.set(path, series);
  }
  function onPaste(ev: ClipboardEvent, c: number, row: number) {
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    let grid = parseGrid(text);
    if (grid.length === 1 && grid[0].length === 1) return; // one value: the input takes it
    ev.preventDefault();
    if (grid.length === 1) grid = grid[0].map((v) => [v]);
    const updates: [string, string][] = [];
    grid.forEach((cells, i) => cells.forEach((v, j) => {
      if (row + i < years && c + j < columns.length && !columns[c + j].filled) updates.push([cell(c + j, row + i), v]);
    }));
    put(updates);
  }
  return (
    <div class="year-table">
      <p class="muted">{pasteHint}</p>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col" /> {columns.map((c) => <th scope="col" key={c.path}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {Array.from({ length: years }, (_, row) => (
            <tr key={row}>
              <th scope="row">{firstYear + row}</th>
              {columns.map((c, k) => {
                if (c.filled) {
                  const v = c.filled[row];
                  return <td key={c.path} class="filled">{typeof v === 'number' ? showNumber(Number(v.toPrecision(12))) : '—'}</td>;
                }
                const at = cell(k, row);
                const v = getAt(e.model, at);
                const message = e.drafts[at] !== undefined ? e.notANumber : e.errors[at];
                return (
                  <td key={c.path}>
                    <NumberText id={fieldId(at)} aria-label={`${c.label} ${firstYear + row}`} value={v} draft={e.drafts[at]}
                      aria-invalid={message ? 'true' : undefined} title={message}
                      onPaste={(ev) => onPaste(ev as unknown as ClipboardEvent, k, row)}
                      onText={(text) => put([[at, text || '0']])} />
                    {message && <span class="field-error">{message}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
