import { RecordedEvent } from '@imera/event-sourcing';
import { classifyRecordedEvent } from './event-classification';
import { recordedCouncilAct, RecordedCouncilAct } from './council-act-input';

/** Recorded input facts stored together (one append of one stream), to append again at their time. */
export interface AppendInputs {
  readonly kind: 'append-inputs';
  readonly at: string;
  readonly streamName: string;
  readonly events: readonly RecordedEvent[];
}

/** A real Council act, to record again on the replayed scope's open proposal. */
export interface RecordCouncilAct {
  readonly kind: 'record-council-act';
  readonly at: string;
  readonly event: RecordedEvent;
  readonly act: RecordedCouncilAct;
}

export type ReplayStep = AppendInputs | RecordCouncilAct;

export interface ReplayPlan {
  readonly steps: readonly ReplayStep[];
  /** Derived events left for the namespace to decide again, counted by type (sorted by type). */
  readonly derivedNotCopied: Readonly<Record<string, number>>;
}

/** Event types outside the classification table: replay refuses the file rather than guess. */
export class UnclassifiedEventsError extends Error {
  constructor(readonly types: ReadonlyArray<{ type: string; firstPosition: number; count: number }>) {
    super(
      `The recording holds event types replay does not know how to treat: ${types
        .map((t) => `${t.type} (${t.count}, first at position ${t.firstPosition})`)
        .join(', ')}. Classify them in libs/domain/src/exercises/recorded-history/event-classification.ts`,
    );
    this.name = 'UnclassifiedEventsError';
  }
}

/**
 * What replay does, in the recorded order: input facts appended again (events of one recorded append stay
 * one append, so no service sees half of it), real Council acts recorded again, derived decisions skipped.
 */
export function planReplay(events: readonly RecordedEvent[]): ReplayPlan {
  const unknown = new Map<string, { type: string; firstPosition: number; count: number }>();
  const derived = new Map<string, number>();
  const steps: ReplayStep[] = [];
  let previous: RecordedEvent | undefined;
  for (const event of events) {
    const { role } = classifyRecordedEvent(event);
    if (role === 'unknown') {
      const seen = unknown.get(event.type) ?? { type: event.type, firstPosition: event.globalPosition, count: 0 };
      unknown.set(event.type, { ...seen, count: seen.count + 1 });
    } else if (role === 'derived') derived.set(event.type, (derived.get(event.type) ?? 0) + 1);
    else if (role === 'council-act') steps.push({ kind: 'record-council-act', at: event.recordedAt, event, act: recordedCouncilAct(event) });
    else {
      const last = steps.at(-1);
      if (last?.kind === 'append-inputs' && previous !== undefined && last.events.at(-1) === previous && sameAppend(previous, event)) steps[steps.length - 1] = { ...last, events: [...last.events, event] };
      else steps.push({ kind: 'append-inputs', at: event.recordedAt, streamName: event.streamName, events: [event] });
    }
    previous = event;
  }
  if (unknown.size > 0) throw new UnclassifiedEventsError([...unknown.values()].sort((a, b) => a.firstPosition - b.firstPosition));
  const derivedNotCopied = Object.fromEntries([...derived.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { steps, derivedNotCopied };
}

/** Next to each other in the log, same stream, same request, same instant: written by one append. */
function sameAppend(previous: RecordedEvent, next: RecordedEvent): boolean {
  return (
    previous.streamName === next.streamName &&
    previous.streamRevision + 1 === next.streamRevision &&
    previous.recordedAt === next.recordedAt &&
    previous.metadata.correlationId === next.metadata.correlationId
  );
}
