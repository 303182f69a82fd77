import { randomUUID } from 'node:crypto';
import {
  collect,
  EventStore,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@imera/event-sourcing';

export interface ContractSubject {
  /** A fresh store, empty or holding only what earlier reopen() calls left. */
  readonly store: EventStore;
  /** For durable adapters: close and open the same storage again. */
  reopen?(): Promise<EventStore>;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** Adapters that share storage with others (a real server) see foreign events in readAll. */
  readonly sharedLog?: boolean;
}

export function newEvent(type = 'SomethingHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { ...data },
    metadata: { correlationId: randomUUID(), actor: 'contract-test' },
  };
}

/** A stream name no other test run uses, in `category-id` form. */
export function uniqueStream(category = 'contract'): string {
  return `${category}-${randomUUID()}`;
}

/**
 * The behaviour every event-store adapter must show. Each adapter's spec calls this with a factory.
 */
export function describeEventStoreContract(
  adapterName: string,
  createSubject: () => Promise<ContractSubject>,
  options: ContractOptions = {},
): void {
  describe(`event store contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await createSubject();
      store = subject.store;
    });
    afterEach(async () => subject.dispose());

    const readAllOf = async (streams: string[]) =>
      (await collect(store.readAll())).filter((event) => !options.sharedLog || streams.includes(event.streamName));

    describe('appending and reading a stream', () => {
      it('reads back events in the order appended with their revisions and envelope', async () => {
        const stream = uniqueStream();
        const first = newEvent('OperatorNotificationFiled', { tonnes: 12.5, nested: { list: [1, 'two'] } });
        const second = newEvent('OperatorNotificationUpdated');
        const result = await store.appendToStream(stream, [first, second], { expectedRevision: 'no-stream' });
        expect(result.nextExpectedRevision).toBe(1);

        const events = await collect(store.readStream(stream));
        expect(events.map((event) => [event.id, event.type, event.streamRevision])).toEqual([
          [first.id, 'OperatorNotificationFiled', 0],
          [second.id, 'OperatorNotificationUpdated', 1],
        ]);
        expect(events[0].data).toEqual({ tonnes: 12.5, nested: { list: [1, 'two'] } });
        expect(events[0].metadata).toEqual(first.metadata);
        expect(events[0].schemaVersion).toBe(1);
        expect(events[0].streamName).toBe(stream);
        expect(Number.isNaN(Date.parse(events[0].recordedAt))).toBe(false);
        expect(events[1].globalPosition).toBeGreaterThan(events[0].globalPosition);
        expect(result.lastGlobalPosition).toBe(events[1].globalPosition);
      });

      it('reads a missing stream as empty with revision -1', async () => {
        const stream = uniqueStream();
        expect(await collect(store.readStream(stream))).toEqual([]);
        expect(await store.streamRevision(stream)).toBe(-1);
      });

      it('reads from a revision and at most a number of events', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent(), newEvent(), newEvent(), newEvent()], { expectedRevision: 'no-stream' });
        const events = await collect(store.readStream(stream, { fromRevision: 1, maxCount: 2 }));
        expect(events.map((event) => event.streamRevision)).toEqual([1, 2]);
      });

      it('keeps streams apart', async () => {
        const a = uniqueStream();
        const b = uniqueStream();
        await store.appendToStream(a, [newEvent('A')], { expectedRevision: 'no-stream' });
        await store.appendToStream(b, [newEvent('B')], { expectedRevision: 'no-stream' });
        await store.appendToStream(a, [newEvent('A2')], { expectedRevision: 0 });
        expect((await collect(store.readStream(a))).map((event) => event.type)).toEqual(['A', 'A2']);
        expect((await collect(store.readStream(b))).map((event) => event.type)).toEqual(['B']);
        expect(await store.streamRevision(a)).toBe(1);
      });
    });

    describe('expected revisions', () => {
      it('refuses no-stream when the stream exists', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' });
        await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
      });

      it('refuses a stale exact revision and names the actual one', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent(), newEvent()], { expectedRevision: 'no-stream' });
        const error = await store.appendToStream(stream, [newEvent()], { expectedRevision: 0 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe(1);
        expect((error as WrongExpectedRevisionError).streamName).toBe(stream);
      });

      it('refuses an exact revision on a missing stream', async () => {
        await expect(store.appendToStream(uniqueStream(), [newEvent()], { expectedRevision: 0 })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
      });

      it('accepts any revision with "any"', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' });
        const result = await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' });
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('lets exactly one of many concurrent writers with the same expected revision win', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.appendToStream(stream, [newEvent()], { expectedRevision: 0 })),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(rejected).toHaveLength(9);
        for (const outcome of rejected) expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.streamRevision(stream)).toBe(1);
      });

      it('stores nothing of a refused append', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' });
        await store.appendToStream(stream, [newEvent(), newEvent()], { expectedRevision: 5 }).catch(() => undefined);
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });
    });

    describe('idempotent re-append', () => {
      it('stores an event only once when the same append is repeated with the same expected revision', async () => {
        const stream = uniqueStream();
        const events = [newEvent(), newEvent()];
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
        const again = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
        expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('stores an event only once when repeated with "any"', async () => {
        const stream = uniqueStream();
        const event = newEvent();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' });
        await store.appendToStream(stream, [event], { expectedRevision: 'any' });
        await store.appendToStream(stream, [event], { expectedRevision: 'any' });
        expect((await collect(store.readStream(stream))).map((stored) => stored.id).filter((id) => id === event.id)).toHaveLength(1);
      });

      it('stores concurrent duplicates once', async () => {
        const stream = uniqueStream();
        const event = newEvent();
        const outcomes = await Promise.allSettled([
          store.appendToStream(stream, [event], { expectedRevision: 'no-stream' }),
          store.appendToStream(stream, [event], { expectedRevision: 'no-stream' }),
        ]);
        expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });
    });

    describe('reading all', () => {
      it('returns every event in global order, resumable after a checkpoint', async () => {
        const a = uniqueStream();
        const b = uniqueStream();
        await store.appendToStream(a, [newEvent('1')], { expectedRevision: 'no-stream' });
        await store.appendToStream(b, [newEvent('2'), newEvent('3')], { expectedRevision: 'no-stream' });
        await store.appendToStream(a, [newEvent('4')], { expectedRevision: 0 });

        const all = await readAllOf([a, b]);
        expect(all.map((event) => event.type)).toEqual(['1', '2', '3', '4']);
        const positions = all.map((event) => event.globalPosition);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);

        const rest = (await collect(store.readAll({ after: all[1].globalPosition }))).filter((event) =>
          [a, b].includes(event.streamName),
        );
        expect(rest.map((event) => event.type)).toEqual(['3', '4']);
      });

      it('lists the position of every event in log order, after a checkpoint too', async () => {
        await store.appendToStream(uniqueStream(), [newEvent('1'), newEvent('2')], { expectedRevision: 'no-stream' });
        await store.appendToStream(uniqueStream(), [newEvent('3')], { expectedRevision: 'no-stream' });
        const positions = (await collect(store.readAll())).map((event) => event.globalPosition);
        expect((await collect(store.readAllPositions())).flat()).toEqual(positions);
        expect((await collect(store.readAllPositions({ after: positions[positions.length - 3] }))).flat()).toEqual(positions.slice(-2));
        expect((await collect(store.readAllPositions({ after: positions[positions.length - 1] }))).flat()).toEqual([]);
      });

      it('honours maxCount', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent(), newEvent(), newEvent()], { expectedRevision: 'no-stream' });
        const firstTwo = await collect(store.readAll({ maxCount: 2 }));
        expect(firstTwo).toHaveLength(2);
      });
    });

    describe('subscribing to all', () => {
      it('catches up from a checkpoint and then follows live appends without gaps or repeats', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent('before-1'), newEvent('before-2')], { expectedRevision: 'no-stream' });
        const [first] = (await collect(store.readStream(stream))).slice(0, 1);

        const seen: RecordedEvent[] = [];
        let caughtUp = false;
        const subscription = store.subscribeToAll({
          after: first.globalPosition,
          onEvent: (event) => {
            if (event.streamName === stream) seen.push(event);
          },
          onCaughtUp: () => {
            caughtUp = true;
          },
        });
        await waitFor(() => caughtUp);
        for (let revision = 1; revision <= 20; revision++) {
          await store.appendToStream(stream, [newEvent(`live-${revision}`)], { expectedRevision: revision });
        }
        await waitFor(() => seen.length >= 21);
        await subscription.stop();

        expect(seen.map((event) => event.type)).toEqual([
          'before-2',
          ...Array.from({ length: 20 }, (_, index) => `live-${index + 1}`),
        ]);
      });

      it('delivers events appended concurrently with catch-up exactly once, in order', async () => {
        const stream = uniqueStream();
        const seen: string[] = [];
        const writes = (async () => {
          for (let revision = 0; revision < 50; revision++) {
            await store.appendToStream(stream, [newEvent(String(revision))], { expectedRevision: revision - 1 < 0 ? 'no-stream' : revision - 1 });
          }
        })();
        const subscription = store.subscribeToAll({
          onEvent: async (event) => {
            if (event.streamName === stream) seen.push(event.type);
            await new Promise((resolve) => setImmediate(resolve));
          },
        });
        await writes;
        await waitFor(() => seen.length >= 50);
        await subscription.stop();
        expect(seen).toEqual(Array.from({ length: 50 }, (_, index) => String(index)));
      });

      it('stops and reports a failing handler', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, [newEvent()], { expectedRevision: 'no-stream' });
        const errors: unknown[] = [];
        const subscription = store.subscribeToAll({
          onEvent: (event) => {
            if (event.streamName === stream) throw new Error('handler failed');
          },
          onError: (error) => errors.push(error),
        });
        await subscription.done;
        expect(errors).toHaveLength(1);
        expect((errors[0] as Error).message).toBe('handler failed');
      });
    });

    describe('restart and recovery', () => {
      it('keeps every acknowledged event and stream revision across a reopen', async () => {
        if (!subject.reopen) return;
        const stream = uniqueStream();
        const appended = [newEvent('x'), newEvent('y')];
        await store.appendToStream(stream, appended, { expectedRevision: 'no-stream' });
        await store.appendToStream(stream, [newEvent('z')], { expectedRevision: 1 });
        store = await subject.reopen();

        const events = await collect(store.readStream(stream));
        expect(events.map((event) => event.type)).toEqual(['x', 'y', 'z']);
        expect(events[0].id).toBe(appended[0].id);
        await expect(store.appendToStream(stream, [newEvent()], { expectedRevision: 1 })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await store.appendToStream(stream, [newEvent('after')], { expectedRevision: 2 });
        expect((await readAllOf([stream])).map((event) => event.type)).toEqual(['x', 'y', 'z', 'after']);
      });

      it('recognises a re-append of an event stored before the reopen', async () => {
        if (!subject.reopen) return;
        const stream = uniqueStream();
        const event = newEvent();
        await store.appendToStream(stream, [event], { expectedRevision: 'no-stream' });
        store = await subject.reopen();
        await store.appendToStream(stream, [event], { expectedRevision: 'no-stream' });
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });
    });
  });
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
