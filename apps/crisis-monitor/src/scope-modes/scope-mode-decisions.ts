import { Decider, EventStore, NewEvent } from '@imera/event-sourcing';
import {
  createScopeModeDecider,
  ModeRules,
  SCOPE_MODE_SCHEMA_VERSION,
  ScopeModeCommand,
  ScopeModeEvent,
  ScopeModeState,
  scopeStream,
} from '@imera/domain/imera-modes';
import { Topics } from '@imera/messaging';
import {
  DecisionPublisher,
  DecisionResult,
  deterministicEventId,
  eventMetadata,
  fromOutcome,
  loadStream,
  LoadedStream,
  repeated,
  RequestContext,
  sameRequest,
} from '@imera/platform';

export const SCOPE_CHANGED_CONCURRENTLY = 'scope-changed-concurrently';

/**
 * Decides scope-mode commands against the scope's stream and publishes the events: one path for Council
 * acts recorded over HTTP and for the process manager's proposals, lapses and expiries. Event ids are
 * derived from the stream, its revision and the request, so a repeated decision is stored once.
 */
export class ScopeModeDecisions {
  private readonly decider: Decider<ScopeModeCommand, ScopeModeState, ScopeModeEvent>;

  constructor(
    private readonly store: EventStore,
    private readonly publisher: DecisionPublisher,
    rules: ModeRules,
  ) {
    this.decider = createScopeModeDecider(rules);
  }

  load(scopeId: string): Promise<LoadedStream<ScopeModeState>> {
    return loadStream(this.store, scopeStream(scopeId), this.decider);
  }

  /**
   * Returns the earlier result when the same request was recorded before; decides and publishes otherwise.
   * A command that changes nothing (an expiry already recorded) comes back as `repeated` with no events.
   */
  async decide(command: ScopeModeCommand, context: RequestContext, requestFingerprint: string, extra: Record<string, string> = {}): Promise<DecisionResult> {
    const streamName = scopeStream(command.scopeId);
    const loaded = await this.load(command.scopeId);
    const earlier = sameRequest(loaded.events, requestFingerprint);
    if (earlier.length > 0) return repeated(streamName, earlier);
    const decided = this.decider.decide(command, loaded.state);
    if (decided.length === 0) return repeated(streamName, []);
    const events = decided.map((event, index) => envelope(event, streamName, loaded.revision, index, context, { requestFingerprint, ...extra }));
    const outcome = await this.publisher.publish({ topic: Topics.scopeModes, streamName, decidedAtRevision: loaded.revision, events });
    return fromOutcome(streamName, outcome, SCOPE_CHANGED_CONCURRENTLY, events);
  }
}

function envelope(
  event: ScopeModeEvent,
  streamName: string,
  revision: number,
  index: number,
  context: RequestContext,
  metadata: { requestFingerprint: string } & Record<string, string>,
): NewEvent {
  return {
    id: deterministicEventId(streamName, String(revision), metadata.requestFingerprint, String(index)),
    type: event.type,
    schemaVersion: SCOPE_MODE_SCHEMA_VERSION,
    data: event.data,
    metadata: eventMetadata(context, metadata),
  };
}
