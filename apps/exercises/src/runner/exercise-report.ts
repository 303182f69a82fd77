import { ExpectationResult, InstrumentUse, RefusedAttempt, ScopeFigures, ScopeStep, ExportControlChange } from '@imera/domain/exercises';

export const REPORT_VERSION = 1;

/** What an input got: accepted (2xx) or refused (4xx with the API's reason). */
export interface InputRecord {
  readonly index: number;
  readonly at: string;
  readonly action: string;
  readonly label: string | null;
  readonly actor: string;
  readonly status: number;
  readonly result: 'accepted' | 'refused';
  readonly reason: string | null;
}

/**
 * The exercise report: deterministic (virtual time only, no wall clock, stable order, ids from names and
 * event ordinals), so the same scenario and policy give the same bytes on every run.
 */
export interface ExerciseReport {
  readonly reportVersion: number;
  readonly exercise: {
    readonly id: string;
    readonly scenario: string;
    readonly description: string | null;
    readonly scenarioFileSha256: string;
    readonly decisions: 'auto' | 'scripted';
  };
  readonly policy: { readonly ref: string; readonly source: string; readonly changes: unknown };
  readonly outcome: {
    readonly passed: boolean;
    readonly expectations: number;
    readonly expectationsMet: number;
    readonly expectationsFailed: number;
    readonly inputs: number;
    readonly inputsRefused: number;
    readonly eventsRecorded: number;
  };
  readonly virtualTime: {
    readonly start: string;
    readonly until: string;
    readonly days: number;
    readonly scopes: readonly ScopeFigures[];
  };
  readonly scopes: ReadonlyArray<{ readonly scopeId: string; readonly steps: readonly ScopeStep[] }>;
  readonly inputs: readonly InputRecord[];
  readonly instruments: { readonly used: readonly InstrumentUse[]; readonly refused: readonly RefusedAttempt[] };
  readonly exportControls: readonly ExportControlChange[];
  readonly expectations: readonly ExpectationResult[];
}


/** The report as written to report.json: two-space indentation and a final newline. */
export function reportJson(report: ExerciseReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
