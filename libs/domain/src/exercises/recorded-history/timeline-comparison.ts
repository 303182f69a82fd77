import { atLeast, EscalatedMode, ScopeModeStatus } from '@imera/domain/imera-modes';
import { ModeTransition, ScopeTimeline } from './mode-timeline';

/**
 * How a replayed step differs from what happened: `moved` (the same step, at another time), `missing`
 * (happened, not in the replay), `extra` (in the replay only).
 */
export interface TimelineDifference {
  readonly kind: 'moved' | 'missing' | 'extra';
  readonly type: ModeTransition['type'];
  readonly mode: EscalatedMode;
  readonly to: ScopeModeStatus;
  readonly recordedAt: string | null;
  readonly replayedAt: string | null;
  /** Replayed minus recorded time, in seconds, for `moved` steps (negative: the replay was earlier). */
  readonly shiftSeconds: number | null;
}

/** When a scope first entered a mode (or a higher one), recorded and replayed; null when never. */
export interface ModeReached {
  readonly mode: EscalatedMode;
  readonly recordedAt: string | null;
  readonly replayedAt: string | null;
}

export interface ScopeComparison {
  readonly scopeId: string;
  readonly recordedTransitions: number;
  readonly replayedTransitions: number;
  readonly reached: readonly ModeReached[];
  readonly differences: readonly TimelineDifference[];
}

export interface TimelineComparison {
  /** Steps whose times differ by no more than this count as at the same time. */
  readonly toleranceSeconds: number;
  readonly identical: boolean;
  readonly differenceCount: number;
  readonly scopes: readonly ScopeComparison[];
}

/**
 * Compares the mode timelines scope by scope. The steps are lined up by what they are (event type, mode
 * concerned, status reached) in their order, keeping the longest common sequence; what lines up is the
 * same step (moved when its time differs beyond the tolerance), what does not is missing or extra.
 */
export function compareModeTimelines(
  recorded: readonly ScopeTimeline[],
  replayed: readonly ScopeTimeline[],
  options: { readonly toleranceSeconds: number },
): TimelineComparison {
  const byScope = (timelines: readonly ScopeTimeline[]) => new Map(timelines.map((timeline) => [timeline.scopeId, timeline.transitions]));
  const recordedByScope = byScope(recorded);
  const replayedByScope = byScope(replayed);
  const scopeIds = [...new Set([...recordedByScope.keys(), ...replayedByScope.keys()])].sort();
  const scopes = scopeIds.map((scopeId) =>
    compareScope(scopeId, recordedByScope.get(scopeId) ?? [], replayedByScope.get(scopeId) ?? [], options.toleranceSeconds),
  );
  const differenceCount = scopes.reduce((sum, scope) => sum + scope.differences.length, 0);
  return { toleranceSeconds: options.toleranceSeconds, identical: differenceCount === 0, differenceCount, scopes };
}

function compareScope(scopeId: string, recorded: readonly ModeTransition[], replayed: readonly ModeTransition[], toleranceSeconds: number): ScopeComparison {
  const differences: TimelineDifference[] = [];
  for (const [before, after] of align(recorded, replayed)) {
    const step = (before ?? after)!;
    const base = { type: step.type, mode: step.mode, to: step.to, recordedAt: before?.at ?? null, replayedAt: after?.at ?? null };
    if (!before) differences.push({ kind: 'extra', ...base, shiftSeconds: null });
    else if (!after) differences.push({ kind: 'missing', ...base, shiftSeconds: null });
    else {
      const shiftSeconds = (Date.parse(after.at) - Date.parse(before.at)) / 1000;
      if (Math.abs(shiftSeconds) > toleranceSeconds) differences.push({ kind: 'moved', ...base, shiftSeconds });
    }
  }
  return {
    scopeId,
    recordedTransitions: recorded.length,
    replayedTransitions: replayed.length,
    reached: (['vigilance', 'emergency'] as const).map((mode) => ({ mode, recordedAt: firstReached(recorded, mode), replayedAt: firstReached(replayed, mode) })),
    differences,
  };
}

function firstReached(transitions: readonly ModeTransition[], mode: EscalatedMode): string | null {
  return transitions.find((transition) => atLeast(transition.modeAfter, mode))?.at ?? null;
}

const keyOf = (transition: ModeTransition) => `${transition.type}|${transition.mode}|${transition.to}`;

/** Pairs in order: [recorded, replayed] for a step in both, [recorded, undefined] or [undefined, replayed] otherwise. */
function align(recorded: readonly ModeTransition[], replayed: readonly ModeTransition[]): Array<[ModeTransition | undefined, ModeTransition | undefined]> {
  const n = recorded.length;
  const m = replayed.length;
  // common[i][j]: length of the longest common sequence of recorded[i..] and replayed[j..].
  const common = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      common[i][j] = keyOf(recorded[i]) === keyOf(replayed[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
  const pairs: Array<[ModeTransition | undefined, ModeTransition | undefined]> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && keyOf(recorded[i]) === keyOf(replayed[j])) pairs.push([recorded[i++], replayed[j++]]);
    else if (j >= m || (i < n && common[i + 1][j] >= common[i][j + 1])) pairs.push([recorded[i++], undefined]);
    else pairs.push([undefined, replayed[j++]]);
  }
  return pairs;
}
