import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ManualClock } from '@imera/event-sourcing';
import { MessageBus, Topics } from '@imera/messaging';
import { AppConfig, MESSAGE_BUS } from '@imera/platform';
import { createApp } from '../../apps/imera/src/bootstrap';
import { deleteTestTopics } from '../../libs/messaging/src/kafka/testing/delete-test-topics';
import { freePort } from '../support/system-process';
import { memberState, tokenIssuerFor } from '../support/tokens';
import { testKafkaBrokers } from './local-broker';

const PREFIX = `start-without-broker-${randomUUID().slice(0, 8)}.`;

/** Forwards a local port to the test broker: closed at first (no broker there), opened later. */
async function forwardTo(port: number, target: string): Promise<Server> {
  const [host, targetPort] = target.split(':');
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host, port: Number(targetPort) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  server.on('close', () => sockets.forEach((socket) => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

async function health(baseUrl: string): Promise<{ status: number; body: { components: Record<string, { ready: boolean; detail?: string }> } }> {
  const response = await fetch(`${baseUrl}/health`);
  return { status: response.status, body: (await response.json()) as never };
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The all-in-one app started while its Kafka broker cannot be reached: it starts anyway, `/health` answers
 * 503 naming the event recorder (and the bus) as not ready, and once the broker answers the recorder joins
 * by itself, `/health` turns 200 and a filing is stored; the dead-letter watcher and the lag metric follow.
 */
describe('starting while Kafka is unreachable', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'imera-start-without-broker-'));
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  let app: NestFastifyApplication | undefined;
  let forwarder: Server | undefined;

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => (forwarder ? forwarder.close(resolve) : resolve(undefined)));
    rmSync(dataDir, { recursive: true, force: true });
    await deleteTestTopics(testKafkaBrokers(), [PREFIX]);
  }, 60_000);

  it('starts, answers /health 503 until the broker answers, then 200, and records a filing', async () => {
    const brokerPort = await freePort();
    const config: AppConfig = { host: '127.0.0.1', port: 0, dataDir, eventStore: 'file', kafkaBrokers: [`127.0.0.1:${brokerPort}`], kafkaTopicPrefix: PREFIX };
    app = await createApp(config, { clock, logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

    const waiting = await until(() => health(baseUrl), (reply) => reply.body.components['event-recorder']?.detail !== undefined, 'the recorder to say why it waits', 30_000);
    expect(waiting.status).toBe(503);
    expect(waiting.body.components['event-recorder']).toEqual({ ready: false, detail: expect.stringMatching(/^cannot consume .*imera\.operator-notifications\.v1.* yet \(attempt \d+/) });
    expect(waiting.body.components['message-bus'].ready).toBe(false);
    // Still waiting a moment later: it keeps trying rather than giving up.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const still = await health(baseUrl);
    expect(still.status).toBe(503);
    expect(still.body.components['event-recorder'].ready).toBe(false);

    forwarder = await forwardTo(brokerPort, testKafkaBrokers()[0]);
    const ready = await until(() => health(baseUrl), (reply) => reply.status === 200, '/health to answer 200', 90_000);
    expect(ready.body.components['event-recorder']).toEqual({ ready: true, detail: expect.stringMatching(/^consuming /) });
    expect(ready.body.components['message-bus'].detail).toContain(`prefixed "${PREFIX}"`);

    const token = await (await tokenIssuerFor(dataDir, clock))(memberState('DE'));
    const body = { ...JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'api', 'examples', 'file-notification.json'), 'utf8')), notificationId: randomUUID() };
    const filed = await fetch(`${baseUrl}/api/v1/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(filed.status).toBe(201);

    // The dead-letter watcher also joined once the broker answered, and consumer lag is read under the prefix.
    await app.get<MessageBus>(MESSAGE_BUS).publish(Topics.exportControls, [{ key: 'gallium', value: '{"streamName": ' }]);
    const metrics = () => fetch(`${baseUrl}/metrics`).then((response) => response.text());
    await until(metrics, (text) => text.includes('imera_dead_letters_total{topic="imera.export-controls.v1"} 1'), 'the dead letter to be counted', 30_000);
    await until(metrics, (text) => /imera_consumer_lag_messages\{group="event-recorder",topic="imera\.operator-notifications\.v1"\} 0\n/.test(text), 'the recorder lag', 30_000);
  }, 150_000);
});
