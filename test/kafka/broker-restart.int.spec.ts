import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, NewEvent, RecordedEvent } from '@imera/event-sourcing';
import { FileLogEventStore } from '@imera/event-store';
import {
  ConsumerHandle,
  DecodedAppend,
  eventAppendingHandler,
  IncomingMessage,
  KafkaMessageBus,
  MessagingLogger,
  PoisonMessageError,
  topicSpecs,
} from '@imera/messaging';
import { TEST_CONSUMER_TIMING } from '../../libs/messaging/src/kafka/testing/test-timing';
import { freePort } from '../support/system-process';
import { runKafkaScript, testKafkaBrokers } from './local-broker';

const TOPIC = 'imera.broker-restart-test.v1';
const MESSAGES = 300;
const MATERIALS = ['gallium', 'germanium', 'antimony', 'graphite', 'tungsten'];

/** Counts what the adapters report instead of printing it: the outage makes them talk a lot. */
function countingLogger(): MessagingLogger & { warnings: string[] } {
  const logger = {
    warnings: [] as string[],
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string) => void logger.warnings.push(message),
    error: (message: string) => void logger.warnings.push(message),
  };
  return logger;
}

function decode(message: IncomingMessage): DecodedAppend {
  try {
    return JSON.parse(message.value.toString('utf8')) as DecodedAppend;
  } catch {
    throw new PoisonMessageError('not JSON');
  }
}

/**
 * The broker is stopped and started again (with the real scripts) while a producer publishes a steady
 * sequence and a consumer appends it to a durable file log. Every message must end up stored exactly once.
 * It runs its own broker on free ports, so the shared test broker is never interrupted.
 */
describe('Kafka broker restart under a steady stream of messages', () => {
  let env: Record<string, string>;
  let runDir: string;
  let dataDir: string;

  beforeAll(async () => {
    testKafkaBrokers(); // fails this suite clearly when the local broker cannot run at all
    runDir = mkdtempSync(join(tmpdir(), 'imera-kafka-restart-'));
    dataDir = mkdtempSync(join(tmpdir(), 'imera-restart-store-'));
    env = { KAFKA_PORT: String(await freePort()), KAFKA_CONTROLLER_PORT: String(await freePort()), KAFKA_RUN_DIR: runDir };
    const started = await runKafkaScript('start', env);
    if (started.code !== 0) throw new Error(`Private broker did not start:\n${started.output}`);
  }, 180_000);

  afterAll(async () => {
    if (env) await runKafkaScript('stop', env);
    if (runDir) rmSync(runDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('loses nothing and stores nothing twice', async () => {
    const store = await FileLogEventStore.open({ dir: dataDir });
    const logger = countingLogger();
    const bus = new KafkaMessageBus({
      brokers: [`127.0.0.1:${env.KAFKA_PORT}`],
      clientId: 'imera-restart-test',
      topics: topicSpecs([TOPIC], 3),
      logger,
      backoff: { initialMs: 50, maxMs: 1_000, factor: 2 },
      stopTimeoutMs: 2_000,
      // Few retries, so publishes fail during the outage and the caller's re-publish can duplicate messages.
      publishRetries: 1,
      consumerTiming: TEST_CONSUMER_TIMING,
    });
    let deliveries = 0;
    const append = eventAppendingHandler(store, decode);
    const consumer: ConsumerHandle = await bus.consume({
      groupId: 'restart-recorder',
      topics: [TOPIC],
      handle: async (message) => {
        deliveries++;
        await append(message);
      },
    });

    const published: NewEvent[] = [];
    const revisions = new Map<string, number>();
    let failedAttempts = 0;
    let restart: Promise<unknown> | undefined;
    const outage = { stoppedAfter: -1, backAfter: -1 };
    for (let n = 0; n < MESSAGES; n++) {
      if (n === MESSAGES / 3) restart = restartBroker(env, {
          stopped: () => (outage.stoppedAfter = published.length),
          started: () => (outage.backAfter = published.length),
        }).then(() => undefined, (error: unknown) => error);
      const material = MATERIALS[n % MATERIALS.length];
      const event: NewEvent = { id: randomUUID(), type: 'SupplySignalRecorded', schemaVersion: 1, data: { n, material }, metadata: { correlationId: randomUUID(), actor: 'restart-test' } };
      const revision = revisions.get(material) ?? -1;
      const message = { key: material, value: JSON.stringify({ streamName: `probe-${material}`, expectedRevision: revision < 0 ? 'no-stream' : revision, events: [event] }) };
      // The producer's caller keeps trying, as an intake service would: a retried publish may duplicate.
      for (;;) {
        try {
          await bus.publish(TOPIC, [message]);
          break;
        } catch {
          failedAttempts++;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      published.push(event);
      revisions.set(material, revision + 1);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const restartFailure = await restart;
    if (restartFailure) throw restartFailure;

    const deadline = Date.now() + 90_000;
    let stored: RecordedEvent[] = [];
    while (Date.now() < deadline) {
      stored = await collect(store.readAll());
      if (stored.length >= published.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await consumer.stop();
    await bus.close();
    await store.close();

    const storedIds = stored.map((event) => event.id);
    const duplicates = storedIds.length - new Set(storedIds).size;
    const lost = published.filter((event) => !storedIds.includes(event.id)).length;
    console.log(
      `broker restart: published ${published.length} messages (${failedAttempts} publish attempts failed during the outage), ` +
        `${deliveries} deliveries to the handler, ${stored.length} events stored, ${lost} lost, ${duplicates} duplicated, ` +
        `${logger.warnings.length} adapter warnings; broker down after message ${outage.stoppedAfter}, back after message ${outage.backAfter}`,
    );
    if (process.env.IMERA_DEBUG_RESTART) console.log(logger.warnings.join('\n'));
    // The outage happened mid-stream: messages were published after the broker came back.
    expect(outage.backAfter).toBeGreaterThanOrEqual(outage.stoppedAfter);
    expect(outage.backAfter).toBeLessThan(MESSAGES);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(stored).toHaveLength(published.length);
    for (const material of MATERIALS) {
      const inStream = stored.filter((event) => event.streamName === `probe-${material}`).map((event) => event.id);
      expect(inStream).toEqual(published.filter((event) => event.data.material === material).map((event) => event.id));
    }
  }, 180_000);
});

async function restartBroker(env: Record<string, string>, on: { stopped(): void; started(): void }): Promise<void> {
  const stopped = await runKafkaScript('stop', env);
  if (stopped.code !== 0) throw new Error(`kafka.sh stop failed:\n${stopped.output}`);
  on.stopped();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const started = await runKafkaScript('start', env);
  if (started.code !== 0) throw new Error(`kafka.sh start failed:\n${started.output}`);
  on.started();
}
