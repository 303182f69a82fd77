import { Decider, DomainRuleViolation } from '@imera/event-sourcing';
import { ExportControlAmendmentTookEffect, ExportControlEvent, ExportControlRecorded, ExportControlType } from './export-control.events';

type MeasureData = Omit<ExportControlRecorded['data'], 'recordedAt'>;

export type ExportControlCommand =
  | ({ readonly kind: 'RecordExportControl'; readonly now: string } & MeasureData)
  | { readonly kind: 'EnterIntoForce'; readonly measureId: string; readonly now: string }
  | {
      readonly kind: 'SuspendExportControl';
      readonly measureId: string;
      readonly reference: string;
      readonly suspendedFrom: string;
      readonly suspendedUntil?: string;
      readonly now: string;
    }
  | { readonly kind: 'StartSuspension'; readonly measureId: string; readonly now: string }
  | { readonly kind: 'ExpireSuspension'; readonly measureId: string; readonly now: string }
  | { readonly kind: 'ApplyLifting'; readonly measureId: string; readonly now: string }
  | { readonly kind: 'ApplyAmendment'; readonly measureId: string; readonly now: string }
  | { readonly kind: 'LiftExportControl'; readonly measureId: string; readonly reference: string; readonly liftedOn: string; readonly now: string }
  | {
      readonly kind: 'AmendExportControl';
      readonly measureId: string;
      readonly reference: string;
      readonly amendedOn: string;
      readonly materials?: readonly string[];
      readonly destinations?: 'all' | readonly string[];
      readonly type?: ExportControlType;
      readonly deMinimisShare?: number;
      readonly now: string;
    };

export type ExportControlStatus = 'announced' | 'in-force' | 'suspended' | 'lifted';

export interface RecordedSuspension {
  readonly reference: string;
  readonly from: string;
  readonly until?: string;
  /** False while a suspension recorded in advance waits for its start date. */
  readonly inEffect: boolean;
}

export interface RecordedMeasure {
  readonly measure: MeasureData;
  readonly enteredIntoForce: boolean;
  readonly suspension?: RecordedSuspension;
  /** A lifting recorded ahead of its date, until that date passes. */
  readonly pendingLifting?: { readonly reference: string; readonly on: string };
  /** An amendment recorded ahead of its date, until that date passes. */
  readonly pendingAmendment?: ExportControlAmendmentTookEffect['data'];
  readonly lifted: boolean;
}

export type ExportControlState = { readonly recorded: false } | ({ readonly recorded: true } & RecordedMeasure);

/**
 * The measure's status follows from its history: lifted, else suspended once a suspension took effect, else
 * in force once its date passed. A suspension, lifting or amendment recorded ahead of its date leaves the
 * status (and the scope) as it was.
 */
export function exportControlStatus(state: RecordedMeasure): ExportControlStatus {
  if (state.lifted) return 'lifted';
  if (state.suspension?.inEffect) return 'suspended';
  return state.enteredIntoForce ? 'in-force' : 'announced';
}

/**
 * A third-country export-control measure and its status changes. Dated transitions (entry into force, start
 * of a suspension recorded in advance, end of a suspension, a lifting or amendment recorded in advance) are
 * not announced again: the schedule sends EnterIntoForce / StartSuspension / ExpireSuspension / ApplyLifting /
 * ApplyAmendment when their date passes, and the decider accepts each only once.
 */
export const exportControlDecider: Decider<ExportControlCommand, ExportControlState, ExportControlEvent> = {
  initialState: () => ({ recorded: false }),

  decide(command, state) {
    if (command.kind === 'RecordExportControl') {
      if (state.recorded) throw new DomainRuleViolation('measure-exists', `Measure ${command.measureId} is already recorded`);
      const { kind: _kind, now, ...measure } = command;
      const recorded: ExportControlEvent = { type: 'ExportControlRecorded', data: { ...measure, recordedAt: now } };
      return Date.parse(measure.effectiveFrom) <= Date.parse(now) ? [recorded, enteredIntoForce(measure)] : [recorded];
    }
    if (!state.recorded) throw new DomainRuleViolation('measure-not-found', `Measure ${command.measureId} is not recorded`);
    if (state.lifted) throw new DomainRuleViolation('measure-lifted', `Measure ${command.measureId} was lifted`);
    return decideChange(command, state);
  },

  evolve(state, event) {
    if (event.type === 'ExportControlRecorded') {
      const { recordedAt: _recordedAt, ...measure } = event.data;
      return { recorded: true, measure, enteredIntoForce: false, lifted: false };
    }
    if (!state.recorded) return state;
    switch (event.type) {
      case 'ExportControlEnteredIntoForce':
        return { ...state, enteredIntoForce: true };
      case 'ExportControlSuspended': {
        const { reference, suspendedFrom: from, suspendedUntil: until, recordedAt } = event.data;
        return { ...state, suspension: { reference, from, until, inEffect: !recordedInAdvance(from, recordedAt) } };
      }
      case 'ExportControlSuspensionTookEffect':
        return state.suspension ? { ...state, suspension: { ...state.suspension, inEffect: true } } : state;
      case 'ExportControlSuspensionExpired':
        return { ...state, suspension: undefined };
      case 'ExportControlLifted': {
        const { reference, liftedOn, recordedAt } = event.data;
        return recordedInAdvance(liftedOn, recordedAt) ? { ...state, pendingLifting: { reference, on: liftedOn } } : { ...state, lifted: true };
      }
      case 'ExportControlLiftingTookEffect':
        return { ...state, lifted: true, pendingLifting: undefined };
      case 'ExportControlAmended': {
        const { recordedAt, ...amendment } = event.data;
        return recordedInAdvance(amendment.amendedOn, recordedAt) ? { ...state, pendingAmendment: amendment } : amended(state, amendment);
      }
      case 'ExportControlAmendmentTookEffect':
        return { ...amended(state, event.data), pendingAmendment: undefined };
    }
  },
};

function decideChange(command: Exclude<ExportControlCommand, { kind: 'RecordExportControl' }>, state: RecordedMeasure): ExportControlEvent[] {
  const { measure } = state;
  switch (command.kind) {
    case 'EnterIntoForce':
      if (state.enteredIntoForce) throw new DomainRuleViolation('already-in-force', `Measure ${measure.measureId} is already in force`);
      assertDue(measure.effectiveFrom, command.now, 'effective date');
      return [enteredIntoForce(measure)];
    case 'SuspendExportControl':
      if (state.suspension) throw new DomainRuleViolation('already-suspended', `Measure ${measure.measureId} is already suspended`);
      if (command.suspendedUntil && Date.parse(command.suspendedUntil) <= Date.parse(command.suspendedFrom)) {
        throw new DomainRuleViolation('invalid-period', 'suspendedUntil must be after suspendedFrom');
      }
      return [
        {
          type: 'ExportControlSuspended',
          data: { measureId: measure.measureId, reference: command.reference, suspendedFrom: command.suspendedFrom, suspendedUntil: command.suspendedUntil, recordedAt: command.now },
        },
      ];
    case 'StartSuspension': {
      const suspension = state.suspension;
      if (!suspension) throw new DomainRuleViolation('not-suspended', `Measure ${measure.measureId} has no suspension`);
      if (suspension.inEffect) throw new DomainRuleViolation('suspension-in-effect', `The suspension of ${measure.measureId} already took effect`);
      assertDue(suspension.from, command.now, 'suspension start');
      const data = { measureId: measure.measureId, reference: suspension.reference, suspendedFrom: suspension.from, materials: measure.materials };
      return [{ type: 'ExportControlSuspensionTookEffect', data: suspension.until ? { ...data, suspendedUntil: suspension.until } : data }];
    }
    case 'ExpireSuspension':
      if (!state.suspension?.until) throw new DomainRuleViolation('no-dated-suspension', `Measure ${measure.measureId} has no suspension with an end date`);
      if (!state.suspension.inEffect) throw new DomainRuleViolation('suspension-not-started', `The suspension of ${measure.measureId} has not taken effect yet`);
      assertDue(state.suspension.until, command.now, 'suspension end');
      return [{ type: 'ExportControlSuspensionExpired', data: { measureId: measure.measureId, suspendedUntil: state.suspension.until, materials: measure.materials } }];
    case 'ApplyLifting': {
      const lifting = state.pendingLifting;
      if (!lifting) throw new DomainRuleViolation('no-pending-lifting', `Measure ${measure.measureId} has no lifting recorded in advance`);
      assertDue(lifting.on, command.now, 'lifting date');
      return [{ type: 'ExportControlLiftingTookEffect', data: { measureId: measure.measureId, reference: lifting.reference, liftedOn: lifting.on, materials: measure.materials } }];
    }
    case 'LiftExportControl':
      if (state.pendingLifting) throw new DomainRuleViolation('lifting-recorded', `Measure ${measure.measureId} is already to be lifted on ${state.pendingLifting.on}`);
      return [{ type: 'ExportControlLifted', data: { measureId: measure.measureId, reference: command.reference, liftedOn: command.liftedOn, recordedAt: command.now } }];
    case 'ApplyAmendment': {
      const amendment = state.pendingAmendment;
      if (!amendment) throw new DomainRuleViolation('no-pending-amendment', `Measure ${measure.measureId} has no amendment recorded in advance`);
      assertDue(amendment.amendedOn, command.now, 'amendment date');
      return [{ type: 'ExportControlAmendmentTookEffect', data: amendment }];
    }
    case 'AmendExportControl': {
      const pending = state.pendingAmendment;
      if (pending) throw new DomainRuleViolation('amendment-pending', `Measure ${measure.measureId} has an amendment to apply on ${pending.amendedOn}; record the next one after that date`);
      const { kind: _kind, now, ...amendment } = command;
      return [{ type: 'ExportControlAmended', data: { ...amendment, recordedAt: now } }];
    }
  }
}

function enteredIntoForce(measure: MeasureData): ExportControlEvent {
  return { type: 'ExportControlEnteredIntoForce', data: { measureId: measure.measureId, effectiveFrom: measure.effectiveFrom, materials: measure.materials } };
}

function amended<T extends RecordedMeasure>(state: T, amendment: ExportControlAmendmentTookEffect['data']): T {
  const { measureId: _id, reference: _reference, amendedOn: _on, ...changes } = amendment;
  return { ...state, measure: { ...state.measure, ...definedOnly(changes) } };
}

/**
 * Whether a dated change (suspension, lifting, amendment) was recorded ahead of its date, so it applies only
 * from its ...TookEffect event (a missing recording time counts as not ahead).
 */
export function recordedInAdvance(date: string, recordedAt: string | undefined): boolean {
  return Date.parse(date) > Date.parse(recordedAt ?? '');
}

function assertDue(date: string, now: string, what: string): void {
  if (Date.parse(date) > Date.parse(now)) throw new DomainRuleViolation('not-due', `The ${what} ${date} has not passed yet (now ${now})`);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
