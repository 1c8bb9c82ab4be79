// What the SVG charts share: the value axis (gridlines at the top, zero and
// the bottom, labelled in the chart's unit) and the year labels below.
import { formatNumber } from '../numbers';

export function ValueAxis({ max, min, y, left, width, divisor }: { max: number; min: number; y: (v: number) => number; left: number; width: number; divisor: number }) {
  const ticks = [max, 0, min].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={width} y1={y(v)} y2={y(v)} stroke="#d9e1e8" />
          <text x={left - 4} y={y(v) + 4} text-anchor="end" font-size="10">{formatNumber(v / divisor, 0)}</text>
        </g>
      ))}
    </>
  );
}

// About ten labels, whatever the number of years; `x` is the centre of year i.
export function YearLabels({ years, x, y }: { years: (number | string)[]; x: (i: number) => number; y: number }) {
  return <>{years.map((yr, i) => (i % Math.ceil(years.length / 10) === 0 ? <text key={i} x={x(i)} y={y} text-anchor="middle" font-size="10">{yr}</text> : null))}</>;
}
