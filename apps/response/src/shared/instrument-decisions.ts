import { Decider, DomainRuleViolation, Event, EventStore, NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { Topics } from '@imera/messaging';
import {
  DecisionPublisher,
  DecisionResult,
  deterministicEventId,
  eventMetadata,
  fromOutcome,
  LoadedStream,
  loadStream,
  repeated,
  RequestContext,
  retryOnConcurrentChange,
  sameRequest,
} from '@imera/platform';

/** What the generic decision path needs to know about one kind of response instrument. */
export interface InstrumentSpec<Command, State, E extends Event> {
  /** As officers name it, for messages: "Priority-rated request". */
  readonly label: string;
  /** Prefix of the refusal codes: `<slug>-exists`, `<slug>-not-found`, `<slug>-changed-concurrently`. */
  readonly slug: string;
  readonly decider: Decider<Command, State, E>;
  readonly stream: (id: string) => string;
  readonly schemaVersion: number;
  readonly exists: (state: State) => boolean;
  /** The scope the instrument belongs to; only asked once it exists. */
  readonly scopeOf: (state: State) => string;
}

export interface StepOptions {
  /**
   * For reports a later one replaces (stocks, needs, demand): only the latest report in this slot counts
   * as a repeat, so stating 10, then 0, then 10 again records all three.
   */
  readonly slot?: string;
  /** More audit metadata, e.g. the delivery note a delivery was recorded from. */
  readonly metadata?: Readonly<Record<string, string>>;
}

/**
 * The write path every instrument shares: load the stream, recognise a repeated request, decide, envelope
 * the events with deterministic ids and the scope in their metadata, publish, and report what was stored.
 */
export class InstrumentDecisions<Command, State, E extends Event> {
  constructor(
    private readonly spec: InstrumentSpec<Command, State, E>,
    private readonly store: EventStore,
    private readonly publisher: DecisionPublisher,
  ) {}

  load(id: string): Promise<LoadedStream<State>> {
    return loadStream(this.store, this.spec.stream(id), this.spec.decider);
  }

  /** Re-sending the same creation is safe (200); re-using the id for other content is a conflict (409). */
  create(id: string, scopeId: string, requestFingerprint: string, context: RequestContext, command: () => Promise<Command>): Promise<DecisionResult> {
    return retryOnConcurrentChange(() => this.createOnce(id, scopeId, requestFingerprint, context, command));
  }

  /**
   * A lifecycle step on an existing instrument; a repeat of the same request returns what it stored. The
   * fingerprint may depend on the state when what makes a request "the same" does (a plan of the same reports).
   * Overtaken by a concurrent change, the step is decided again against the new state.
   */
  step(
    id: string,
    fingerprintOf: string | ((state: State) => string),
    context: RequestContext,
    command: (state: State) => Command | Promise<Command>,
    options: StepOptions = {},
  ): Promise<DecisionResult> {
    return retryOnConcurrentChange(() => this.stepOnce(id, fingerprintOf, context, command, options));
  }

  /**
   * A step the schedule sends when it falls due. `dueStep` names the step and its due instant, so the event
   * ids depend only on the stream, its revision and the step: a repeat after a restart stores nothing twice,
   * and a step no longer due decides no events (undefined).
   */
  due(id: string, dueStep: string, context: RequestContext, command: Command): Promise<DecisionResult | undefined> {
    return retryOnConcurrentChange(() => this.dueOnce(id, dueStep, context, command));
  }

  async existing(id: string): Promise<LoadedStream<State>> {
    const loaded = await this.load(id);
    if (!this.spec.exists(loaded.state)) throw new DomainRuleViolation(`${this.spec.slug}-not-found`, `${this.spec.label} ${id} does not exist`);
    return loaded;
  }

  private async createOnce(id: string, scopeId: string, requestFingerprint: string, context: RequestContext, command: () => Promise<Command>): Promise<DecisionResult> {
    const loaded = await this.load(id);
    if (loaded.revision >= 0) {
      const earlier = sameRequest(loaded.events, requestFingerprint);
      if (earlier.length > 0 && earlier[0].streamRevision === 0) return repeated(this.spec.stream(id), earlier);
      throw new DomainRuleViolation(`${this.spec.slug}-exists`, `${this.spec.label} ${id} already exists with other content`);
    }
    return this.decideAndPublish(loaded, id, scopeId, await command(), context, requestFingerprint, {});
  }

  private async stepOnce(
    id: string,
    fingerprintOf: string | ((state: State) => string),
    context: RequestContext,
    command: (state: State) => Command | Promise<Command>,
    options: StepOptions = {},
  ): Promise<DecisionResult> {
    const loaded = await this.existing(id);
    const requestFingerprint = typeof fingerprintOf === 'string' ? fingerprintOf : fingerprintOf(loaded.state);
    const earlier = earlierRequest(loaded.events, requestFingerprint, options.slot);
    if (earlier.length > 0) return repeated(this.spec.stream(id), earlier);
    const scopeId = this.spec.scopeOf(loaded.state);
    return this.decideAndPublish(loaded, id, scopeId, await command(loaded.state), context, requestFingerprint, options);
  }

  private async dueOnce(id: string, dueStep: string, context: RequestContext, command: Command): Promise<DecisionResult | undefined> {
    const loaded = await this.load(id);
    if (!this.spec.exists(loaded.state)) return undefined;
    const result = await this.decideAndPublish(loaded, id, this.spec.scopeOf(loaded.state), command, context, dueStep, {});
    return result.events.length > 0 ? result : undefined;
  }

  private async decideAndPublish(
    loaded: LoadedStream<State>,
    id: string,
    scopeId: string,
    command: Command,
    context: RequestContext,
    requestFingerprint: string,
    options: StepOptions,
  ): Promise<DecisionResult> {
    const streamName = this.spec.stream(id);
    const decided = this.spec.decider.decide(command, loaded.state);
    if (decided.length === 0) return { outcome: 'repeated', streamName, events: [] };
    const metadata = eventMetadata(context, { requestFingerprint, scopeId, ...(options.slot ? { slot: options.slot } : {}), ...options.metadata });
    const events: NewEvent[] = decided.map((event, index) => ({
      id: deterministicEventId(streamName, String(loaded.revision), requestFingerprint, String(index)),
      type: event.type,
      schemaVersion: this.spec.schemaVersion,
      data: event.data,
      metadata,
    }));
    // Keyed by the instrument's stream (ADR 0005): its messages keep their order, as its expected revisions need.
    const outcome = await this.publisher.publish({ topic: Topics.responseInstruments, streamName, decidedAtRevision: loaded.revision, events });
    return fromOutcome(streamName, outcome, `${this.spec.slug}-changed-concurrently`, events);
  }
}

/** The events an identical earlier request stored; for a slot, only if it is the slot's latest report. */
function earlierRequest(events: readonly RecordedEvent[], requestFingerprint: string, slot: string | undefined): RecordedEvent[] {
  if (slot === undefined) return sameRequest(events, requestFingerprint);
  const inSlot = events.filter((event) => event.metadata.slot === slot);
  const latest = inSlot[inSlot.length - 1];
  return latest?.metadata.requestFingerprint === requestFingerprint ? [latest] : [];
}
