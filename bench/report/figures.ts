/** A target from the users' issue: the figure must be at least (or at most) this value. */
export interface Target {
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** One line of the results table. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  /** null when the figure is not measured (yet). */
  readonly value: number | null;
  readonly unit: string;
  readonly target?: Target;
  readonly note?: string;
}

export type Verdict = 'met' | 'not met' | 'no target' | 'not measured';

export function verdict(figure: Figure): Verdict {
  if (figure.value === null) return 'not measured';
  const { target } = figure;
  if (!target) return 'no target';
  if (target.atLeast !== undefined && figure.value < target.atLeast) return 'not met';
  if (target.atMost !== undefined && figure.value > target.atMost) return 'not met';
  return 'met';
}

export function describeTarget(figure: Figure): string {
  const { target, unit } = figure;
  if (!target) return '';
  const parts: string[] = [];
  if (target.atLeast !== undefined) parts.push(`>= ${formatValue(target.atLeast, unit)}`);
  if (target.atMost !== undefined) parts.push(`<= ${formatValue(target.atMost, unit)}`);
  return parts.join(', ');
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '-';
  if (unit === 'x') return `${value.toFixed(2)}x`;
  if (unit === '%') return `${(value * 100).toFixed(0)}%`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export const MB = 1024 * 1024;
