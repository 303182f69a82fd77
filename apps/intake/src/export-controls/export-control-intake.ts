import { Clock, DomainRuleViolation, EventStore, NewEvent } from '@imera/event-sourcing';
import {
  DueTransition,
  EXPORT_CONTROL_SCHEMA_VERSION,
  ExportControlCommand,
  exportControlDecider,
  ExportControlEvent,
  ExportControlState,
  exportControlStream,
} from '@imera/domain/export-controls';
import { Topics } from '@imera/messaging';
import { DecisionPublisher, DecisionResult, retryOnConcurrentChange, deterministicEventId, eventMetadata, fingerprint, fromOutcome, loadStream, repeated, RequestContext, sameRequest } from '@imera/platform';
import { ExportControlsView, MeasureRecord } from './export-controls.view';
import { AmendExportControlDto, LiftExportControlDto, RecordExportControlDto, SuspendExportControlDto } from './export-control.dto';

/** Records third-country export-control measures and their status changes. */
export class ExportControlIntake {
  constructor(
    private readonly store: EventStore,
    private readonly publisher: DecisionPublisher,
    private readonly clock: Clock,
  ) {}

  async record(dto: RecordExportControlDto, context: RequestContext): Promise<DecisionResult> {
    const streamName = exportControlStream(dto.measureId);
    const requestFingerprint = fingerprint({ ...dto });
    const loaded = await loadStream(this.store, streamName, exportControlDecider);
    if (loaded.revision >= 0) {
      if (loaded.events[0].metadata.requestFingerprint === requestFingerprint) return repeated(streamName, loaded.events.slice(0, 1));
      throw new DomainRuleViolation('measure-exists', `Measure ${dto.measureId} was already recorded with other content`);
    }
    const command: ExportControlCommand = { kind: 'RecordExportControl', ...dto, now: this.now() };
    return this.decideAndPublish(streamName, loaded.revision, loaded.state, command, context, requestFingerprint);
  }

  suspend(measureId: string, dto: SuspendExportControlDto, context: RequestContext): Promise<DecisionResult> {
    return this.change(measureId, context, (now) => ({ kind: 'SuspendExportControl', measureId, ...dto, now }));
  }

  lift(measureId: string, dto: LiftExportControlDto, context: RequestContext): Promise<DecisionResult> {
    return this.change(measureId, context, (now) => ({ kind: 'LiftExportControl', measureId, ...dto, now }));
  }

  amend(measureId: string, dto: AmendExportControlDto, context: RequestContext): Promise<DecisionResult> {
    return this.change(measureId, context, (now) => ({ kind: 'AmendExportControl', measureId, ...dto, now }));
  }

  /**
   * Sends a dated transition (entry into force, start or end of a suspension, an amendment or lifting recorded
   * in advance). Its event id depends only on the measure, the transition and the date, so however often the
   * schedule fires, it is stored once.
   */
  async applyDue(command: DueTransition, dueDate: string, context: RequestContext): Promise<DecisionResult> {
    const streamName = exportControlStream(command.measureId);
    const loaded = await loadStream(this.store, streamName, exportControlDecider);
    return this.decideAndPublish(streamName, loaded.revision, loaded.state, command, context, `${command.kind}@${dueDate}`);
  }

  /** Reads one measure straight from its stream. */
  async read(measureId: string): Promise<MeasureRecord | undefined> {
    const view = new ExportControlsView();
    for await (const event of this.store.readStream(exportControlStream(measureId))) view.apply(event);
    return view.get(measureId);
  }

  private change(measureId: string, context: RequestContext, command: (now: string) => ExportControlCommand): Promise<DecisionResult> {
    return retryOnConcurrentChange(() => this.changeOnce(measureId, context, command));
  }

  private async changeOnce(measureId: string, context: RequestContext, command: (now: string) => ExportControlCommand): Promise<DecisionResult> {
    const streamName = exportControlStream(measureId);
    const loaded = await loadStream(this.store, streamName, exportControlDecider);
    const decided = command(this.now());
    const requestFingerprint = fingerprint({ ...decided, now: undefined });
    const earlier = sameRequest(loaded.events, requestFingerprint);
    if (earlier.length > 0) return repeated(streamName, earlier);
    return this.decideAndPublish(streamName, loaded.revision, loaded.state, decided, context, requestFingerprint);
  }

  private async decideAndPublish(
    streamName: string,
    revision: number,
    state: ExportControlState,
    command: ExportControlCommand,
    context: RequestContext,
    requestFingerprint: string,
  ): Promise<DecisionResult> {
    const decided = exportControlDecider.decide(command, state);
    const events = decided.map((event, index) => this.envelope(event, streamName, revision, index, context, requestFingerprint));
    const outcome = await this.publisher.publish({ topic: Topics.exportControls, streamName, decidedAtRevision: revision, events });
    return fromOutcome(streamName, outcome, 'measure-changed-concurrently', events);
  }

  private envelope(event: ExportControlEvent, streamName: string, revision: number, index: number, context: RequestContext, requestFingerprint: string): NewEvent {
    return {
      id: deterministicEventId(streamName, String(revision), requestFingerprint, String(index)),
      type: event.type,
      schemaVersion: EXPORT_CONTROL_SCHEMA_VERSION,
      data: event.data,
      metadata: eventMetadata(context, { requestFingerprint }),
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
