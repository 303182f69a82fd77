import { Event, ExpectedRevision, NewEvent } from '@imera/event-sourcing';
import { SeededRandom } from './seeded-random';

/** One append the generator asks for: a single event at an exact expected revision. */
export interface SyntheticAppend {
  readonly streamName: string;
  readonly expectedRevision: ExpectedRevision;
  readonly event: NewEvent;
  /** Virtual time of the event (ISO-8601): what the store's clock should say when it records it. */
  readonly at: string;
}

/**
 * What every kind of traffic shares: the random source, the virtual clock and the revision of each stream,
 * so every append states the exact revision it expects.
 */
export class EventSink {
  private readonly revisions = new Map<string, number>();
  private nowMs: number;
  private nowIso: string;

  constructor(readonly random: SeededRandom, startMs: number) {
    this.nowMs = startMs;
    this.nowIso = new Date(startMs).toISOString();
  }

  get now(): string {
    return this.nowIso;
  }

  get nowMillis(): number {
    return this.nowMs;
  }

  advance(milliseconds: number): void {
    this.nowMs += milliseconds;
    this.nowIso = new Date(this.nowMs).toISOString();
  }

  /** The date `days` after now, as YYYY-MM-DD. */
  dateIn(days: number): string {
    return new Date(this.nowMs + days * 86_400_000).toISOString().slice(0, 10);
  }

  emit<E extends Event>(streamName: string, event: E, schemaVersion: number, actor: string, causationId?: string): SyntheticAppend {
    const last = this.revisions.get(streamName);
    this.revisions.set(streamName, last === undefined ? 0 : last + 1);
    const metadata = {
      correlationId: this.random.uuid(),
      ...(causationId ? { causationId } : {}),
      actor,
      requestFingerprint: this.random.hex(64),
    };
    return {
      streamName,
      expectedRevision: last === undefined ? 'no-stream' : last,
      event: { id: this.random.uuid(), type: event.type, schemaVersion, data: event.data, metadata },
      at: this.nowIso,
    };
  }
}
