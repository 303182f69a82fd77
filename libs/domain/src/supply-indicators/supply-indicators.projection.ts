import { RecordedEvent } from '@imera/event-sourcing';
import { ExportControlEvent, ExportControlType, recordedInAdvance } from '@imera/domain/export-controls';
import { NotificationImpact, OperatorNotificationEvent } from '@imera/domain/operator-notifications';
import { StrategicStockEvent } from '@imera/domain/strategic-stocks';
import { EvidenceRef, evidenceOf } from './evidence';
import { withFiling } from './notification-summary';

export interface TrackedMeasure {
  readonly measureId: string;
  readonly country: string;
  readonly reference: string;
  readonly type: ExportControlType;
  /** Material codes as announced (elements such as "dysprosium" included). */
  readonly materials: readonly string[];
  readonly destinations: 'all' | readonly string[];
  readonly inForce: boolean;
  readonly suspension?: { readonly reference: string; readonly from: string; readonly until?: string };
  /** The date of a lifting recorded in advance; the measure is dropped at ExportControlLiftingTookEffect. */
  readonly liftedFrom?: string;
  readonly evidence: readonly EvidenceRef[];
}

export interface TrackedNotification {
  readonly notificationId: string;
  readonly memberState: string;
  readonly operatorId: string;
  readonly material: string;
  readonly impact: NotificationImpact;
  readonly evidence: readonly EvidenceRef[];
}

/** The open notifications filed under one material code. */
export type OpenNotifications = readonly [material: string, notifications: readonly TrackedNotification[]];

export interface TrackedStock {
  readonly memberState: string;
  readonly material: string;
  readonly tonnesHeld: number;
  readonly shareOfNationalConsumption?: number;
  readonly reportedAt: string;
  readonly evidence: readonly EvidenceRef[];
}

/**
 * What the supply indicators are computed from: measures not lifted, notifications not resolved, the latest
 * stock report per Member State and material. Plain JSON, so a runner can checkpoint it and a rebuild from
 * the same events gives the identical state.
 */
export interface SupplyIndicatorsState {
  readonly schemaVersion: 3;
  /** Global position of the last event applied; events at or before it are ignored (redelivery). */
  readonly checkpoint: number | null;
  readonly measures: Readonly<Record<string, TrackedMeasure>>;
  /**
   * Open notifications, per filed material code (materials in the order of their first open filing, each
   * list oldest filing first). Lists, not records: a change copies one list and the short list of materials
   * (two block copies) instead of a record of every open notification or a record keyed by material.
   */
  readonly openNotifications: readonly OpenNotifications[];
  /**
   * Latest stock report per Member State, by material, each material's in log order (newest last). A list per
   * material, so a report copies the few reports of its material (a flat record of some 800 keys made each
   * report cost milliseconds, and a record per material reordered by every report made a new object shape
   * each time).
   */
  readonly stocks: Readonly<Record<string, readonly TrackedStock[]>>;
}

type IntakeEvent = ExportControlEvent | OperatorNotificationEvent | StrategicStockEvent;

const INTAKE_TYPES = new Set<string>([
  'ExportControlRecorded',
  'ExportControlEnteredIntoForce',
  'ExportControlSuspended',
  'ExportControlSuspensionTookEffect',
  'ExportControlSuspensionExpired',
  'ExportControlLifted',
  'ExportControlLiftingTookEffect',
  'ExportControlAmended',
  'ExportControlAmendmentTookEffect',
  'OperatorNotificationFiled',
  'OperatorNotificationUpdated',
  'OperatorNotificationResolved',
  'StrategicStockReported',
] satisfies IntakeEvent['type'][]);

export function initialSupplyIndicatorsState(): SupplyIndicatorsState {
  return { schemaVersion: 3, checkpoint: null, measures: {}, openNotifications: [], stocks: {} };
}

/**
 * Folds one recorded event (in global order, at its newest schema version) into the state. Pure: returns a
 * new state and leaves the old one untouched. Events of other types only move the checkpoint.
 */
export function evolveSupplyIndicators(state: SupplyIndicatorsState, recorded: RecordedEvent): SupplyIndicatorsState {
  if (state.checkpoint !== null && recorded.globalPosition <= state.checkpoint) return state;
  let { measures, openNotifications, stocks } = state;
  if (INTAKE_TYPES.has(recorded.type)) {
    const event = { type: recorded.type, data: recorded.data } as IntakeEvent;
    const evidence = evidenceOf(recorded);
    switch (event.type) {
      case 'OperatorNotificationFiled':
      case 'OperatorNotificationUpdated':
      case 'OperatorNotificationResolved':
        openNotifications = evolveNotifications(openNotifications, event, evidence);
        break;
      case 'StrategicStockReported':
        stocks = evolveStocks(stocks, event, evidence);
        break;
      default:
        measures = evolveMeasures(measures, event, evidence);
    }
  }
  // One literal of one shape per event: spreading the state twice cost as much as the change itself.
  return { schemaVersion: 3, checkpoint: recorded.globalPosition, measures, openNotifications, stocks };
}

/** Folds recorded events from the initial state: for tests and rebuilds. */
export function projectSupplyIndicators(
  events: Iterable<RecordedEvent>,
  from = initialSupplyIndicatorsState(),
): SupplyIndicatorsState {
  let state = from;
  for (const event of events) state = evolveSupplyIndicators(state, event);
  return state;
}

function evolveMeasures(
  measures: SupplyIndicatorsState['measures'],
  event: ExportControlEvent,
  evidence: EvidenceRef,
): SupplyIndicatorsState['measures'] {
  const id = event.data.measureId;
  if (event.type === 'ExportControlRecorded') {
    const { measureId, country, reference, type, materials, destinations } = event.data;
    return {
      ...measures,
      [id]: { measureId, country, reference, type, materials, destinations, inForce: false, evidence: [evidence] },
    };
  }
  const measure = measures[id];
  if (!measure) return measures;
  if (event.type === 'ExportControlLiftingTookEffect') return withoutKey(measures, id);
  const changed = { ...measure, evidence: [...measure.evidence, evidence] };
  if (event.type === 'ExportControlLifted') {
    const { liftedOn, recordedAt } = event.data;
    return recordedInAdvance(liftedOn, recordedAt) ? { ...measures, [id]: { ...changed, liftedFrom: liftedOn } } : withoutKey(measures, id);
  }
  switch (event.type) {
    case 'ExportControlEnteredIntoForce':
      return { ...measures, [id]: { ...changed, inForce: true } };
    case 'ExportControlSuspended': {
      const { reference, suspendedFrom: from, suspendedUntil: until } = event.data;
      return {
        ...measures,
        [id]: { ...changed, suspension: until ? { reference, from, until } : { reference, from } },
      };
    }
    case 'ExportControlSuspensionTookEffect':
      // The suspension is already tracked with its start date; the event is the moment it starts to count.
      return { ...measures, [id]: changed };
    case 'ExportControlSuspensionExpired': {
      const { suspension: _ended, ...rest } = changed;
      return { ...measures, [id]: rest };
    }
    case 'ExportControlAmended':
    case 'ExportControlAmendmentTookEffect': {
      // An amendment recorded ahead of its date changes the scope only when the schedule says it took effect.
      if (event.type === 'ExportControlAmended' && recordedInAdvance(event.data.amendedOn, event.data.recordedAt)) {
        return { ...measures, [id]: changed };
      }
      const { materials, destinations, type } = event.data;
      return {
        ...measures,
        [id]: {
          ...changed,
          ...(materials ? { materials } : {}),
          ...(destinations ? { destinations } : {}),
          ...(type ? { type } : {}),
        },
      };
    }
  }
}

function evolveNotifications(
  open: SupplyIndicatorsState['openNotifications'],
  event: OperatorNotificationEvent,
  evidence: EvidenceRef,
): SupplyIndicatorsState['openNotifications'] {
  const { material, notificationId: id } = event.data;
  const at = open.findIndex(([code]) => code === material);
  const bucket = at < 0 ? [] : open[at][1];
  const index = bucket.findIndex((notification) => notification.notificationId === id);
  const withBucket = (notifications: readonly TrackedNotification[]) => {
    if (notifications.length === 0) return open.filter((_, place) => place !== at);
    const entry: OpenNotifications = [material, notifications];
    return at < 0 ? [...open, entry] : open.with(at, entry);
  };
  if (event.type === 'OperatorNotificationFiled') {
    const { memberState, operator, impact } = event.data;
    const filed: TrackedNotification = { notificationId: id, memberState, operatorId: operator.id, material, impact, evidence: [evidence] };
    return withBucket(index < 0 ? withFiling(bucket, filed) : bucket.with(index, filed));
  }
  if (index < 0) return open;
  if (event.type === 'OperatorNotificationResolved') return withBucket(bucket.filter((_, place) => place !== index));
  const tracked = bucket[index];
  const updated = { ...tracked, impact: event.data.impact, evidence: [...tracked.evidence, evidence] };
  return withBucket(bucket.with(index, updated));
}

function evolveStocks(
  stocks: SupplyIndicatorsState['stocks'],
  event: StrategicStockEvent,
  evidence: EvidenceRef,
): SupplyIndicatorsState['stocks'] {
  const { memberState, material, tonnesHeld, shareOfNationalConsumption, reportedAt } = event.data;
  const reports = stocks[material] ?? [];
  const previous = reports.find((report) => report.memberState === memberState);
  if (previous && Date.parse(previous.reportedAt) > Date.parse(reportedAt)) return stocks;
  const share = shareOfNationalConsumption === undefined ? {} : { shareOfNationalConsumption };
  const report: TrackedStock = { memberState, material, tonnesHeld, ...share, reportedAt, evidence: [evidence] };
  // The newest report goes last, so a material's reports stay in log order.
  const others = previous ? reports.filter((kept) => kept !== previous) : reports;
  return { ...stocks, [material]: [...others, report] };
}

/** Every latest stock report, material by material. */
export function stockReportsOf(state: SupplyIndicatorsState): TrackedStock[] {
  return Object.values(state.stocks).flat();
}

/** A copy without one key; a loop, since rest destructuring with a computed key is several times slower. */
function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const rest: Record<string, T> = {};
  for (const name of Object.keys(record)) if (name !== key) rest[name] = record[name];
  return rest;
}
