/** The event a snapshot's state ends with: lets a loader check that the log still holds it at that place. */
export interface SnapshotLastEvent {
  readonly id: string;
  readonly streamName: string;
  readonly streamRevision: number;
}

/** A projection's state as of one global position, stored so the runner can resume after it. */
export interface StoredProjectionSnapshot<State = unknown> {
  readonly projection: string;
  /** The projection's version when it was saved; a snapshot of another version is discarded and rebuilt. */
  readonly version: string;
  /** Global position of the last event folded into `state`. */
  readonly position: number;
  readonly lastEvent: SnapshotLastEvent;
  readonly savedAt: string;
  readonly state: State;
}

/**
 * Where projection snapshots are kept. `save` may serialise the snapshot over several turns of the event
 * loop (a large state would otherwise hold it for one long one), so the state it is given must not change
 * until the save settles: `CheckpointedProjection.snapshot()` returns such a value. A save replaces the
 * previous snapshot atomically: a crash leaves the old one or the new one, never a torn file.
 */
export interface ProjectionSnapshotStore {
  load(projection: string): Promise<StoredProjectionSnapshot | undefined>;
  save(snapshot: StoredProjectionSnapshot): Promise<void>;
  remove(projection: string): Promise<void>;
}

/** Projection names become file names: keep them to lower-case words and dashes. */
export function assertProjectionName(name: string): void {
  if (!/^[a-z][a-z0-9-]{0,79}$/.test(name)) throw new Error(`Projection name "${name}" must be lower-case letters, digits and dashes`);
}
