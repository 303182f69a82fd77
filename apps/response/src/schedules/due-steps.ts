import { modeRank, ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { awaitingOperatorIds, InformationRequestState } from '@imera/domain/information-requests';
import { CLOSED_STATUSES, PriorityRatedRequestState } from '@imera/domain/priority-rated-requests';
import { endOfLocalDay } from '@imera/domain/working-days';

/** An instrument as the schedule follows it: its domain state and where in the log it began. */
export interface TrackedInstrument<State> {
  readonly id: string;
  readonly scopeId: string;
  /** Global position of its first event: a mode end before it does not concern it. */
  readonly firstPosition: number;
  readonly state: State;
}

/** A scope's vigilance or emergency mode ended, with the scope's mode just after. */
export interface ModeEnd {
  readonly scopeId: string;
  readonly eventId: string;
  readonly globalPosition: number;
  readonly mode: 'vigilance' | 'emergency';
  readonly endedAt: string;
  readonly snapshot: ScopeModeSnapshot;
}

export interface Timetable {
  readonly informationRequests: readonly TrackedInstrument<InformationRequestState>[];
  readonly priorityRatedRequests: readonly TrackedInstrument<PriorityRatedRequestState>[];
  readonly modeEnds: readonly ModeEnd[];
  /** The time zone whose local days delivery dates are (the working calendar's). */
  readonly deliveryTimeZone: string;
}

type Ending = { readonly scope: ScopeModeSnapshot; readonly scopeEventId: string };

/** A step the schedule sends; `dueAt` is the instant it fell due, which also dates what it records. */
export type DueStep =
  | { readonly kind: 'MarkOverdue'; readonly requestId: string; readonly dueAt: string }
  | ({ readonly kind: 'EndInformationRequestWithMode'; readonly requestId: string; readonly dueAt: string } & Ending)
  | { readonly kind: 'MarkLapsed'; readonly prrId: string; readonly dueAt: string }
  | { readonly kind: 'AssessDelivery'; readonly prrId: string; readonly dueAt: string }
  | ({ readonly kind: 'EndPriorityRatedRequestWithMode'; readonly prrId: string; readonly dueAt: string } & Ending);

/**
 * What is due at `now`: at most one step per instrument, its earliest, oldest first. Once that step is
 * recorded the next pass sees the new state, so a request whose mode ended before its deadline ends with the
 * mode rather than being marked overdue.
 */
export function dueSteps(timetable: Timetable, now: string): DueStep[] {
  const candidates = [
    ...timetable.informationRequests.map((request) => informationRequestStep(request, timetable.modeEnds)),
    ...timetable.priorityRatedRequests.map((request) => priorityRatedRequestStep(request, timetable)),
  ];
  return candidates
    .filter((step): step is DueStep => step !== undefined && Date.parse(step.dueAt) <= Date.parse(now))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** When the schedule must look again: the earliest step not yet due. */
export function nextDueAt(timetable: Timetable, now: string): string | undefined {
  const upcoming = [
    ...timetable.informationRequests.map((request) => informationRequestStep(request, timetable.modeEnds)),
    ...timetable.priorityRatedRequests.map((request) => priorityRatedRequestStep(request, timetable)),
  ]
    .filter((step): step is DueStep => step !== undefined && Date.parse(step.dueAt) > Date.parse(now))
    .map((step) => step.dueAt);
  return upcoming.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

function informationRequestStep(tracked: TrackedInstrument<InformationRequestState>, modeEnds: readonly ModeEnd[]): DueStep | undefined {
  const { state, id: requestId } = tracked;
  if (state.status !== 'open' || awaitingOperatorIds(state).length === 0) return undefined;
  // IMERA Art 26: the request ends with the mode it was issued under (it survives escalation to emergency).
  const end = firstEndAfter(tracked, modeEnds, (snapshot) => modeRank(snapshot.mode) < modeRank(state.issuedInMode));
  const overdue: DueStep = { kind: 'MarkOverdue', requestId, dueAt: state.deadline };
  if (!end || Date.parse(state.deadline) < Date.parse(end.endedAt)) return overdue;
  return { kind: 'EndInformationRequestWithMode', requestId, dueAt: end.endedAt, scope: end.snapshot, scopeEventId: end.eventId };
}

function priorityRatedRequestStep(tracked: TrackedInstrument<PriorityRatedRequestState>, timetable: Timetable): DueStep | undefined {
  const { state, id: prrId } = tracked;
  if (state.status === 'none' || CLOSED_STATUSES.includes(state.status)) return undefined;
  const own = ownDeadline(prrId, state, timetable.deliveryTimeZone);
  // IMERA Art 26: every priority-rated request still open ends when emergency mode ends.
  const end = firstEndAfter(tracked, timetable.modeEnds, (snapshot) => snapshot.mode !== 'emergency');
  if (end && (!own || Date.parse(end.endedAt) <= Date.parse(own.dueAt))) {
    return { kind: 'EndPriorityRatedRequestWithMode', prrId, dueAt: end.endedAt, scope: end.snapshot, scopeEventId: end.eventId };
  }
  return own;
}

function ownDeadline(prrId: string, state: Exclude<PriorityRatedRequestState, { status: 'none' }>, timeZone: string): DueStep | undefined {
  if (state.status === 'issued' && state.responseDeadline) return { kind: 'MarkLapsed', prrId, dueAt: state.responseDeadline.expiresAt };
  if (state.status === 'accepted') return { kind: 'AssessDelivery', prrId, dueAt: endOfLocalDay(state.proposal.deliveryDate, timeZone) };
  return undefined;
}

function firstEndAfter<S>(tracked: TrackedInstrument<S>, modeEnds: readonly ModeEnd[], ends: (snapshot: ScopeModeSnapshot) => boolean): ModeEnd | undefined {
  return modeEnds
    .filter((end) => end.scopeId === tracked.scopeId && end.globalPosition > tracked.firstPosition && ends(end.snapshot))
    .sort((a, b) => a.globalPosition - b.globalPosition)[0];
}
