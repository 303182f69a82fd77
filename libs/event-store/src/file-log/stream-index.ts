/**
 * Where each stream's events sit in the log, kept compact because it lives in memory for the whole log:
 * per event its position and the index of the previous event of the same stream (typed arrays that grow by
 * doubling), per stream its last event and its event count. About 12 bytes per event plus one map entry per
 * stream, where an array per stream costs several hundred bytes for a short stream.
 */
export class StreamIndex {
  private readonly slots = new Map<string, number>();
  private lastEvent = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private positions = new Float64Array(4096);
  private previous = new Int32Array(4096);
  private events = 0;

  get eventCount(): number {
    return this.events;
  }

  get streamCount(): number {
    return this.slots.size;
  }

  /** Revision of the stream's last event, -1 when the stream has none. */
  lastRevision(streamName: string): number {
    const slot = this.slots.get(streamName);
    return slot === undefined ? -1 : this.counts[slot] - 1;
  }

  /** Records the next event of a stream at `position`. */
  add(streamName: string, position: number): void {
    let slot = this.slots.get(streamName);
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot === this.counts.length) this.growStreams();
      this.slots.set(streamName, slot);
      this.lastEvent[slot] = -1;
    }
    if (this.events === this.positions.length) this.growEvents();
    this.positions[this.events] = position;
    this.previous[this.events] = this.lastEvent[slot];
    this.lastEvent[slot] = this.events++;
    this.counts[slot]++;
  }

  /** Positions of the stream's revisions from `from`, at most `maxCount`, in revision order. */
  positionsOf(streamName: string, from = 0, maxCount = Number.POSITIVE_INFINITY): number[] {
    const slot = this.slots.get(streamName);
    if (slot === undefined) return [];
    const end = Math.min(this.counts[slot], from + maxCount);
    const found: number[] = [];
    let event = this.lastEvent[slot];
    for (let revision = this.counts[slot] - 1; revision >= from && event >= 0; revision--) {
      if (revision < end) found.push(this.positions[event]);
      event = this.previous[event];
    }
    return found.reverse();
  }

  positionAt(streamName: string, revision: number): number | undefined {
    return this.positionsOf(streamName, revision, 1)[0];
  }

  private growStreams(): void {
    this.lastEvent = grown(this.lastEvent);
    this.counts = grown(this.counts);
  }

  private growEvents(): void {
    this.positions = grown(this.positions);
    this.previous = grown(this.previous);
  }
}

function grown<T extends Int32Array | Float64Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}
