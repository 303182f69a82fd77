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
  private readonly recent: MonitorChange[] = [];
  /** Every change after this position is in `recent`, once something was dropped. */
  private droppedThrough: number | null = null;
  private readonly listeners = new Set<(changes: readonly MonitorChange[]) => void>();

  constructor(private readonly monitor: MonitorPosition, private readonly capacity: number) {}

  record(changes: readonly MonitorChange[]): void {
    this.recent.push(...changes);
    while (this.recent.length > this.capacity) this.droppedThrough = this.recent.shift()!.position;
    for (const listener of this.listeners) listener(changes);
  }

  /** The changes after `after`, in order, when they are all still kept. */
  missedSince(after: number): MissedChanges {
    const position = this.monitor.position;
    if (position === null || after > position) return { kind: 'resync', reason: 'unknown-position' };
    const completeAfter = Math.max(this.droppedThrough ?? -1, this.monitor.restoredFrom ?? -1);
    if (after < completeAfter) return { kind: 'resync', reason: 'history-not-kept' };
    return { kind: 'changes', changes: this.recent.filter((change) => change.position > after) };
  }

  subscribe(listener: (changes: readonly MonitorChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
