import { RecordedEvent } from '@imera/event-sourcing';
import { Projection } from '@imera/platform';

/** The service's read models fed by one subscription, so they all stand at the same position. */
export class ResponseReadModels implements Projection {
  readonly name = 'response-instruments';

  constructor(private readonly projections: readonly Projection[]) {}

  async apply(event: RecordedEvent): Promise<void> {
    for (const projection of this.projections) await projection.apply(event);
  }
}
