import { RecordedEvent } from '@imera/event-sourcing';
import { decodeEvent, readFrame } from './record-codec';

/** How much of the log's tail is kept: enough for live subscribers to stay in memory under load. */
export interface RecentEventsLimits {
  readonly events: number;
  readonly bytes: number;
}

export const DEFAULT_RECENT_EVENTS_LIMITS: RecentEventsLimits = { events: 8_192, bytes: 16 * 1024 * 1024 };

interface Entry {
  readonly position: number;
  readonly record: Buffer;
  event?: RecordedEvent;
}

/**
 * The records of the latest commits, decoded once on first reading and shared by every reader. Each
 * projection follows the log with a subscription of its own; without this, each of them read every new
 * event back from the file and parsed it again. Holds a contiguous tail of the log in position order: a read
 * that starts before it goes to the file. Shared events are frozen, as the in-memory store's are.
 */
export class RecentEvents {
  private entries: Entry[] = [];
  private head = 0;
  private bytes = 0;

  constructor(private readonly limits: RecentEventsLimits = DEFAULT_RECENT_EVENTS_LIMITS) {}

  /** A committed record, in position order. */
  add(position: number, record: Buffer): void {
    this.entries.push({ position, record });
    this.bytes += record.length;
    while (this.size > this.limits.events || (this.bytes > this.limits.bytes && this.size > 1)) this.dropOldest();
  }

  /**
   * Up to `maxCount` events after the event at position `after` (from the start of the log when undefined
   * and the tail still starts there), or undefined when the tail does not reach back that far.
   */
  after(after: number | undefined, logStart: number, maxCount: number): RecordedEvent[] | undefined {
    const from = after === undefined ? this.startingAt(logStart) : this.indexAfter(after);
    if (from === undefined) return undefined;
    const to = Math.min(this.entries.length, from + maxCount);
    const events: RecordedEvent[] = [];
    for (let at = from; at < to; at++) events.push(this.decoded(this.entries[at]));
    return events;
  }

  /** The event at `position` when the tail holds it: reads of a stream just written need not go to the file. */
  at(position: number): RecordedEvent | undefined {
    const next = this.indexAfter(position);
    return next === undefined ? undefined : this.decoded(this.entries[next - 1]);
  }

  private get size(): number {
    return this.entries.length - this.head;
  }

  private startingAt(logStart: number): number | undefined {
    return this.size > 0 && this.entries[this.head].position === logStart ? this.head : undefined;
  }

  /** The index just past the entry at `position`; undefined when the tail does not hold it. */
  private indexAfter(position: number): number | undefined {
    if (this.size === 0 || position < this.entries[this.head].position) return undefined;
    let low = this.head;
    let high = this.entries.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.entries[middle].position;
      if (found === position) return middle + 1;
      if (found < position) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  private decoded(entry: Entry): RecordedEvent {
    if (!entry.event) {
      const result = readFrame(entry.record, 0, entry.record.length, entry.position);
      if (result.kind !== 'frame') throw new Error(`Recent record at ${entry.position} does not read back: ${result.kind}`);
      entry.event = Object.freeze(decodeEvent(entry.record, result.frame));
    }
    return entry.event;
  }

  private dropOldest(): void {
    this.bytes -= this.entries[this.head].record.length;
    this.entries[this.head] = undefined as unknown as Entry;
    this.head++;
    if (this.head > 1_024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
