import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@imera/event-sourcing';
import { Topics } from '@imera/messaging';
import { runKafkaScript } from '../kafka/local-broker';
import { freePort } from '../support/system-process';
import { memberState } from '../support/tokens';
import { SentNotification, validNotification } from './crash/notification-load';
import { deadLetterReader, goodMessage, poisonMessages, streamLength } from './hostile-input/topic-poison';
import { AppHarness } from './support/app-harness';
import { Seeded } from './support/seeded';

const SEED = 20260602;
const WORKERS = 3;
const LOAD_MS = 12_000;
/** Default, not law: how long a filer waits for an answer before it asks again with the same notification. */
const CLIENT_TIMEOUT_MS = 60_000;

/**
 * The all-in-one app with KAFKA_BROKERS set, on its own broker (own ports and run directory, so the shared
 * test broker is never disturbed): filings over HTTP while the broker is stopped and started again. Every
 * filing a filer was told about (2xx, or an error it then re-sent) ends up in the event store exactly once.
 */
describe('broker faults: HTTP -> Kafka -> recorder -> event store', () => {
  let env: Record<string, string>;
  let runDir: string;
  let harness: AppHarness;
  const random = new Seeded(SEED);
  const sent: SentNotification[] = [];
  const totals = { requests: 0, created: 0, repeated: 0, pending: 0, failed: 0, resent: 0, outages: 0, eventsChecked: 0, poison: 0, deadLettered: 0, withoutRetryAfter: 0 };
  const failedWith = new Map<string, number>();

  beforeAll(async () => {
    runDir = mkdtempSync(join(tmpdir(), 'imera-broker-faults-'));
    env = { KAFKA_PORT: String(await freePort()), KAFKA_CONTROLLER_PORT: String(await freePort()), KAFKA_RUN_DIR: runDir };
    const started = await runKafkaScript('start', env);
    if (started.code !== 0) throw new Error(`Private broker did not start:\n${started.output}`);
    harness = await AppHarness.start({ kafkaBrokers: [`127.0.0.1:${env.KAFKA_PORT}`] });
  }, 240_000);

  afterAll(async () => {
    console.log(
      `broker faults: ${totals.outages} broker outage under load; ${totals.requests} filings sent (${totals.created} created, ${totals.repeated} repeated, ` +
        `${totals.pending} pending, ${totals.failed} failed [${[...failedWith].map(([why, n]) => `${n}x ${why}`).join(', ')}] and re-sent ${totals.resent} times); ${totals.eventsChecked} events checked, 0 lost, 0 duplicated; ` +
        `${totals.poison} poison messages on Kafka, ${totals.deadLettered} dead-lettered with a reason`,
    );
    await harness?.stop();
    if (env) await runKafkaScript('stop', env);
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  }, 120_000);

  async function file(notification: SentNotification): Promise<void> {
    const token = await harness.token(memberState(notification.memberState));
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) totals.resent++;
      const status = await fetch(`${harness.baseUrl}/api/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(notification.body),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          if (response.status === 503 && !/^\d+$/.test(response.headers.get('retry-after') ?? '')) totals.withoutRetryAfter++;
          return response.status;
        },
        () => 0,
      );
      if (status === 201 || status === 200 || status === 202) {
        notification.outcome = { kind: 'acknowledged', status };
        if (status === 201) totals.created++;
        else if (status === 200) totals.repeated++;
        else totals.pending++;
        return;
      }
      // A 503 (the broker did not take it; Retry-After says when to try again) or no answer: the filer sends
      // the same filing again.
      totals.failed++;
      const why = status === 0 ? 'no answer' : String(status);
      failedWith.set(why, (failedWith.get(why) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('records every filing exactly once through a broker stop and restart', async () => {
    let stopping = false;
    const worker = async () => {
      while (!stopping) {
        const notification = validNotification(random);
        sent.push(notification);
        totals.requests++;
        await file(notification);
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS / 3));
    const stopped = await runKafkaScript('stop', env);
    expect(stopped.code).toBe(0);
    totals.outages++;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const started = await runKafkaScript('start', env);
    expect(started.code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS / 3));
    stopping = true;
    await Promise.all(workers);

    const ids = new Set(sent.map((notification) => notification.notificationId));
    let filed: RecordedEvent[] = [];
    for (let waited = 0; waited < 120_000; waited += 500) {
      filed = (await harness.allEvents()).filter((event) => event.type === 'OperatorNotificationFiled');
      if (new Set(filed.map((event) => (event.data as { notificationId: string }).notificationId)).size >= ids.size) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const all = await harness.allEvents();
    totals.eventsChecked = all.length;
    const perNotification = new Map<string, number>();
    for (const event of filed) {
      const id = (event.data as { notificationId: string }).notificationId;
      perNotification.set(id, (perNotification.get(id) ?? 0) + 1);
    }
    expect(sent.filter((notification) => notification.outcome.kind !== 'acknowledged')).toEqual([]);
    expect([...ids].filter((id) => perNotification.get(id) !== 1)).toEqual([]);
    expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
    expect(totals.created + totals.repeated + totals.pending).toBe(sent.length);
    // A write the broker could not take is "unavailable, try again", never an internal error.
    expect([...failedWith.keys()].filter((why) => why !== '503' && why !== 'no answer')).toEqual([]);
    expect(totals.withoutRetryAfter).toBe(0);
  }, 300_000);

  it('sends poison on every recorded topic to its dead-letter topic with a reason, and records the next good message', async () => {
    const topics = [
      { topic: Topics.operatorNotifications, category: 'notification', foreign: 'exportControl' },
      { topic: Topics.exportControls, category: 'exportControl', foreign: 'notification' },
    ];
    const reader = await deadLetterReader(harness.bus, topics.map(({ topic }) => topic), `broker-faults-dlq-${Date.now()}`);
    const expected: string[] = [];
    const good: string[] = [];
    for (const { topic, category, foreign } of topics) {
      for (const { label, message } of poisonMessages(category, foreign)) {
        await harness.bus.publish(topic, [message]);
        expected.push(label);
        totals.poison++;
      }
      const { message, streamName } = goodMessage(category);
      await harness.bus.publish(topic, [message]);
      good.push(streamName);
    }
    for (let waited = 0; reader.seen.length < expected.length && waited < 60_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    for (let waited = 0; waited < 30_000; waited += 250) {
      const lengths = await Promise.all(good.map((streamName) => streamLength(harness.store, streamName)));
      if (lengths.every((length) => length === 1)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await reader.stop();
    totals.deadLettered = reader.seen.filter((message) => (reader.reasonOf(message) ?? '') !== '').length;
    expect(totals.deadLettered).toBe(expected.length);
    for (const streamName of good) expect(await streamLength(harness.store, streamName)).toBe(1);
  }, 120_000);
});
