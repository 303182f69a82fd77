import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { collect } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { ConsumerOptions, InProcessMessageBus, silentMessagingLogger, Topics } from '@imera/messaging';
import { EVENT_STORE, MESSAGE_BUS } from '../event-store/tokens';
import { Readiness } from '../health/readiness';
import { encodeEventBatch } from './event-batch.codec';
import { RECORDER_COMPONENT, RecordingModule } from './recording.module';

/** An in-process bus that cannot start consumers until `reachable` is set, as Kafka while the broker is away. */
class UnreachableAtFirst extends InProcessMessageBus {
  reachable = false;
  attempts = 0;
  override consume(options: ConsumerOptions) {
    this.attempts++;
    if (!this.reachable) return Promise.reject(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    return super.consume(options);
  }
}

async function startRecorder(bus: InProcessMessageBus) {
  const store = new InMemoryEventStore();
  const readiness = new Readiness();
  @Global()
  @Module({
    providers: [
      { provide: Readiness, useValue: readiness },
      { provide: EVENT_STORE, useValue: store },
      { provide: MESSAGE_BUS, useValue: bus },
    ],
    exports: [Readiness, EVENT_STORE, MESSAGE_BUS],
  })
  class Infrastructure {}
  @Module({ imports: [Infrastructure, RecordingModule.forTopics([{ topic: Topics.exportControls, streamCategories: ['exportControl'] }], { initialMs: 5, maxMs: 20, factor: 2 })] })
  class TestApp {}
  const app = await NestFactory.createApplicationContext(TestApp, { logger: false });
  await app.init();
  return { app, store, readiness };
}

const batch = encodeEventBatch({
  streamName: 'exportControl-cn-test-1',
  expectedRevision: 'no-stream',
  events: [{ id: '8f4b1c3e-2a9d-4e7f-8b6a-1c2d3e4f5a6b', type: 'ExportControlRecorded', schemaVersion: 1, data: { measureId: 'cn-test-1' }, metadata: { correlationId: 'c', actor: 'analyst-1' } }],
});

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('event recorder start', () => {
  it('starts even when it cannot consume yet, says why it is not ready, and keeps trying until it records', async () => {
    const bus = new UnreachableAtFirst({ logger: silentMessagingLogger });
    const { app, store, readiness } = await startRecorder(bus);

    await until(() => bus.attempts >= 3);
    expect(readiness.snapshot()[RECORDER_COMPONENT]).toEqual({ ready: false, detail: expect.stringMatching(/^cannot consume imera\.export-controls\.v1 yet \(attempt \d+, next in \d+ ms\): Connection error/) });
    expect(readiness.isReady).toBe(false);

    bus.reachable = true;
    await until(() => readiness.snapshot()[RECORDER_COMPONENT].ready);
    expect(readiness.snapshot()[RECORDER_COMPONENT].detail).toBe('consuming imera.export-controls.v1');
    await bus.publish(Topics.exportControls, [{ key: 'gallium', value: batch }]);
    for (let waited = 0; (await collect(store.readAll())).length === 0 && waited < 5_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await collect(store.readAll())).map((event) => event.streamName)).toEqual(['exportControl-cn-test-1']);
    await app.close();
  });

  it('stops trying when the app shuts down before it could consume', async () => {
    const bus = new UnreachableAtFirst({ logger: silentMessagingLogger });
    const { app } = await startRecorder(bus);
    await until(() => bus.attempts >= 2);
    await app.close();
    const attempts = bus.attempts;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bus.attempts).toBe(attempts);
  });
});
