import { ImeraMode } from '@imera/domain/imera-modes';
import { modeRank } from '@imera/domain/imera-modes';
import { ExerciseTimeline, Instrument, ScopeTimeline } from './exercise-timeline';

export type Expectation =
  | { readonly kind: 'mode-at'; readonly label?: string; readonly scope: string; readonly mode: ImeraMode; readonly at: string }
  | { readonly kind: 'mode-reached-by'; readonly label?: string; readonly scope: string; readonly mode: ImeraMode; readonly by: string }
  | { readonly kind: 'mode-never'; readonly label?: string; readonly scope: string; readonly mode: ImeraMode }
  | { readonly kind: 'no-instrument-before-mode'; readonly label?: string; readonly instrument: Instrument; readonly mode: ImeraMode; readonly scope?: string }
  | { readonly kind: 'export-control-status'; readonly label?: string; readonly measureId: string; readonly status: string; readonly at: string };

/** An attempt to use an instrument that the API refused (an input answered 4xx). */
export interface RefusedAttempt {
  readonly input: number;
  readonly instrument: Instrument;
  readonly at: string;
  readonly status: number;
}

export interface ExpectationResult {
  readonly index: number;
  readonly label: string;
  readonly kind: Expectation['kind'];
  readonly met: boolean;
  readonly reason: string;
}

/** Judges every expectation over the recorded timeline; pure, so the same run always gives the same results. */
export function evaluateExpectations(
  expectations: readonly Expectation[],
  timeline: ExerciseTimeline,
  refusals: readonly RefusedAttempt[] = [],
): ExpectationResult[] {
  return expectations.map((expectation, index) => {
    const { met, reason } = evaluate(expectation, timeline, refusals);
    return { index, label: expectation.label ?? describeExpectation(expectation), kind: expectation.kind, met, reason };
  });
}

export function describeExpectation(expectation: Expectation): string {
  switch (expectation.kind) {
    case 'mode-at':
      return `${expectation.scope} is in ${expectation.mode} mode at ${expectation.at}`;
    case 'mode-reached-by':
      return `${expectation.scope} reaches ${expectation.mode} mode by ${expectation.by}`;
    case 'mode-never':
      return `${expectation.scope} never enters ${expectation.mode} mode`;
    case 'no-instrument-before-mode':
      return `no ${expectation.instrument} is used before ${expectation.mode} mode${expectation.scope ? ` in ${expectation.scope}` : ''}`;
    case 'export-control-status':
      return `export control ${expectation.measureId} is ${expectation.status} at ${expectation.at}`;
  }
}

/** The scope's mode at an instant: that of its last step at or before it (normal before any). */
export function modeAt(scope: ScopeTimeline | undefined, at: string): ImeraMode {
  const time = Date.parse(at);
  let mode: ImeraMode = 'normal';
  for (const step of scope?.steps ?? []) if (Date.parse(step.at) <= time) mode = step.mode;
  return mode;
}

function evaluate(expectation: Expectation, timeline: ExerciseTimeline, refusals: readonly RefusedAttempt[]): { met: boolean; reason: string } {
  const scope = 'scope' in expectation && expectation.scope ? timeline.scopes.find((candidate) => candidate.scopeId === expectation.scope) : undefined;
  switch (expectation.kind) {
    case 'mode-at': {
      const actual = modeAt(scope, expectation.at);
      return { met: actual === expectation.mode, reason: `${expectation.scope} was in ${actual} mode at ${expectation.at}` };
    }
    case 'mode-reached-by': {
      const reached = scope?.steps.find((step) => step.modeChange && modeRank(step.mode) >= modeRank(expectation.mode));
      if (expectation.mode === 'normal') return { met: true, reason: 'every scope starts in normal mode' };
      if (!reached) return { met: false, reason: `${expectation.scope} never reached ${expectation.mode} mode` };
      const met = Date.parse(reached.at) <= Date.parse(expectation.by);
      return { met, reason: `${expectation.scope} reached ${reached.mode} mode at ${reached.at} (event ${reached.event})` };
    }
    case 'mode-never': {
      const entered = scope?.steps.find((step) => step.modeChange?.to === expectation.mode);
      return entered
        ? { met: false, reason: `${expectation.scope} entered ${expectation.mode} mode at ${entered.at} (event ${entered.event})` }
        : { met: true, reason: `${expectation.scope} never entered ${expectation.mode} mode` };
    }
    case 'no-instrument-before-mode':
      return instrumentsRespectMode(expectation, timeline, refusals);
    case 'export-control-status': {
      const time = Date.parse(expectation.at);
      const last = timeline.exportControls.filter((change) => change.measureId === expectation.measureId && Date.parse(change.at) <= time).at(-1);
      const actual = last?.status ?? 'not-recorded';
      return { met: actual === expectation.status, reason: `${expectation.measureId} was ${actual} at ${expectation.at}` };
    }
  }
}

function instrumentsRespectMode(
  expectation: Extract<Expectation, { kind: 'no-instrument-before-mode' }>,
  timeline: ExerciseTimeline,
  refusals: readonly RefusedAttempt[],
): { met: boolean; reason: string } {
  const uses = timeline.instruments.filter((use) => use.instrument === expectation.instrument && (!expectation.scope || use.scopeId === expectation.scope));
  const early = uses.filter((use) => modeRank(use.modeAtUse) < modeRank(expectation.mode));
  const refused = refusals.filter((attempt) => attempt.instrument === expectation.instrument);
  const refusedText = refused.length > 0 ? `; ${refused.length} attempt(s) refused (input ${refused.map((attempt) => attempt.input).join(', ')})` : '';
  if (early.length > 0) {
    const first = early[0];
    return { met: false, reason: `${expectation.instrument} used at ${first.at} (event ${first.event}) while ${first.scopeId ?? 'its scope'} was in ${first.modeAtUse} mode${refusedText}` };
  }
  return { met: true, reason: `${uses.length} ${expectation.instrument}(s) used, none below ${expectation.mode} mode${refusedText}` };
}
