import { DomainRuleViolation, RecordedEvent } from '@imera/event-sourcing';
import { DecisionOutcome } from './decision-publisher';

/**
 * What a request's decision came to: `recorded` (new, stored), `repeated` (the same request was stored before),
 * `pending` (published durably, not yet stored when the answer was due).
 */
export interface DecisionResult {
  readonly outcome: 'recorded' | 'repeated' | 'pending';
  readonly streamName: string;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string; readonly streamRevision?: number; readonly globalPosition?: number }>;
}

export function fromOutcome(streamName: string, outcome: DecisionOutcome, conflictCode: string, published: ReadonlyArray<{ id: string; type: string }>): DecisionResult {
  switch (outcome.kind) {
    case 'recorded':
      return { outcome: 'recorded', streamName, events: outcome.events.map(summary) };
    case 'pending':
      return { outcome: 'pending', streamName, events: published.map(({ id, type }) => ({ id, type })) };
    case 'superseded':
      throw new ConcurrentChange(conflictCode, `${streamName} was changed by someone else at the same time; read it and try again`);
  }
}

export function repeated(streamName: string, events: readonly RecordedEvent[]): DecisionResult {
  return { outcome: 'repeated', streamName, events: events.map(summary) };
}

function summary(event: RecordedEvent) {
  return { id: event.id, type: event.type, streamRevision: event.streamRevision, globalPosition: event.globalPosition };
}

/** Events an identical earlier request produced: a repeat returns those instead of deciding again. */
export function sameRequest(events: readonly RecordedEvent[], requestFingerprint: string): RecordedEvent[] {
  return events.filter((event) => event.metadata.requestFingerprint === requestFingerprint);
}

/** Another change took the decision's place in the stream first. */
export class ConcurrentChange extends DomainRuleViolation {}

/**
 * Decides again when a concurrent change overtook the decision (for example a scheduled status change that
 * fired at the same moment): the command is judged against the new state, and only refused if it no
 * longer holds. Gives up with the conflict after a few rounds.
 */
export async function retryOnConcurrentChange<T>(decide: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decide();
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= attempts) throw error;
    }
  }
}
