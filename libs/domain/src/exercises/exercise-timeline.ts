import { exportControlDecider, ExportControlEvent, exportControlStatus, ExportControlState } from '@imera/domain/export-controls';
import { evolveScopeMode, ImeraMode, initialScopeModeState, isScopeModeEventType, ScopeModeEvent, toScopeModeSnapshot } from '@imera/domain/imera-modes';

/** A stored event as the timeline needs it; `ordinal` is its place in the exercise's log (1, 2, ...). */
export interface TimelineEvent {
  readonly ordinal: number;
  /** The store's position: evidence cites events by it. Not shown in reports (it depends on the adapter). */
  readonly globalPosition: number;
  readonly type: string;
  readonly streamName: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly data: Record<string, unknown>;
}

export const INSTRUMENTS = ['information-request', 'priority-rated-request', 'stock-distribution', 'joint-procurement'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** The event that puts an instrument to use: issued or opened. */
const INSTRUMENT_USED: Readonly<Record<string, Instrument>> = {
  InformationRequestIssued: 'information-request',
  PriorityRatedRequestIssued: 'priority-rated-request',
  StockDistributionRoundOpened: 'stock-distribution',
  JointProcurementRequested: 'joint-procurement',
};

export interface EvidenceItem {
  /** Ordinal of the cited event in the exercise's log. */
  readonly event: number | null;
  readonly type: string;
  readonly streamName: string;
}

export interface IndicatorFigure {
  readonly indicator: string;
  readonly value: number | null;
  readonly direction: string;
  readonly threshold: number;
  readonly material?: string | null;
}

/** What a proposal rested on: the indicators that met their thresholds and the events behind them. */
export interface Grounds {
  readonly rationale: string;
  readonly policyRef: string | null;
  readonly indicatorsAsOf: string;
  readonly indicatorsMet: readonly IndicatorFigure[];
  readonly evidence: readonly EvidenceItem[];
}

/** A step of a scope's IMERA history: proposals, acts, expiries; `mode` is the mode after it. */
export interface ScopeStep {
  readonly at: string;
  readonly event: number;
  readonly type: string;
  readonly actor: string;
  readonly mode: ImeraMode;
  /** Set when the step changed the mode. */
  readonly modeChange?: { readonly from: ImeraMode; readonly to: ImeraMode };
  readonly act?: { readonly reference: string; readonly adoptedOn: string; readonly simulated: boolean };
  readonly period?: { readonly from: string; readonly until: string };
  /** An extension's new end of the period. */
  readonly extendedUntil?: string;
  readonly grounds?: Grounds;
}

export interface ScopeTimeline {
  readonly scopeId: string;
  readonly steps: readonly ScopeStep[];
}

export interface InstrumentUse {
  readonly instrument: Instrument;
  readonly at: string;
  readonly event: number;
  readonly streamName: string;
  readonly scopeId: string | null;
  /** The scope's mode when the instrument was used. */
  readonly modeAtUse: ImeraMode;
}

export interface ExportControlChange {
  readonly measureId: string;
  readonly at: string;
  readonly event: number;
  readonly type: string;
  readonly status: string;
}

export interface ExerciseTimeline {
  readonly scopes: readonly ScopeTimeline[];
  readonly instruments: readonly InstrumentUse[];
  readonly exportControls: readonly ExportControlChange[];
}

/** Folds the exercise's log, in order, into per-scope histories, instrument uses and export-control statuses. */
export function buildTimeline(events: readonly TimelineEvent[]): ExerciseTimeline {
  const ordinalOfPosition = new Map<number, number>();
  const scopes = new Map<string, ScopeFold>();
  const instrumentScopes = new Map<string, string>();
  const instruments: InstrumentUse[] = [];
  const controls = new Map<string, ExportControlState>();
  const exportControls: ExportControlChange[] = [];
  for (const event of events) {
    ordinalOfPosition.set(event.globalPosition, event.ordinal);
    if (event.streamName.startsWith('scope-')) {
      const scopeId = event.streamName.slice('scope-'.length);
      const fold = scopes.get(scopeId) ?? new ScopeFold(scopeId);
      scopes.set(scopeId, fold);
      fold.apply(event, ordinalOfPosition);
    }
    if (typeof event.data.scopeId === 'string') instrumentScopes.set(event.streamName, event.data.scopeId);
    const instrument = INSTRUMENT_USED[event.type];
    if (instrument) {
      const scopeId = instrumentScopes.get(event.streamName) ?? null;
      const modeAtUse = scopeId ? scopes.get(scopeId)?.mode ?? 'normal' : 'normal';
      instruments.push({ instrument, at: event.recordedAt, event: event.ordinal, streamName: event.streamName, scopeId, modeAtUse });
    }
    if (event.streamName.startsWith('exportControl-')) {
      const measureId = event.streamName.slice('exportControl-'.length);
      const state = exportControlDecider.evolve(controls.get(measureId) ?? exportControlDecider.initialState(), event as unknown as ExportControlEvent);
      controls.set(measureId, state);
      const status = state.recorded ? exportControlStatus(state) : 'not-recorded';
      exportControls.push({ measureId, at: event.recordedAt, event: event.ordinal, type: event.type, status });
    }
  }
  return {
    scopes: [...scopes.values()].sort((a, b) => compare(a.scopeId, b.scopeId)).map((fold) => ({ scopeId: fold.scopeId, steps: fold.steps })),
    instruments,
    exportControls,
  };
}

/** A scope's modes (the domain's own fold) and the grounds of the proposals made, event by event. */
class ScopeFold {
  readonly steps: ScopeStep[] = [];
  private modes = initialScopeModeState();
  private readonly proposals = new Map<string, Grounds>();
  mode: ImeraMode = 'normal';

  constructor(readonly scopeId: string) {}

  apply(event: TimelineEvent, ordinalOfPosition: ReadonlyMap<number, number>): void {
    const data = event.data as Record<string, any>;
    const grounds = data.grounds ? groundsOf(data.grounds, ordinalOfPosition) : undefined;
    if (grounds && typeof data.proposalId === 'string') this.proposals.set(data.proposalId, grounds);
    if (isScopeModeEventType(event.type)) this.modes = evolveScopeMode(this.modes, { type: event.type, data: event.data } as ScopeModeEvent);
    const from = this.mode;
    this.mode = toScopeModeSnapshot(this.modes, this.scopeId).mode;
    this.steps.push({
      at: event.recordedAt,
      event: event.ordinal,
      type: event.type,
      actor: event.actor,
      mode: this.mode,
      ...(from !== this.mode ? { modeChange: { from, to: this.mode } } : {}),
      ...(data.act ? { act: { reference: data.act.reference, adoptedOn: data.act.adoptedOn, simulated: data.act.simulated === true } } : {}),
      ...(data.period ? { period: { from: data.period.from, until: data.period.until } } : {}),
      ...(/Extended$/.test(event.type) && typeof data.until === 'string' ? { extendedUntil: data.until } : {}),
      ...(grounds ? { grounds } : !data.grounds && typeof data.proposalId === 'string' && this.proposals.has(data.proposalId) ? { grounds: this.proposals.get(data.proposalId) } : {}),
    });
  }
}

function groundsOf(grounds: Record<string, any>, ordinalOfPosition: ReadonlyMap<number, number>): Grounds {
  const readings: any[] = Array.isArray(grounds.indicators) ? grounds.indicators : [];
  const evidence: any[] = Array.isArray(grounds.evidence) ? grounds.evidence : [];
  return {
    rationale: String(grounds.rationale ?? ''),
    policyRef: typeof grounds.policyRef === 'string' ? grounds.policyRef : null,
    indicatorsAsOf: String(grounds.indicatorsAsOf ?? ''),
    indicatorsMet: readings
      .filter((reading) => reading.met)
      .map((reading) => ({
        indicator: reading.indicator,
        value: reading.value ?? null,
        direction: reading.direction,
        threshold: reading.threshold,
        ...(reading.material !== undefined ? { material: reading.material } : {}),
      })),
    evidence: evidence.map((ref) => ({ event: ordinalOfPosition.get(ref.globalPosition) ?? null, type: ref.type, streamName: ref.streamName })),
  };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
