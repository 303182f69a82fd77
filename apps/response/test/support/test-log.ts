import { randomUUID } from 'node:crypto';
import { Event, RecordedEvent } from '@imera/event-sourcing';

/** Test helper: turns decided events into recorded ones with stream revisions and global positions. */
export class TestLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  constructor(private readonly clock: () => string = () => '2026-06-01T08:00:00.000Z') {}

  record(streamName: string, events: readonly Event[], metadata: Record<string, unknown> = {}): RecordedEvent[] {
    const recorded = events.map((event) => {
      const streamRevision = (this.revisions.get(streamName) ?? -1) + 1;
      this.revisions.set(streamName, streamRevision);
      return {
        id: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: { correlationId: 'test', actor: 'test', ...metadata },
        streamName,
        streamRevision,
        globalPosition: this.events.length,
        recordedAt: this.clock(),
      } as RecordedEvent;
    });
    this.events.push(...recorded);
    return recorded;
  }

  /** Events of one stream, as the deciders' evolve functions take them. */
  stream(streamName: string): Event[] {
    return this.events.filter((event) => event.streamName === streamName);
  }
}

interface AnyDecider<C> {
  decide(command: C, state: any): Event[];
  evolve(state: any, event: any): any;
  initialState(): any;
}

/** Decides each command against the stream as the log holds it and records what it decides. */
export function decideInto<C>(log: TestLog, streamName: string, decider: AnyDecider<C>, commands: readonly C[], metadata: Record<string, unknown> = {}): RecordedEvent[] {
  const recorded: RecordedEvent[] = [];
  for (const command of commands) {
    const state = log.stream(streamName).reduce((s, event) => decider.evolve(s, event), decider.initialState());
    recorded.push(...log.record(streamName, decider.decide(command, state), metadata));
  }
  return recorded;
}
