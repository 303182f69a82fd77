import { RecordedEvent } from '@imera/event-sourcing';
import { CheckpointedProjection } from '@imera/platform';

type SavedReadModels = Record<string, unknown>;

/**
 * The service's read models fed by one subscription, so they all stand at the same position, and saved
 * together as one checkpoint at that position. A change of any one's version rebuilds them all.
 */
export class ResponseReadModels implements CheckpointedProjection<SavedReadModels> {
  readonly name = 'response-instruments';
  readonly version: string;

  constructor(private readonly projections: readonly CheckpointedProjection[]) {
    this.version = ['response-instruments@1', ...projections.map((projection) => projection.version)].join('+');
  }

  async apply(event: RecordedEvent): Promise<void> {
    for (const projection of this.projections) await projection.apply(event);
  }

  snapshot(): SavedReadModels {
    return Object.fromEntries(this.projections.map((projection) => [projection.name, projection.snapshot()]));
  }

  restore(saved: SavedReadModels): void {
    const missing = this.projections.filter((projection) => !(projection.name in saved)).map((projection) => projection.name);
    if (missing.length > 0) throw new Error(`The saved read models lack ${missing.join(', ')}`);
    for (const projection of this.projections) projection.restore(saved[projection.name]);
  }
}
