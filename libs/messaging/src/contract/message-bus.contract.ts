import { randomUUID } from 'node:crypto';
import { ConsumerHandle, IncomingMessage, MessageBus, PoisonMessageError } from '../messaging.port';
import { deadLetterTopic, topicSpecs, TopicSpec } from '../topics';
import { DeadLetterHeaders } from '../shared/dead-letter';

/** Builds a bus that knows (and, on a broker, creates) the given topics. Each test gets its own topics. */
export type MessageBusFactory = (topics: readonly TopicSpec[]) => Promise<MessageBus>;

export interface MessageBusContractOptions {
  /** Longest wait for something to arrive; generous for a real broker (group joins take seconds). */
  readonly waitMs: number;
  /** Jest timeout per test. */
  readonly testTimeoutMs: number;
}

/** Polls until `condition` holds; fails with `what` if it never does. A wait, not a speed assertion. */
export async function eventually(condition: () => boolean, what: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const text = (message: IncomingMessage) => message.value.toString('utf8');

/**
 * The behaviour every message-bus adapter must show: in-process (embedded default) and Kafka alike.
 */
export function describeMessageBusContract(
  adapterName: string,
  createBus: MessageBusFactory,
  options: MessageBusContractOptions,
): void {
  describe(`message bus contract: ${adapterName}`, () => {
    let bus: MessageBus;
    let opened: MessageBus | undefined;
    let topic: string;
    const consumers: ConsumerHandle[] = [];
    const wait = (condition: () => boolean, what: string) => eventually(condition, what, options.waitMs);
    const group = (name: string) => `${name}-${randomUUID()}`;
    const consume = async (groupId: string, handle: (message: IncomingMessage) => Promise<void>, topics = [topic]) => {
      const consumer = await bus.consume({ groupId, topics, handle });
      consumers.push(consumer);
      return consumer;
    };

    beforeEach(async () => {
      topic = `contract.${randomUUID()}`;
      bus = opened = await createBus(topicSpecs([topic], 3));
    });
    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
      await opened?.close();
      opened = undefined;
    });

    it('delivers a published message with its key, value, headers and place', async () => {
      const seen: IncomingMessage[] = [];
      await consume(group('reader'), async (message) => void seen.push(message));
      await bus.publish(topic, [{ key: 'gallium', value: '{"tonnes":12}', headers: { 'content-type': 'application/json' } }]);
      await wait(() => seen.length === 1, 'the message');
      expect(seen[0]).toMatchObject({ topic, key: 'gallium', headers: { 'content-type': 'application/json' } });
      expect(text(seen[0])).toBe('{"tonnes":12}');
      expect(seen[0].partition).toBeGreaterThanOrEqual(0);
      expect(seen[0].offset).toMatch(/^\d+$/);
    }, options.testTimeoutMs);

    it('keeps the order of the messages of each key', async () => {
      const keys = ['gallium', 'germanium', 'tungsten', 'graphite'];
      const seen = new Map<string, number[]>(keys.map((key) => [key, []]));
      await consume(group('ordered'), async (message) => void seen.get(message.key!)!.push(Number(text(message))));
      for (let batch = 0; batch < 5; batch++) {
        const messages = Array.from({ length: 5 }, (_, index) => batch * 5 + index).flatMap((n) =>
          keys.map((key) => ({ key, value: String(n) })),
        );
        await bus.publish(topic, messages);
      }
      await wait(() => keys.every((key) => seen.get(key)!.length >= 25), 'every message of every key');
      const expected = Array.from({ length: 25 }, (_, n) => n);
      for (const key of keys) expect(seen.get(key)).toEqual(expected);
    }, options.testTimeoutMs);

    it('handles messages of different keys in one partition side by side, and those of one key one at a time', async () => {
      const single = `contract.${randomUUID()}`;
      const own = await createBus(topicSpecs([single], 1));
      try {
        const keys = ['gallium', 'germanium', 'tungsten', 'graphite'];
        const seen = new Map<string, number[]>(keys.map((key) => [key, []]));
        const runningPerKey = new Map<string, number>();
        let running = 0;
        let mostAtOnce = 0;
        let mostForOneKey = 0;
        const consumer = await own.consume({
          groupId: group('side-by-side'),
          topics: [single],
          handle: async (message) => {
            const key = message.key!;
            runningPerKey.set(key, (runningPerKey.get(key) ?? 0) + 1);
            mostForOneKey = Math.max(mostForOneKey, runningPerKey.get(key)!);
            mostAtOnce = Math.max(mostAtOnce, ++running);
            await new Promise((resolve) => setTimeout(resolve, 20));
            running--;
            runningPerKey.set(key, runningPerKey.get(key)! - 1);
            seen.get(key)!.push(Number(text(message)));
          },
        });
        consumers.push(consumer);
        await own.publish(single, [0, 1, 2].flatMap((n) => keys.map((key) => ({ key, value: String(n) }))));
        await wait(() => keys.every((key) => seen.get(key)!.length === 3), 'every message of every key');
        await consumer.stop();
        expect(mostForOneKey).toBe(1);
        expect(mostAtOnce).toBeGreaterThan(1);
        for (const key of keys) expect(seen.get(key)).toEqual([0, 1, 2]);
      } finally {
        await own.close();
      }
    }, options.testTimeoutMs);

    it('hands a message whose handler failed to the handler again, and moves on only after it succeeded', async () => {
      const seen: string[] = [];
      let failuresLeft = 2;
      await consume(group('retrying'), async (message) => {
        seen.push(text(message));
        if (text(message) === 'b' && failuresLeft-- > 0) throw new Error('event store briefly unavailable');
      });
      await bus.publish(topic, ['a', 'b', 'c'].map((value) => ({ key: 'cobalt', value })));
      await wait(() => seen.includes('c'), 'the message after the failing one');
      expect(seen).toEqual(['a', 'b', 'b', 'b', 'c']);
    }, options.testTimeoutMs);

    it('never skips a message that was not handled: a consumer stopped mid-retry leaves it to the next one', async () => {
      const groupId = group('handover');
      const firstSaw: string[] = [];
      const first = await consume(groupId, async (message) => {
        firstSaw.push(text(message));
        if (text(message) === 'm3') throw new Error('downstream unavailable');
      });
      await bus.publish(topic, ['m1', 'm2', 'm3', 'm4'].map((value) => ({ key: 'lithium', value })));
      await wait(() => firstSaw.filter((value) => value === 'm3').length >= 2, 'm3 to be retried');
      await first.stop();
      expect(firstSaw).not.toContain('m4');

      const secondSaw: string[] = [];
      await consume(groupId, async (message) => void secondSaw.push(text(message)));
      await wait(() => secondSaw.includes('m4'), 'the next consumer to reach m4');
      expect(secondSaw).toEqual(['m3', 'm4']);
    }, options.testTimeoutMs);

    it('shares the work of a group among its consumers, while another group gets every message too', async () => {
      const groupId = group('sharing');
      const byConsumer: Array<Set<string>> = [new Set(), new Set()];
      await consume(groupId, async (message) => void byConsumer[0].add(text(message)));
      await consume(groupId, async (message) => void byConsumer[1].add(text(message)));
      const audit = new Set<string>();
      await consume(group('audit'), async (message) => void audit.add(text(message)));

      const values = Array.from({ length: 40 }, (_, n) => `n${n}`);
      await bus.publish(topic, values.map((value, n) => ({ key: `material-${n % 20}`, value })));
      const union = () => new Set([...byConsumer[0], ...byConsumer[1]]);
      await wait(() => union().size === values.length && audit.size === values.length, 'both groups to see every message');
      expect(byConsumer[0].size).toBeGreaterThan(0);
      expect(byConsumer[1].size).toBeGreaterThan(0);
      expect([...union()].sort()).toEqual([...values].sort());
    }, options.testTimeoutMs);

    it('sends a poison message to the dead-letter topic with the reason and its origin, then handles the next', async () => {
      const handled: IncomingMessage[] = [];
      let poisonOffset: string | undefined;
      await consume(group('intake'), async (message) => {
        if (text(message) === 'poison') {
          poisonOffset = message.offset;
          throw new PoisonMessageError('unknown raw material code "XX"');
        }
        handled.push(message);
      });
      const dead: IncomingMessage[] = [];
      await consume(group('dlq-reader'), async (message) => void dead.push(message), [deadLetterTopic(topic)]);

      await bus.publish(topic, ['before', 'poison', 'after'].map((value) => ({ key: 'antimony', value, headers: { origin: 'DE' } })));
      await wait(() => dead.length === 1 && handled.length === 2, 'the dead letter and the good messages');
      expect(handled.map(text)).toEqual(['before', 'after']);
      const [letter] = dead;
      expect(text(letter)).toBe('poison');
      expect(letter.key).toBe('antimony');
      expect(letter.headers).toMatchObject({
        origin: 'DE',
        [DeadLetterHeaders.reason]: 'unknown raw material code "XX"',
        [DeadLetterHeaders.sourceTopic]: topic,
        [DeadLetterHeaders.sourcePartition]: String(handled[0].partition),
        [DeadLetterHeaders.sourceOffset]: poisonOffset,
      });
    }, options.testTimeoutMs);

    it('stops a consumer whose handler hangs, and closes, without hanging', async () => {
      let called = false;
      const consumer = await consume(group('stuck'), () => {
        called = true;
        return new Promise<void>(() => undefined);
      });
      await bus.publish(topic, [{ key: 'magnesium', value: 'never finishes' }]);
      await wait(() => called, 'the handler to be called');
      await consumer.stop();
      await bus.close();
      await expect(bus.publish(topic, [{ key: 'magnesium', value: 'late' }])).rejects.toThrow(/closed/);
    }, options.testTimeoutMs);
  });
}
