// Bars per year drawn as SVG (no chart library: the analysis pages stay
// light on slow connections). Series side by side, or stacked when they
// share a `stack` (the state's receipts by instrument beside the investor's
// cash flow): positive parts pile up from the axis, negative parts down.
// The figure is labelled; each bar's title gives its year and value.
import { t } from '../i18n';
import { ValueAxis, YearLabels } from './chart_axes';
import { formatNumber } from '../numbers';
export interface Series {
  label: string;
  values: number[];
  colour: string;
  stack?: string;
}

// `years` label the bars (years, or a histogram's bins); values are shown divided by `divisor`.
export function BarChart({ title, years, series, divisor = 1e6, unit }: { title: string; years: (number | string)[]; series: Series[]; divisor?: number; unit?: string }) {
  const width = 720, height = 240, left = 56, bottom = 24, top = 12;
  const groups = [...new Set(series.map((s) => s.stack ?? s.label))];
  // Where each bar starts and ends: a value that is not a number (a rate
  // undefined at that price) has no bar.
  const up = groups.map(() => years.map(() => 0)), down = groups.map(() => years.map(() => 0));
  const bars = series.map((s) => {
    const g = groups.indexOf(s.stack ?? s.label);
    return s.values.map((v, i) => {
      if (!Number.isFinite(v)) return null;
      const pile = v >= 0 ? up[g] : down[g];
      const from = pile[i];
      pile[i] += v;
      return { g, from, to: pile[i], v };
    });
  });
  const ends = [...up.flat(), ...down.flat()];
  const max = Math.max(0, ...ends), min = Math.min(0, ...ends);
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * (height - top - bottom);
  const slot = (width - left) / Math.max(1, years.length);
  const bar = Math.max(1, (slot * 0.8) / groups.length);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        <ValueAxis max={max} min={min} y={y} left={left} width={width} divisor={divisor} />
        <line x1={left} x2={width} y1={y(0)} y2={y(0)} stroke="#5b6b7c" />
        {bars.map((values, k) =>
          values.map((b, i) => !b ? null : (
            <rect key={`${k}-${i}`} x={left + i * slot + slot * 0.1 + b.g * bar} y={Math.min(y(b.from), y(b.to))} width={bar} height={Math.max(0.5, Math.abs(y(b.to) - y(b.from)))} fill={series[k].colour}>
              <title>{`${years[i]} ${series[k].label}: ${formatNumber(b.v / divisor, 1)} ${unit ?? t('chart.millions')}`}</title>
            </rect>
          )),
        )}
        <YearLabels years={years} x={(i) => left + i * slot + slot / 2} y={height - 6} />
      </svg>
      <figcaption>
        {title}, {unit ?? t('chart.millions')}: {series.map((s) => <span key={s.label} class="legend"><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill={s.colour} /></svg> {s.label}</span>)}
      </figcaption>
    </figure>
  );
}
