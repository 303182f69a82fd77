import { RecordedEvent, streamCategory, streamId } from '@imera/event-sourcing';
import { evolveScopeMode, initialScopeModeState, SCOPE_MODE_EVENT_TYPES, ScopeModeEvent, ScopeModeState, toScopeModeSnapshot } from '@imera/domain/imera-modes';
import { evolveInformationRequest, InformationRequestEvent, InformationRequestState, initialInformationRequestState } from '@imera/domain/information-requests';
import { JointProcurementEvent, jointProcurementDecider, JointProcurementState } from '@imera/domain/joint-procurement';
import {
  DEFAULT_PRIORITY_RATED_REQUEST_POLICY,
  evolvePriorityRatedRequest,
  initialPriorityRatedRequestState,
  PriorityRatedRequestEvent,
  PriorityRatedRequestState,
} from '@imera/domain/priority-rated-requests';
import { stockDistributionDecider, StockDistributionEvent, StockDistributionState } from '@imera/domain/stock-distribution';
import { CheckpointedProjection, entriesOf, refill } from '@imera/platform';
import { ModeEnd, Timetable, TrackedInstrument } from '../schedules/due-steps';
import { OpenInstrument, openInformationRequest, openJointProcurement, openPriorityRatedRequest, openStockDistribution } from './open-instrument';

interface Tracked<State> extends TrackedInstrument<State> {
  readonly openedAt: string;
}

interface SavedOpenInstruments {
  readonly informationRequests: Array<[string, Tracked<InformationRequestState>]>;
  readonly priorityRatedRequests: Array<[string, Tracked<PriorityRatedRequestState>]>;
  readonly rounds: Array<[string, Tracked<StockDistributionState>]>;
  readonly procurements: Array<[string, Tracked<JointProcurementState>]>;
  readonly scopes: Array<[string, ScopeModeState]>;
  readonly modeEnds: ModeEnd[];
}

/**
 * Every response instrument with its domain state, and every end of a scope's mode: what the schedule works
 * from, and the open instruments per scope with their next deadline that the dashboard shows.
 */
export class OpenInstrumentsView implements CheckpointedProjection<SavedOpenInstruments> {
  readonly name = 'open-instruments';
  readonly version = 'open-instruments@1';
  private readonly informationRequests = new Map<string, Tracked<InformationRequestState>>();
  private readonly priorityRatedRequests = new Map<string, Tracked<PriorityRatedRequestState>>();
  private readonly rounds = new Map<string, Tracked<StockDistributionState>>();
  private readonly procurements = new Map<string, Tracked<JointProcurementState>>();
  private readonly scopes = new Map<string, ScopeModeState>();
  private readonly modeEnds: ModeEnd[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deliveryTimeZone = DEFAULT_PRIORITY_RATED_REQUEST_POLICY.calendar.timeZone) {}

  snapshot(): SavedOpenInstruments {
    return {
      informationRequests: entriesOf(this.informationRequests),
      priorityRatedRequests: entriesOf(this.priorityRatedRequests),
      rounds: entriesOf(this.rounds),
      procurements: entriesOf(this.procurements),
      scopes: entriesOf(this.scopes),
      modeEnds: [...this.modeEnds],
    };
  }

  restore(saved: SavedOpenInstruments): void {
    refill(this.informationRequests, saved.informationRequests);
    refill(this.priorityRatedRequests, saved.priorityRatedRequests);
    refill(this.rounds, saved.rounds);
    refill(this.procurements, saved.procurements);
    refill(this.scopes, saved.scopes);
    this.modeEnds.splice(0, this.modeEnds.length, ...saved.modeEnds);
  }

  apply(event: RecordedEvent): void {
    const id = streamId(event.streamName);
    switch (streamCategory(event.streamName)) {
      case 'infoRequest':
        return this.track(this.informationRequests, id, event, initialInformationRequestState, (s) => evolveInformationRequest(s, event as unknown as InformationRequestEvent));
      case 'prr':
        return this.track(this.priorityRatedRequests, id, event, initialPriorityRatedRequestState, (s) => evolvePriorityRatedRequest(s, event as unknown as PriorityRatedRequestEvent));
      case 'stockDistribution':
        return this.track(this.rounds, id, event, stockDistributionDecider.initialState, (s) => stockDistributionDecider.evolve(s, event as unknown as StockDistributionEvent));
      case 'jointProcurement':
        return this.track(this.procurements, id, event, jointProcurementDecider.initialState, (s) => jointProcurementDecider.evolve(s, event as unknown as JointProcurementEvent));
      case 'scope':
        return this.scopeChanged(id, event);
    }
  }

  /** Called after every change the schedule may care about (a new instrument, a step, a mode ending). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  timetable(): Timetable {
    return {
      informationRequests: [...this.informationRequests.values()],
      priorityRatedRequests: [...this.priorityRatedRequests.values()],
      modeEnds: [...this.modeEnds],
      deliveryTimeZone: this.deliveryTimeZone,
    };
  }

  /** The instruments of a scope that still await a step, oldest first. */
  openIn(scopeId: string): OpenInstrument[] {
    const inScope = <S>(tracked: Map<string, Tracked<S>>) => [...tracked.values()].filter((t) => t.scopeId === scopeId);
    return [
      ...inScope(this.informationRequests).map(openInformationRequest),
      ...inScope(this.priorityRatedRequests).map((t) => openPriorityRatedRequest(t, this.deliveryTimeZone)),
      ...inScope(this.rounds).map(openStockDistribution),
      ...inScope(this.procurements).map(openJointProcurement),
    ]
      .filter((instrument): instrument is OpenInstrument => instrument !== undefined)
      .sort((a, b) => a.firstPosition - b.firstPosition);
  }

  private track<S>(map: Map<string, Tracked<S>>, id: string, event: RecordedEvent, initial: () => S, evolve: (state: S) => S): void {
    const current = map.get(id);
    const scopeId = current?.scopeId ?? (event.metadata.scopeId as string | undefined) ?? (event.data as { scopeId?: string }).scopeId;
    if (!scopeId) return;
    const base = current ?? { id, scopeId, firstPosition: event.globalPosition, openedAt: event.recordedAt, state: initial() };
    map.set(id, { ...base, state: evolve(base.state) });
    this.changed();
  }

  private scopeChanged(scopeId: string, event: RecordedEvent): void {
    if (!SCOPE_MODE_EVENT_TYPES.has(event.type)) return;
    const state = evolveScopeMode(this.scopes.get(scopeId) ?? initialScopeModeState(), event as unknown as ScopeModeEvent);
    this.scopes.set(scopeId, state);
    const end = modeEndOf(event);
    if (!end) return;
    this.modeEnds.push({ scopeId, eventId: event.id, globalPosition: event.globalPosition, ...end, snapshot: toScopeModeSnapshot(state, scopeId) });
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function modeEndOf(event: RecordedEvent): Pick<ModeEnd, 'mode' | 'endedAt'> | undefined {
  const data = event.data as { deactivatedAt?: string; expiredAt?: string };
  switch (event.type) {
    case 'VigilanceModeDeactivated':
    case 'VigilanceModeExpired':
      return { mode: 'vigilance', endedAt: (data.deactivatedAt ?? data.expiredAt)! };
    case 'EmergencyModeDeactivated':
    case 'EmergencyModeExpired':
      return { mode: 'emergency', endedAt: (data.deactivatedAt ?? data.expiredAt)! };
    default:
      return undefined;
  }
}
