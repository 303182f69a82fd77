import { EventStore, RecordedEvent } from '@imera/event-sourcing';
import { canonicalJson } from '../decisions/deterministic-id';

export interface Projection {
  /** Stable name, used for readiness, logs and the snapshot file. */
  readonly name: string;
  /** Applies one event in global order; ignores events it does not care about. */
  apply(event: RecordedEvent): void | Promise<void>;
}

/**
 * A projection whose state can be saved and restored, so its runner resumes after the saved position
 * instead of replaying the whole log. The state must be plain JSON and a function of the events alone:
 * folding the same events from zero gives the same serialised state.
 */
export interface CheckpointedProjection<State = unknown> extends Projection {
  /** Changes whenever the state's shape or the rules that compute it change; older snapshots are rebuilt. */
  readonly version: string;
  /**
   * The state as it stands, as a value the projection will not change afterwards: the projection goes on
   * applying events while a save writes it. Cheap, as it is taken between two events: the read models
   * replace their records rather than change them, and a part that only grows is seen through a view
   * (`GrowingRecordView`) or a copy of its list.
   */
  snapshot(): State;
  restore(state: State): void;
}

export function isCheckpointed(projection: Projection): projection is CheckpointedProjection {
  const candidate = projection as Partial<CheckpointedProjection>;
  return typeof candidate.version === 'string' && typeof candidate.snapshot === 'function' && typeof candidate.restore === 'function';
}

/** The state as a save writes it, in one canonical form (sorted keys): equal states give equal bytes. */
export function serialiseProjection(projection: CheckpointedProjection): string {
  return canonicalJson(JSON.parse(JSON.stringify(projection.snapshot())));
}

/**
 * Folds the log from the beginning into a fresh projection, up to and including `upTo` when given. Returns
 * the position of the last event applied (undefined for an empty log).
 */
export async function rebuildProjection(store: EventStore, projection: Projection, upTo?: number): Promise<number | undefined> {
  let position: number | undefined;
  for await (const event of store.readAll()) {
    if (upTo !== undefined && event.globalPosition > upTo) break;
    await projection.apply(event);
    position = event.globalPosition;
  }
  return position;
}
