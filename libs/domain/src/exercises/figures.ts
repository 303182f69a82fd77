import { ScopeTimeline } from './exercise-timeline';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Virtual-time figures of one scope: when the policy first found a level reached, and how long each mode took. */
export interface ScopeFigures {
  readonly scopeId: string;
  /** The first proposal of the run (the first trigger), if any. */
  readonly firstTriggerAt: string | null;
  readonly daysFromStartToFirstTrigger: number | null;
  /** Per mode entered: when, and days after the first trigger. */
  readonly modesReached: ReadonlyArray<{ readonly mode: string; readonly at: string; readonly daysFromFirstTrigger: number | null }>;
  /** Days spent in each mode between the start and the end of the run. */
  readonly daysInMode: Readonly<Record<string, number>>;
}

export function scopeFigures(scope: ScopeTimeline, start: string, until: string): ScopeFigures {
  const trigger = scope.steps.find((step) => /Proposed$/.test(step.type));
  const firstTriggerAt = trigger?.at ?? null;
  const modesReached = scope.steps
    .filter((step) => step.modeChange)
    .map((step) => ({ mode: step.mode, at: step.at, daysFromFirstTrigger: firstTriggerAt ? days(firstTriggerAt, step.at) : null }));
  return {
    scopeId: scope.scopeId,
    firstTriggerAt,
    daysFromStartToFirstTrigger: firstTriggerAt ? days(start, firstTriggerAt) : null,
    modesReached,
    daysInMode: daysInMode(scope, start, until),
  };
}

function daysInMode(scope: ScopeTimeline, start: string, until: string): Record<string, number> {
  const totals: Record<string, number> = { normal: 0, vigilance: 0, emergency: 0 };
  let mode = 'normal';
  let since = start;
  for (const step of scope.steps.filter((candidate) => candidate.modeChange)) {
    totals[mode] += days(since, step.at);
    mode = step.mode;
    since = step.at;
  }
  totals[mode] += days(since, until);
  for (const key of Object.keys(totals)) totals[key] = round(totals[key]);
  return totals;
}

function days(from: string, to: string): number {
  return round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Two decimals, so reports print the same on every machine. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
