import { RecordedEvent } from '@imera/event-sourcing';

/** One event of an instrument's stream, as its history shows it: the evidence behind the record. */
export interface HistoryEntry {
  readonly type: string;
  readonly eventId: string;
  readonly streamRevision: number;
  readonly globalPosition: number;
  readonly actor: string;
}

export function historyEntry(recorded: RecordedEvent): HistoryEntry {
  return {
    type: recorded.type,
    eventId: recorded.id,
    streamRevision: recorded.streamRevision,
    globalPosition: recorded.globalPosition,
    actor: recorded.metadata.actor,
  };
}
