import { Clock, EventStore, NewEvent } from '@imera/event-sourcing';
import {
  STRATEGIC_STOCK_SCHEMA_VERSION,
  strategicStockDecider,
  StrategicStockEvent,
  strategicStockStream,
} from '@imera/domain/strategic-stocks';
import { Topics } from '@imera/messaging';
import {
  DecisionPublisher,
  DecisionResult,
  deterministicEventId,
  eventMetadata,
  fingerprint,
  fromOutcome,
  loadStream,
  repeated,
  RequestContext,
  sameRequest,
} from '@imera/platform';
import { StockReportDto } from './stock-report.dto';

export const STOCK_REPORT_CHANGED_CONCURRENTLY = 'stock-report-changed-concurrently';

/** Records national strategic stock reports (CRMA Art 22), one stream per Member State and material. */
export class StockReportIntake {
  constructor(
    private readonly store: EventStore,
    private readonly publisher: DecisionPublisher,
    private readonly clock: Clock,
  ) {}

  async report(dto: StockReportDto, context: RequestContext): Promise<DecisionResult> {
    const streamName = strategicStockStream(dto.memberState, dto.material);
    const requestFingerprint = fingerprint({ ...dto });
    const loaded = await loadStream(this.store, streamName, strategicStockDecider);
    const earlier = sameRequest(loaded.events, requestFingerprint);
    if (earlier.length > 0) return repeated(streamName, earlier);
    const decided = strategicStockDecider.decide({ kind: 'ReportStrategicStock', ...dto, now: this.clock.now().toISOString() }, loaded.state);
    const events = decided.map((event, index) => envelope(event, streamName, loaded.revision, index, context, requestFingerprint));
    const outcome = await this.publisher.publish({ topic: Topics.strategicStocks, streamName, decidedAtRevision: loaded.revision, events });
    return fromOutcome(streamName, outcome, STOCK_REPORT_CHANGED_CONCURRENTLY, events);
  }
}

function envelope(event: StrategicStockEvent, streamName: string, revision: number, index: number, context: RequestContext, requestFingerprint: string): NewEvent {
  return {
    id: deterministicEventId(streamName, String(revision), requestFingerprint, String(index)),
    type: event.type,
    schemaVersion: STRATEGIC_STOCK_SCHEMA_VERSION,
    data: event.data,
    metadata: eventMetadata(context, { requestFingerprint }),
  };
}
