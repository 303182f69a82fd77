import { ExpireMode, ModeActor } from './scope-mode.commands';
import { EscalatedMode } from './scope-mode.events';
import { ScopeModeState } from './scope-mode.state';

export const MODE_SCHEDULE_ACTOR: ModeActor = { subject: 'system:mode-schedule', role: 'system' };

/** The expiries due at `now`: a mode whose period has ended without extension ends by itself. */
export function dueModeExpiries(state: ScopeModeState, now: string): ExpireMode[] {
  if (!state.scopeId) return [];
  const scopeId = state.scopeId;
  return (['vigilance', 'emergency'] as const satisfies readonly EscalatedMode[])
    .filter((mode) => {
      const period = state[mode];
      return period !== null && Date.parse(period.until) <= Date.parse(now);
    })
    .map((mode) => ({ kind: 'ExpireMode', scopeId, mode, actor: MODE_SCHEDULE_ACTOR, now }));
}

/** When the scheduler should next wake up for this scope, if a mode is in force. */
export function nextModeExpiryAt(state: ScopeModeState): string | undefined {
  const ends = [state.vigilance?.until, state.emergency?.until].filter((until): until is string => until !== undefined);
  return ends.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
