// @ts-check
import { formatDate } from '../format.js';
import { formatIndicator, indicatorLabel } from '../indicators.js';
import { html } from './html.js';

const WIDTH = 132;
const HEIGHT = 34;
const PAD = 3;

/**
 * The geometry of a trend chart: a step line through the known values on a time axis, and the vigilance and
 * emergency enter thresholds as horizontal lines. Pure.
 * @param {{ points: { at: string, value: number | null }[], thresholds: { vigilance?: { enter: number }, emergency?: { enter: number } } }} trend
 * @param {number} nowMs where the line ends on the right
 */
export function sparklineGeometry(trend, nowMs) {
  const known = trend.points.filter((point) => point.value !== null && !Number.isNaN(Date.parse(point.at)));
  if (known.length === 0) return undefined;
  const times = known.map((point) => Date.parse(point.at));
  const start = times[0];
  const end = Math.max(nowMs, times[times.length - 1] + 1);
  const levels = [trend.thresholds.vigilance?.enter, trend.thresholds.emergency?.enter].filter((value) => value !== undefined);
  const values = known.map((point) => /** @type {number} */ (point.value));
  const low = Math.min(0, ...values, ...levels);
  const high = Math.max(...values, ...levels) * 1.1 || 1;
  const x = (/** @type {number} */ time) => PAD + ((time - start) / (end - start)) * (WIDTH - 2 * PAD);
  const y = (/** @type {number} */ value) => HEIGHT - PAD - ((value - low) / (high - low || 1)) * (HEIGHT - 2 * PAD);
  let path = `M${x(times[0]).toFixed(1)},${y(values[0]).toFixed(1)}`;
  for (let index = 1; index < known.length; index++) path += ` H${x(times[index]).toFixed(1)} V${y(values[index]).toFixed(1)}`;
  path += ` H${x(end).toFixed(1)}`;
  const threshold = (/** @type {number | undefined} */ value) => (value === undefined ? undefined : y(value).toFixed(1));
  return {
    path,
    last: { x: x(end), y: y(values[values.length - 1]) },
    vigilance: threshold(trend.thresholds.vigilance?.enter),
    emergency: threshold(trend.thresholds.emergency?.enter),
    first: known[0],
    latest: known[known.length - 1],
    changes: known.length,
  };
}

/** @param {{ name: string, trend: any, now: number }} props */
export function Sparkline({ name, trend, now }) {
  const geometry = trend ? sparklineGeometry(trend, now) : undefined;
  if (!geometry) return html`<span class="sparkline-empty">no history yet</span>`;
  const label = `${indicatorLabel(name)}: ${formatIndicator(name, geometry.first.value)} on ${formatDate(geometry.first.at)}, ${formatIndicator(name, geometry.latest.value)} now, over ${geometry.changes} change${geometry.changes === 1 ? '' : 's'}`;
  return html`
    <svg class="sparkline" viewBox="0 0 ${WIDTH} ${HEIGHT}" width=${WIDTH} height=${HEIGHT} role="img" aria-label=${label}>
      <title>${label}</title>
      ${geometry.vigilance && html`<line class="threshold threshold-vigilance" x1="0" x2=${WIDTH} y1=${geometry.vigilance} y2=${geometry.vigilance}></line>`}
      ${geometry.emergency && html`<line class="threshold threshold-emergency" x1="0" x2=${WIDTH} y1=${geometry.emergency} y2=${geometry.emergency}></line>`}
      <path class="trend" d=${geometry.path}></path>
      <circle class="trend-now" cx=${geometry.last.x.toFixed(1)} cy=${geometry.last.y.toFixed(1)} r="2.5"></circle>
    </svg>`;
}
