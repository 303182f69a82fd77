import { RecordedEvent } from '@imera/event-sourcing';
import {
  EscalatedMode,
  evolveScopeMode,
  ImeraMode,
  initialScopeModeState,
  isScopeModeEventType,
  modeConcerned,
  ScopeModeEvent,
  ScopeModeState,
  scopeModeStatus,
  ScopeModeStatus,
  toScopeModeSnapshot,
} from '@imera/domain/imera-modes';

type ScopeModeEventType = ScopeModeEvent['type'];

/** One step of a scope through the IMERA modes: a proposal, its lapse, or a Council act, expiry... */
export interface ModeTransition {
  readonly scopeId: string;
  /** When the store recorded it: virtual time in exercises and replays. */
  readonly at: string;
  readonly type: ScopeModeEventType;
  /** The mode the step concerns. */
  readonly mode: EscalatedMode;
  readonly from: ScopeModeStatus;
  readonly to: ScopeModeStatus;
  /** The scope's mode in force after the step. */
  readonly modeAfter: ImeraMode;
  /** Who decided it: the policy, the mode schedule, the Council secretariat's user... */
  readonly actor: string;
  /** The policy's rationale, for proposals and lapses that give one. */
  readonly rationale: string | null;
  readonly eventId: string;
}

export interface ScopeTimeline {
  readonly scopeId: string;
  readonly transitions: readonly ModeTransition[];
}

/** The mode timeline of every scope that has scope-mode events, in scope order, each in log order. */
export function modeTimelines(events: Iterable<RecordedEvent>): ScopeTimeline[] {
  const states = new Map<string, ScopeModeState>();
  const timelines = new Map<string, ModeTransition[]>();
  for (const recorded of events) {
    if (!recorded.streamName.startsWith('scope-') || !isScopeModeEventType(recorded.type)) continue;
    const event = { type: recorded.type, data: recorded.data } as ScopeModeEvent;
    const scopeId = event.data.scopeId;
    const before = states.get(scopeId) ?? initialScopeModeState();
    const after = evolveScopeMode(before, event);
    states.set(scopeId, after);
    const transitions = timelines.get(scopeId) ?? [];
    transitions.push({
      scopeId,
      at: recorded.recordedAt,
      type: event.type,
      mode: modeConcerned(event),
      from: scopeModeStatus(before),
      to: scopeModeStatus(after),
      modeAfter: toScopeModeSnapshot(after, scopeId).mode,
      actor: recorded.metadata.actor,
      rationale: rationaleOf(event),
      eventId: recorded.id,
    });
    timelines.set(scopeId, transitions);
  }
  return [...timelines.keys()].sort().map((scopeId) => ({ scopeId, transitions: timelines.get(scopeId)! }));
}

function rationaleOf(event: ScopeModeEvent): string | null {
  const grounds = (event.data as { grounds?: { rationale?: string } }).grounds;
  return grounds?.rationale ?? null;
}
