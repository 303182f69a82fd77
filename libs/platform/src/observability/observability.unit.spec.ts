import { Writable } from 'node:stream';
import { InMemoryEventStore } from '@imera/event-store';
import { collect } from '@imera/event-sourcing';
import { InProcessMessageBus, silentMessagingLogger, topicSpecs } from '@imera/messaging';
import { EventLogWatcher } from './event-log-watcher';
import { InProcessConsumerLagProbe } from './in-process-consumer-lag.adapter';
import { createStructuredLogger, levelForNestLevels, StructuredNestLogger } from './structured-logger';
import { SystemMetrics } from './system-metrics';

function captured() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, destination };
}

const until = async (condition: () => boolean) => {
  for (let attempt = 0; attempt < 400 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('structured logs', () => {
  it('writes one JSON object per line with level, time, service, context and message, and hides credentials', async () => {
    const { lines, destination } = captured();
    const logger = createStructuredLogger({ level: 'info', destination });
    new StructuredNestLogger(logger).log('Recording 5 topics', 'event-recorder');
    new StructuredNestLogger(logger).error('append failed', 'Error: disk full\n    at append', 'event-recorder');
    logger.info({ authorization: 'Bearer secret', req: { headers: { authorization: 'Bearer secret' } } }, 'request');
    new StructuredNestLogger(logger).debug('not shown at info');
    await until(() => lines.length === 3);
    expect(lines[0]).toMatchObject({ level: 'info', service: 'imera', context: 'event-recorder', msg: 'Recording 5 topics', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'event-recorder', stack: expect.stringContaining('disk full') });
    expect(JSON.stringify(lines[2])).not.toContain('secret');
    expect(lines).toHaveLength(3);
  });

  it("keeps what a Nest level list keeps", () => {
    expect(levelForNestLevels(undefined)).toBeUndefined();
    expect(levelForNestLevels(false)).toBe('silent');
    expect(levelForNestLevels(['error'])).toBe('error');
    expect(levelForNestLevels(['error', 'warn', 'log'])).toBe('info');
  });
});

describe('metrics', () => {
  it('counts requests by route pattern and status, folding unmatched URLs into one series', async () => {
    const metrics = new SystemMetrics({ processMetrics: false });
    metrics.recordRequest('POST', '/api/v1/notifications', 201, 0.02);
    metrics.recordRequest('GET', undefined, 404, 0.001);
    metrics.recordRequest('GET', undefined, 404, 0.001);
    const text = await metrics.render();
    expect(text).toContain('imera_http_requests_total{method="POST",route="/api/v1/notifications",status="201"} 1');
    expect(text).toContain('imera_http_requests_total{method="GET",route="unmatched",status="404"} 2');
  });

  it('tells projection lag in events from opaque positions', async () => {
    const store = new InMemoryEventStore();
    const watcher = new EventLogWatcher(store);
    watcher.start();
    for (let n = 0; n < 5; n++) {
      await store.appendToStream(`probe-${n}`, [{ id: `00000000-0000-4000-8000-00000000000${n}`, type: 'ProbeRecorded', schemaVersion: 1, data: {}, metadata: { correlationId: 'c', actor: 'a' } }], { expectedRevision: 'no-stream' });
    }
    await until(() => watcher.events === 5);
    const positions = [];
    for await (const event of store.readAll()) positions.push(event.globalPosition);
    expect(watcher.eventsAfter(undefined)).toBe(5);
    expect(watcher.eventsAfter(positions[1])).toBe(3);
    expect(watcher.eventsAfter(positions[4])).toBe(0);
    await watcher.stop();
  });

  it('lists the events stored before it started by position and follows the rest, each counted once', async () => {
    const store = new InMemoryEventStore();
    const probe = (n: number) => store.appendToStream(`probe-${n}`, [{ id: `00000000-0000-4000-8000-00000000001${n}`, type: 'ProbeRecorded', schemaVersion: 1, data: {}, metadata: { correlationId: 'c', actor: 'a' } }], { expectedRevision: 'no-stream' });
    for (let n = 0; n < 3; n++) await probe(n);
    const delivered: number[] = [];
    const subscribeToAll = store.subscribeToAll.bind(store);
    store.subscribeToAll = (options) => subscribeToAll({ ...options, onEvent: (event) => (delivered.push(event.globalPosition), options.onEvent(event)) });
    const watcher = new EventLogWatcher(store);
    watcher.start();
    await until(() => watcher.events === 3);
    for (let n = 3; n < 5; n++) await probe(n);
    await until(() => watcher.events === 5);

    const positions = (await collect(store.readAll())).map((event) => event.globalPosition);
    expect(delivered).toEqual(positions.slice(3));
    expect(watcher.eventsAfter(positions[2])).toBe(2);
    await watcher.stop();
  });

  it('reads the consumer lag of the in-process bus', async () => {
    const bus = new InProcessMessageBus({ topics: topicSpecs(['probe'], 2), logger: silentMessagingLogger });
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const consumer = await bus.consume({ groupId: 'recorder', topics: ['probe'], handle: () => blocked });
    await bus.publish('probe', [1, 2, 3].map((n) => ({ key: 'gallium', value: String(n) })));
    const probe = new InProcessConsumerLagProbe(bus);
    expect(await probe.lag('recorder')).toEqual([{ topic: 'probe', lag: 3 }]);
    expect(await probe.lag('nobody')).toEqual([]);
    release();
    for (let attempt = 0; attempt < 400 && (await probe.lag('recorder'))[0].lag > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await probe.lag('recorder')).toEqual([{ topic: 'probe', lag: 0 }]);
    await consumer.stop();
    await bus.close();
  });
});

describe('request logs', () => {
  it('log a fault at error level, a "not ready, try again" 503 at warn and the rest at info, once per answer', async () => {
    const { default: fastify } = await import('fastify');
    const { installHttpObservability } = await import('./http-observability');
    const { lines, destination } = captured();
    const app = fastify();
    installHttpObservability(app, new SystemMetrics({ processMetrics: false }), createStructuredLogger({ level: 'info', destination }));
    app.get('/ok', async () => ({ ok: true }));
    app.get('/not-ready', async (_request, reply) => reply.code(503).send({ status: 'starting' }));
    app.get('/broken', async (_request, reply) => reply.code(500).send({ error: 'broken' }));
    for (const url of ['/ok', '/not-ready', '/broken']) await app.inject({ method: 'GET', url });
    await app.close();
    await until(() => lines.length >= 3);
    expect(lines.map((line) => [line.route, line.status, line.level])).toEqual([
      ['/ok', 200, 'info'],
      ['/not-ready', 503, 'warn'],
      ['/broken', 500, 'error'],
    ]);
  });
});
