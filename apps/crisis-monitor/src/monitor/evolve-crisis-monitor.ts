import { RecordedEvent } from '@imera/event-sourcing';
import { scopeIdOf } from '@imera/domain/imera-modes';
import { OperatorNotificationFiled } from '@imera/domain/operator-notifications';
import { defaultIndicatorContext, evolveSupplyIndicators, scopesTouchedBy } from '@imera/domain/supply-indicators';
import { CrisisMonitorState, MonitorRules, NotificationVisibility, ScopeMonitorRecord } from './crisis-monitor.state';
import { intakeChange, isNotificationEvent, reassessScope } from './intake-events';
import { MonitorChange } from './monitor-change';
import { applyScopeEvent } from './scope-events';

export interface MonitorStep {
  readonly state: CrisisMonitorState;
  /** What a live client should hear about this event, in order. */
  readonly changes: readonly MonitorChange[];
}

export type CrisisMonitorEvolver = (state: CrisisMonitorState, event: RecordedEvent) => MonitorStep;

/**
 * Folds one recorded event (in global order) into the crisis monitor's state. Deterministic: the same events
 * from the same state give the same state and changes, so a rebuild from zero equals the live projection.
 * The state belongs to one projection: the two lists that only grow (filers, timelines) are extended in
 * place, everything else is replaced copy-on-write.
 */
export function crisisMonitorEvolver(rules: MonitorRules): CrisisMonitorEvolver {
  const scopesTouched = scopesTouchedBy(rules.scopes);
  // One context for the whole fold, so its cache of material resolutions is built once; `asOf` is set per event.
  const context = defaultIndicatorContext(rules.policy.indicators, '');
  return (state, event) => {
    if (state.checkpoint !== null && event.globalPosition <= state.checkpoint) return { state, changes: [] };
    const changes: MonitorChange[] = [];
    let next: CrisisMonitorState = { ...state, checkpoint: event.globalPosition };

    const scopeId = scopeIdOf(event);
    const named = scopeId === undefined ? undefined : next.scopes[scopeId];
    if (scopeId !== undefined && named) {
      const applied = applyScopeEvent(named, scopeId, event);
      next = withScope(next, scopeId, applied.record);
      changes.push(applied.change);
    }

    const supply = evolveSupplyIndicators(state.supply, event);
    if (supply.measures === state.supply.measures && supply.openNotifications === state.supply.openNotifications && supply.stocks === state.supply.stocks) {
      return { state: { ...next, supply }, changes };
    }
    next = { ...next, supply, notifications: rememberFiler(next.notifications, event) };
    const touched = scopesTouched(event, state.supply, supply);
    const visibility = notificationVisibility(next, event);
    const intake = intakeChange(event, visibility?.confidential ?? false, touched.map((scope) => scope.id), rules);
    if (intake) changes.push(intake);
    for (const scope of touched) {
      const assessed = reassessScope(next.scopes[scope.id], scope, supply, event, rules, context);
      next = withScope(next, scope.id, assessed.record);
      if (assessed.change) changes.push(assessed.change);
    }
    return { state: next, changes };
  };
}

function withScope(state: CrisisMonitorState, scopeId: string, record: ScopeMonitorRecord): CrisisMonitorState {
  return { ...state, scopes: { ...state.scopes, [scopeId]: record } };
}

/**
 * The filer map only grows, so it is extended in place: copying it for every filing would make folding a
 * long log quadratic. The result is the same for the same events all the same.
 */
function rememberFiler(notifications: CrisisMonitorState['notifications'], event: RecordedEvent): CrisisMonitorState['notifications'] {
  if (event.type !== 'OperatorNotificationFiled') return notifications;
  const { notificationId, memberState, confidential } = (event as unknown as OperatorNotificationFiled).data;
  (notifications as Record<string, NotificationVisibility>)[notificationId] = { memberState, confidential };
  return notifications;
}

function notificationVisibility(state: CrisisMonitorState, event: RecordedEvent) {
  if (!isNotificationEvent(event)) return undefined;
  return state.notifications[String((event.data as { notificationId?: unknown }).notificationId)];
}
