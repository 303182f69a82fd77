import { RecordedEvent } from '@imera/event-sourcing';
import { policyRef } from '@imera/domain/imera-modes';
import { CheckpointedProjection, GrowingRecordView } from '@imera/platform';
import { DEFAULT_CRISIS_SCOPES, datasetRef, supplyBaseline } from '@imera/reference-data';
import { CrisisMonitorState, DEFAULT_TREND_POINTS_KEPT, initialCrisisMonitorState, MonitorRules, ScopeMonitorRecord } from './crisis-monitor.state';
import { CrisisMonitorEvolver, crisisMonitorEvolver } from './evolve-crisis-monitor';
import { MonitorChange } from './monitor-change';

export const CRISIS_MONITOR_PROJECTION = 'crisis-monitor';
const STATE_SHAPE = 3;
/**
 * Bump when the fold reads the same events differently (2: an event's scope is `data.scopeId ?? metadata.scopeId`;
 * 3: the schedule's ExportControl{Suspension,Lifting,Amendment}TookEffect reassess the scopes of the measure's
 * materials on the date; a lifting or amendment recorded ahead of its date no longer applies at once).
 */
const FOLD_RULES = 3;

/**
 * Supply indicators, scope modes, the escalation policy's memory and each scope's timeline, in one
 * projection so they always stand at the same position. Its version names everything besides the events
 * that the state depends on (policy, baseline, scopes): a change of any of them rebuilds it from zero.
 */
export class CrisisMonitorProjection implements CheckpointedProjection<CrisisMonitorState> {
  readonly name = CRISIS_MONITOR_PROJECTION;
  readonly version: string;
  private current: CrisisMonitorState;
  /** The filed notifications' ids in the order the visibility record gained them (that record only grows). */
  private filers: string[] = [];
  private restoredAt: number | null = null;
  private readonly evolve: CrisisMonitorEvolver;
  private readonly listeners = new Set<(changes: readonly MonitorChange[]) => void>();

  constructor(private readonly rules: MonitorRules) {
    const kept = `keep=${rules.trendPointsKept ?? DEFAULT_TREND_POINTS_KEPT}`;
    this.version = [`${CRISIS_MONITOR_PROJECTION}@${STATE_SHAPE}`, `fold@${FOLD_RULES}`, policyRef(rules.policy), supplyBaseline().ref, datasetRef(DEFAULT_CRISIS_SCOPES), kept].join(' ');
    this.current = initialCrisisMonitorState(rules);
    this.evolve = crisisMonitorEvolver(rules);
  }

  apply(event: RecordedEvent): void {
    const newFiler = this.newFilerIn(event);
    const { state, changes } = this.evolve(this.current, event);
    this.current = state;
    if (newFiler !== undefined && Object.hasOwn(state.notifications, newFiler)) this.filers.push(newFiler);
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  /**
   * The state as of now, for a save that writes it while events go on being applied. Everything is replaced
   * on change except the two parts that grow in place: the timelines are copied (a list copy is cheap), and
   * the visibility record, too large to copy at a million events, is seen through the ids it held.
   */
  snapshot(): CrisisMonitorState {
    const state = this.current;
    const scopes = Object.fromEntries(Object.entries(state.scopes).map(([id, scope]) => [id, { ...scope, timeline: scope.timeline.slice() }]));
    // Serialises as the record did when the snapshot was taken (see GrowingRecordView).
    const notifications = new GrowingRecordView(state.notifications, this.filers.slice()) as unknown as CrisisMonitorState['notifications'];
    return { ...state, scopes, notifications };
  }

  restore(state: CrisisMonitorState): void {
    if (state.schemaVersion !== STATE_SHAPE) throw new Error(`Cannot restore crisis-monitor state of shape ${String(state.schemaVersion)}`);
    this.current = state;
    this.filers = Object.keys(state.notifications);
    this.restoredAt = state.checkpoint;
  }

  private newFilerIn(event: RecordedEvent): string | undefined {
    if (event.type !== 'OperatorNotificationFiled') return undefined;
    const id = String((event.data as { notificationId?: unknown }).notificationId);
    return Object.hasOwn(this.current.notifications, id) ? undefined : id;
  }

  /** The position of the snapshot this projection was restored from, if any. */
  get restoredFrom(): number | null {
    return this.restoredAt;
  }

  /** The policy the indicators are assessed against. */
  get policy(): MonitorRules['policy'] {
    return this.rules.policy;
  }

  get state(): CrisisMonitorState {
    return this.current;
  }

  get position(): number | null {
    return this.current.checkpoint;
  }

  scope(scopeId: string): ScopeMonitorRecord | undefined {
    return this.current.scopes[scopeId];
  }

  /** Called with the live changes of each applied event that has any. */
  onChanges(listener: (changes: readonly MonitorChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
