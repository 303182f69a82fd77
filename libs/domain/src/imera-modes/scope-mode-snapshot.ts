import { ScopeModeSnapshot } from './imera-mode';
import { ScopeModeState } from './scope-mode.state';

/** What the response instruments guard their commands with: the higher mode in force and both goods lists. */
export function toScopeModeSnapshot(state: ScopeModeState, scopeId = state.scopeId ?? ''): ScopeModeSnapshot {
  const top = state.emergency
    ? { mode: 'emergency' as const, period: state.emergency }
    : state.vigilance
      ? { mode: 'vigilance' as const, period: state.vigilance }
      : null;
  return {
    scopeId,
    mode: top?.mode ?? 'normal',
    ...(top ? { activeSince: top.period.since, activeUntil: top.period.until } : {}),
    goodsOfCriticalImportance: state.vigilance?.goods ?? [],
    crisisRelevantGoods: state.emergency?.goods ?? [],
  };
}
