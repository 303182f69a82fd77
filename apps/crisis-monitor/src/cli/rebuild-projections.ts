import { EventStore, RecordedEvent } from '@imera/event-sourcing';
import { CheckpointedProjection, ProjectionSnapshotStore, serialiseProjection, StoredProjectionSnapshot } from '@imera/platform';

export interface RebuildReport {
  readonly projection: string;
  readonly version: string;
  /** Events folded from the start of the log. */
  readonly events: number;
  /** Position of the last of them; null for an empty log. */
  readonly position: number | null;
  /** `saved`: the snapshot was replaced by the rebuilt state; `checked`: compared with the stored one. */
  readonly action: 'saved' | 'checked' | 'nothing-to-save';
  /**
   * For a check: whether the stored snapshot, brought up to the end of the log, equals the rebuilt state
   * byte for byte; `no-snapshot` when there is none of this version to compare.
   */
  readonly matches?: boolean | 'no-snapshot';
}

/**
 * Rebuilds a projection from zero. Without `check` the result replaces its stored snapshot, so the next start
 * resumes from it; with `check` nothing is written: the stored snapshot is resumed to the end of the log and
 * compared with the rebuild, which must give the same bytes.
 */
export async function rebuildProjectionSnapshot(
  store: EventStore,
  snapshots: ProjectionSnapshotStore,
  fresh: () => CheckpointedProjection,
  options: { readonly check?: boolean } = {},
): Promise<RebuildReport> {
  const rebuilt = fresh();
  const { events, last } = await fold(store, rebuilt);
  const base = { projection: rebuilt.name, version: rebuilt.version, events, position: last?.globalPosition ?? null };
  if (options.check) return { ...base, action: 'checked', matches: await storedMatches(store, snapshots, fresh(), rebuilt) };
  if (!last) return { ...base, action: 'nothing-to-save' };
  const snapshot: StoredProjectionSnapshot = {
    projection: rebuilt.name,
    version: rebuilt.version,
    position: last.globalPosition,
    lastEvent: { id: last.id, streamName: last.streamName, streamRevision: last.streamRevision },
    savedAt: new Date().toISOString(),
    state: rebuilt.snapshot(),
  };
  await snapshots.save(snapshot);
  return { ...base, action: 'saved' };
}

async function fold(store: EventStore, projection: CheckpointedProjection, after?: number): Promise<{ events: number; last?: RecordedEvent }> {
  let events = 0;
  let last: RecordedEvent | undefined;
  for await (const event of store.readAll(after === undefined ? {} : { after })) {
    await projection.apply(event);
    events++;
    last = event;
  }
  return { events, last };
}

async function storedMatches(
  store: EventStore,
  snapshots: ProjectionSnapshotStore,
  resumed: CheckpointedProjection,
  rebuilt: CheckpointedProjection,
): Promise<boolean | 'no-snapshot'> {
  const stored = await snapshots.load(resumed.name);
  if (!stored || stored.version !== resumed.version) return 'no-snapshot';
  resumed.restore(stored.state);
  await fold(store, resumed, stored.position);
  return serialiseProjection(resumed) === serialiseProjection(rebuilt);
}
