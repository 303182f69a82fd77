import { MonitorChange } from '../monitor/monitor-change';

/** What a reconnecting client can be given: the changes it missed, or a reason to start afresh. */
export type MissedChanges =
  | { readonly kind: 'changes'; readonly changes: readonly MonitorChange[] }
  | { readonly kind: 'resync'; readonly reason: 'history-not-kept' | 'unknown-position' };

export interface MonitorPosition {
  /** Position of the last event the monitor applied (null: none). */
  readonly position: number | null;
  /** Position the monitor resumed after, when it started from a snapshot. */
  readonly restoredFrom: number | null;
}

/**
 * The most recent live changes, kept so a client that reconnects with the global position of the last
 * change it received gets exactly what it missed. Older history is not kept: such a client is told to
 * resynchronise from the current state.
 */
export class LiveChanges {
  /** The kept changes are `kept[head..]`: dropping the oldest moves `head` instead of shifting the array. */
  private kept: MonitorChange[] = [];
  private head = 0;
  /** Every change after this position is kept, once something was dropped. */
  private droppedThrough: number | null = null;
  private readonly listeners = new Set<(changes: readonly MonitorChange[]) => void>();

  constructor(private readonly monitor: MonitorPosition, private readonly capacity: number) {}

  record(changes: readonly MonitorChange[]): void {
    for (const change of changes) this.kept.push(change);
    const excess = this.kept.length - this.head - this.capacity;
    if (excess > 0) {
      this.head += excess;
      this.droppedThrough = this.kept[this.head - 1].position;
      if (this.head >= this.capacity) {
        this.kept = this.kept.slice(this.head);
        this.head = 0;
      }
    }
    for (const listener of this.listeners) listener(changes);
  }

  /** The changes after `after`, in order, when they are all still kept. */
  missedSince(after: number): MissedChanges {
    const position = this.monitor.position;
    if (position === null || after > position) return { kind: 'resync', reason: 'unknown-position' };
    const completeAfter = Math.max(this.droppedThrough ?? -1, this.monitor.restoredFrom ?? -1);
    if (after < completeAfter) return { kind: 'resync', reason: 'history-not-kept' };
    const missed: MonitorChange[] = [];
    for (let at = this.head; at < this.kept.length; at++) if (this.kept[at].position > after) missed.push(this.kept[at]);
    return { kind: 'changes', changes: missed };
  }

  subscribe(listener: (changes: readonly MonitorChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
