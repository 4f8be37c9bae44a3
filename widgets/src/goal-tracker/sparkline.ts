// The goal tracker's sparkline: the trend drawn as an SVG with an accessible name.
import { svg, type SVGTemplateResult } from 'lit';
import type { Pt, Trend } from './trend';

const W = 240;
const H = 56;
const PAD = 3;

export function sparkline(trend: Trend, label: string): SVGTemplateResult {
  const all = [...trend.expected, ...trend.actual, ...(trend.forecast ?? [])];
  const max = Math.max(1, ...all.map(([, y]) => y));
  const min = Math.min(0, ...all.map(([, y]) => y));
  const path = (pts: Pt[]): string =>
    pts
      .map(([x, y], i) => `${i ? 'L' : 'M'}${(PAD + x * (W - 2 * PAD)).toFixed(1)} ${(H - PAD - ((y - min) / (max - min)) * (H - 2 * PAD)).toFixed(1)}`)
      .join('');
  return svg`<svg part="sparkline" class="spark" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label=${label}>
    <title>${label}</title>
    <path class="expected" d=${path(trend.expected)} vector-effect="non-scaling-stroke"></path>
    ${trend.forecast ? svg`<path class="forecast" d=${path(trend.forecast)} vector-effect="non-scaling-stroke"></path>` : ''}
    ${trend.actual.length > 1 ? svg`<path class="actual" d=${path(trend.actual)} vector-effect="non-scaling-stroke"></path>` : ''}
  </svg>`;
}
