import { calendarDaysBetween } from '@imera/domain/working-days';
import { ConflictCheck } from './priority-rated-request.events';

/** A request in an operator's book, in the unit of the operator's stated capacity. */
export interface QueuedRequest {
  readonly prrId: string;
  readonly quantity: number;
  readonly deliveryDate: string;
  /** When the operator received the request: the tie-break between equal delivery dates. */
  readonly receivedAt: string;
}

export interface ConflictAssessment {
  readonly check: ConflictCheck;
  readonly conflictsWithAcceptedRequests: readonly string[];
}

/** The operator's queue order, borrowed from US DPAS: delivery date, then receipt, then id for a total order. */
export function compareQueued(a: QueuedRequest, b: QueuedRequest): number {
  return (
    compareText(a.deliveryDate, b.deliveryDate) ||
    Date.parse(a.receivedAt) - Date.parse(b.receivedAt) ||
    compareText(a.prrId, b.prrId)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ids of the requests that would be late if the operator produced `unitsPerDay` from the day after `asOf`
 * and served the queue in order. Serving in delivery-date order meets every date whenever any order can.
 */
export function lateRequests(queue: readonly QueuedRequest[], unitsPerDay: number, asOf: string): Set<string> {
  const late = new Set<string>();
  let committed = 0;
  for (const request of [...queue].sort(compareQueued)) {
    committed += request.quantity;
    const producible = unitsPerDay * Math.max(0, calendarDaysBetween(asOf, request.deliveryDate));
    if (committed > producible * (1 + 1e-12)) late.add(request.prrId);
  }
  return late;
}

/**
 * Whether `candidate` can be met without displacing the operator's accepted requests. Conflicts are the
 * accepted requests it would make late, and, when it would itself be late, those queued ahead of it
 * (one of them would have to give way for it to be on time).
 */
export function assessConflicts(
  candidate: QueuedRequest,
  accepted: readonly QueuedRequest[],
  unitsPerDay: number | undefined,
  asOf: string,
): ConflictAssessment {
  if (unitsPerDay === undefined) return { check: 'capacity-not-stated', conflictsWithAcceptedRequests: [] };
  const others = accepted.filter((request) => request.prrId !== candidate.prrId);
  const lateBefore = lateRequests(others, unitsPerDay, asOf);
  const lateAfter = lateRequests([...others, candidate], unitsPerDay, asOf);
  const conflicts = new Set(
    others.filter((r) => lateAfter.has(r.prrId) && !lateBefore.has(r.prrId)).map((r) => r.prrId),
  );
  if (lateAfter.has(candidate.prrId)) {
    for (const request of others) if (compareQueued(request, candidate) < 0) conflicts.add(request.prrId);
  }
  const ids = [...conflicts].sort();
  if (ids.length > 0) return { check: 'conflicts', conflictsWithAcceptedRequests: ids };
  if (lateAfter.has(candidate.prrId)) return { check: 'exceeds-stated-capacity', conflictsWithAcceptedRequests: [] };
  return { check: 'no-conflict', conflictsWithAcceptedRequests: [] };
}
