import { RecordedEvent } from '@imera/event-sourcing';
import {
  exportControlDecider,
  ExportControlEvent,
  ExportControlState,
  exportControlStatus,
  ExportControlStatus,
  RecordedMeasure,
} from '@imera/domain/export-controls';
import { CheckpointedProjection, entriesOf, refill } from '@imera/platform';

export interface MeasureRecord {
  readonly state: RecordedMeasure;
  readonly status: ExportControlStatus;
  readonly history: ReadonlyArray<{ readonly type: string; readonly eventId: string; readonly globalPosition: number }>;
}

interface TrackedMeasure {
  readonly state: ExportControlState;
  readonly history: MeasureRecord['history'];
}

type SavedMeasures = Array<[string, TrackedMeasure]>;

/** Every recorded export-control measure with its status and history; saved as a checkpoint. */
export class ExportControlsView implements CheckpointedProjection<SavedMeasures> {
  readonly name = 'export-controls';
  /** 2: a suspension, lifting or amendment recorded ahead of its date applies from the schedule's ...TookEffect event. */
  readonly version = 'export-controls@2';
  private readonly measures = new Map<string, TrackedMeasure>();
  private readonly changeListeners = new Set<(measureId: string) => void>();

  snapshot(): SavedMeasures {
    return entriesOf(this.measures);
  }

  restore(saved: SavedMeasures): void {
    refill(this.measures, saved);
  }

  apply(recorded: RecordedEvent): void {
    if (!recorded.streamName.startsWith('exportControl-')) return;
    const event = recorded as unknown as ExportControlEvent;
    const measureId = event.data.measureId;
    const current = this.measures.get(measureId) ?? { state: exportControlDecider.initialState(), history: [] };
    this.measures.set(measureId, {
      state: exportControlDecider.evolve(current.state, event),
      history: [...current.history, { type: recorded.type, eventId: recorded.id, globalPosition: recorded.globalPosition }],
    });
    for (const listener of this.changeListeners) listener(measureId);
  }

  get(measureId: string): MeasureRecord | undefined {
    const entry = this.measures.get(measureId);
    if (!entry || !entry.state.recorded) return undefined;
    return { state: entry.state, status: exportControlStatus(entry.state), history: entry.history };
  }

  list(): MeasureRecord[] {
    return [...this.measures.keys()].map((id) => this.get(id)).filter((record): record is MeasureRecord => record !== undefined);
  }

  onChange(listener: (measureId: string) => void): void {
    this.changeListeners.add(listener);
  }
}
