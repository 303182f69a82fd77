import { NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { ConsumerHandle, MessageBus, OutgoingMessage } from '@imera/messaging';
import { AppliedEvents, Decision, DecisionOutcome, DecisionPublisher } from './decision-publisher';

/** A bus that keeps what it is given: the test decides when (and whether) the decision is recorded. */
class HeldBus implements MessageBus {
  readonly published: OutgoingMessage[] = [];
  async publish(_topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.published.push(...messages);
  }
  consume(): Promise<ConsumerHandle> {
    throw new Error('not used');
  }
  async close(): Promise<void> {}
}

/** Stands for a projection runner: tells its listeners of each event it "applied", and its position. */
class Applied implements AppliedEvents {
  position: number | undefined;
  private readonly listeners = new Set<(event: RecordedEvent) => void>();
  onApplied(listener: (event: RecordedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  tell(event: RecordedEvent): void {
    this.position = event.globalPosition;
    for (const listener of this.listeners) listener(event);
  }
}

const STREAM = 'operatorNotification-n-1';
const filed = (id: string): NewEvent => ({ id, type: 'OperatorNotificationFiled', schemaVersion: 1, data: {}, metadata: { correlationId: 'c-1', actor: 'test' } });
const decision = (event: NewEvent): Decision => ({ topic: 'notifications', streamName: STREAM, decidedAtRevision: -1, events: [event] });

/** Lets every pending promise callback run without moving the (fake) clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('the decision publisher waiting for its outcome', () => {
  let store: InMemoryEventStore;
  let applied: Applied;
  let outcome: DecisionOutcome | undefined;

  beforeEach(() => {
    jest.useFakeTimers();
    store = new InMemoryEventStore();
    applied = new Applied();
    outcome = undefined;
  });
  afterEach(() => jest.useRealTimers());

  async function publishAndRecord(publisher: DecisionPublisher, event: NewEvent, recorded: NewEvent = event): Promise<RecordedEvent> {
    void publisher.publish(decision(event)).then((answer) => (outcome = answer));
    await settle();
    await store.appendToStream(STREAM, [recorded], { expectedRevision: 'no-stream' });
    const [stored] = await collectStream();
    return stored;
  }

  const collectStream = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(STREAM)) events.push(event);
    return events;
  };

  it('answers as soon as a read model applies the event, without waiting for its next poll', async () => {
    const bus = new HeldBus();
    const publisher = new DecisionPublisher(store, bus, { applied });
    const stored = await publishAndRecord(publisher, filed('e-1'));
    // Keyed by its stream: its own messages keep their order, other streams' never wait for them.
    expect(bus.published.map((message) => message.key)).toEqual([STREAM]);
    await settle();
    expect(outcome).toBeUndefined();

    applied.tell(stored);
    await settle();
    expect(outcome).toEqual({ kind: 'recorded', events: [stored] });
  });

  it('is not woken by events of other streams, and answers only once the read model holds the outcome', async () => {
    const publisher = new DecisionPublisher(store, new HeldBus(), { applied });
    const stored = await publishAndRecord(publisher, filed('e-1'));
    applied.tell({ ...stored, streamName: 'operatorNotification-other', globalPosition: stored.globalPosition - 1 });
    await settle();
    expect(outcome).toBeUndefined();

    // The poll finds the event stored, but the read model has not applied it: a read of it would miss it.
    await jest.advanceTimersByTimeAsync(200);
    expect(outcome).toBeUndefined();
    applied.tell(stored);
    await settle();
    expect(outcome).toEqual({ kind: 'recorded', events: [stored] });
  });

  it('answers what the store shows once the settle time has passed, when the read model never applies it', async () => {
    const publisher = new DecisionPublisher(store, new HeldBus(), { applied, settleTimeoutMs: 300 });
    const stored = await publishAndRecord(publisher, filed('e-1'));
    await jest.advanceTimersByTimeAsync(250);
    expect(outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(100);
    expect(outcome).toEqual({ kind: 'recorded', events: [stored] });
  });

  it('without a read model to wait for, answers as soon as a poll finds the outcome', async () => {
    const publisher = new DecisionPublisher(store, new HeldBus());
    const stored = await publishAndRecord(publisher, filed('e-1'));
    await jest.advanceTimersByTimeAsync(50);
    expect(outcome).toEqual({ kind: 'recorded', events: [stored] });
  });

  it('answers superseded when another decision took the place first', async () => {
    const publisher = new DecisionPublisher(store, new HeldBus(), { applied });
    const stored = await publishAndRecord(publisher, filed('e-1'), filed('someone-else'));
    applied.tell(stored);
    await settle();
    expect(outcome).toEqual({ kind: 'superseded', recorded: stored });
  });

  it('answers pending once the settle time has passed with nothing recorded', async () => {
    const publisher = new DecisionPublisher(store, new HeldBus(), { applied, settleTimeoutMs: 200 });
    void publisher.publish(decision(filed('e-1'))).then((answer) => (outcome = answer));
    await jest.advanceTimersByTimeAsync(150);
    expect(outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(100);
    expect(outcome).toEqual({ kind: 'pending' });
  });

  it('wakes every caller waiting on the stream', async () => {
    const publisher = new DecisionPublisher(store, new HeldBus(), { applied });
    const answers: DecisionOutcome[] = [];
    void publisher.publish(decision(filed('e-1'))).then((answer) => answers.push(answer));
    void publisher.publish(decision(filed('e-2'))).then((answer) => answers.push(answer));
    await settle();
    await store.appendToStream(STREAM, [filed('e-2')], { expectedRevision: 'no-stream' });
    const [stored] = await collectStream();
    applied.tell(stored);
    await settle();
    expect(answers).toEqual([
      { kind: 'superseded', recorded: stored },
      { kind: 'recorded', events: [stored] },
    ]);
  });
});
