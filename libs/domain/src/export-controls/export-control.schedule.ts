import { ExportControlCommand, RecordedMeasure } from './export-control.decider';

export type DueTransition = Extract<ExportControlCommand, { kind: 'EnterIntoForce' | 'ExpireSuspension' }>;

/**
 * The dated transitions that are due at `now` for one measure: a measure's status changes on a date with
 * no new announcement (entry into force; the end of a suspension), so the schedule must send them.
 */
export function dueTransitions(state: RecordedMeasure, now: string): DueTransition[] {
  if (state.lifted) return [];
  const due: DueTransition[] = [];
  const measureId = state.measure.measureId;
  if (!state.enteredIntoForce && Date.parse(state.measure.effectiveFrom) <= Date.parse(now)) {
    due.push({ kind: 'EnterIntoForce', measureId, now });
  }
  if (state.suspension?.until && Date.parse(state.suspension.until) <= Date.parse(now)) {
    due.push({ kind: 'ExpireSuspension', measureId, now });
  }
  return due;
}

/** The next moment after `now` at which a transition of this measure falls due, if any. */
export function nextDueAt(state: RecordedMeasure, now: string): string | undefined {
  if (state.lifted) return undefined;
  const candidates = [
    state.enteredIntoForce ? undefined : state.measure.effectiveFrom,
    state.suspension?.until,
  ].filter((date): date is string => date !== undefined && Date.parse(date) > Date.parse(now));
  return candidates.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
