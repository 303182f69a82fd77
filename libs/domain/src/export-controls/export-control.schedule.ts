import { ExportControlCommand, RecordedMeasure } from './export-control.decider';

export type DueTransition = Extract<
  ExportControlCommand,
  { kind: 'EnterIntoForce' | 'StartSuspension' | 'ExpireSuspension' | 'ApplyAmendment' | 'ApplyLifting' }
>;

/**
 * The dated transitions still ahead for one measure, in the order they must be applied: a measure's status
 * changes on a date with no new announcement (entry into force; the start of a suspension recorded in
 * advance; the end of a suspension; an amendment or lifting recorded in advance), so the schedule must send them. Nothing
 * falls due on or after the date of a pending lifting except the lifting itself.
 */
function pendingTransitions(state: RecordedMeasure): Array<{ readonly kind: DueTransition['kind']; readonly dueDate: string }> {
  if (state.lifted) return [];
  const pending: Array<{ kind: DueTransition['kind']; dueDate: string }> = [];
  if (!state.enteredIntoForce) pending.push({ kind: 'EnterIntoForce', dueDate: state.measure.effectiveFrom });
  const suspension = state.suspension;
  if (suspension && !suspension.inEffect) pending.push({ kind: 'StartSuspension', dueDate: suspension.from });
  if (suspension?.until) pending.push({ kind: 'ExpireSuspension', dueDate: suspension.until });
  if (state.pendingAmendment) pending.push({ kind: 'ApplyAmendment', dueDate: state.pendingAmendment.amendedOn });
  const lifting = state.pendingLifting;
  if (!lifting) return pending;
  return [...pending.filter(({ dueDate }) => Date.parse(dueDate) < Date.parse(lifting.on)), { kind: 'ApplyLifting', dueDate: lifting.on }];
}

/** The dated transitions that are due at `now` for one measure (a start before the end of the same suspension). */
export function dueTransitions(state: RecordedMeasure, now: string): DueTransition[] {
  const measureId = state.measure.measureId;
  return pendingTransitions(state)
    .filter(({ dueDate }) => Date.parse(dueDate) <= Date.parse(now))
    .map(({ kind }) => ({ kind, measureId, now }));
}

/** The date on which a transition of this measure falls due: it names the transition, however late it is sent. */
export function dueDateOf(state: RecordedMeasure, kind: DueTransition['kind']): string | undefined {
  return pendingTransitions(state).find((transition) => transition.kind === kind)?.dueDate;
}

/** The next moment after `now` at which a transition of this measure falls due, if any. */
export function nextDueAt(state: RecordedMeasure, now: string): string | undefined {
  return pendingTransitions(state)
    .map(({ dueDate }) => dueDate)
    .filter((date) => Date.parse(date) > Date.parse(now))
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
