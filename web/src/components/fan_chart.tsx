// A fan chart drawn as SVG: for each year, the band from the 5th to the 95th
// percentile, the 10th to 90th inside it, and the median as a line, so a
// reader sees how wide the outcomes of each year are, not only their mean.
import { t } from '../i18n';
import { ValueAxis, YearLabels } from './chart_axes';
import { formatNumber } from '../numbers';

export interface Band {
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

export function FanChart({ title, years, bands, divisor = 1e6 }: { title: string; years: number[]; bands: Band[]; divisor?: number }) {
  const width = 720, height = 240, left = 56, bottom = 24, top = 12;
  const all = bands.flatMap((b) => [b.p5, b.p95]);
  const max = Math.max(0, ...all), min = Math.min(0, ...all);
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * (height - top - bottom);
  const x = (i: number) => left + ((i + 0.5) * (width - left)) / Math.max(1, years.length);
  const area = (lo: keyof Band, hi: keyof Band) =>
    [...bands.map((b, i) => `${x(i)},${y(b[hi])}`), ...bands.map((b, i) => `${x(i)},${y(b[lo])}`).reverse()].join(' ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        <ValueAxis max={max} min={min} y={y} left={left} width={width} divisor={divisor} />
        <polygon points={area('p5', 'p95')} fill="#0b5c8a" fill-opacity="0.18" />
        <polygon points={area('p10', 'p90')} fill="#0b5c8a" fill-opacity="0.3" />
        <polyline points={bands.map((b, i) => `${x(i)},${y(b.p50)}`).join(' ')} fill="none" stroke="#0b5c8a" stroke-width="2" />
        {bands.map((b, i) => (
          <rect key={i} x={x(i) - 4} y={y(b.p95)} width={8} height={Math.max(1, y(b.p5) - y(b.p95))} fill="transparent">
            <title>{`${years[i]}: P5 ${formatNumber(b.p5 / divisor, 1)}, P50 ${formatNumber(b.p50 / divisor, 1)}, P95 ${formatNumber(b.p95 / divisor, 1)} ${t('chart.millions')}`}</title>
          </rect>
        ))}
        <YearLabels years={years} x={x} y={height - 6} />
      </svg>
      <figcaption>{title}, {t('chart.millions')}: {t('chart.fanLegend')}</figcaption>
    </figure>
  );
}
