import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, KafkaMessageBus, MessageBus, Topics } from '@imera/messaging';
import { testKafkaBrokers } from '../../../../test/kafka/local-broker';
import { eventually } from '../../../messaging/src/contract/message-bus.contract';
import { freePort } from '../../../../test/support/system-process';
import { loadAppConfig } from '../config/app-config';
import { MESSAGE_BUS } from '../event-store/tokens';
import { Readiness } from '../health/readiness';
import { MessagingModule } from './messaging.module';

async function startContext(kafkaBrokers: string) {
  const config = loadAppConfig({ KAFKA_BROKERS: kafkaBrokers });
  // A Readiness of its own per app, so one test's state cannot leak into the next.
  @Global()
  @Module({ providers: [{ provide: Readiness, useValue: new Readiness() }], exports: [Readiness] })
  class TestHealth {}
  @Module({ imports: [TestHealth, MessagingModule.forRoot(config)] })
  class TestApp {}
  return NestFactory.createApplicationContext(TestApp, { logger: false });
}

describe('messaging module with KAFKA_BROKERS', () => {
  it('connects to Kafka, creates the system topics, reports ready, and carries messages', async () => {
    const app = await startContext(testKafkaBrokers().join(','));
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    expect(bus).toBeInstanceOf(KafkaMessageBus);
    const readiness = app.get(Readiness);
    await eventually(() => readiness.snapshot()['message-bus']?.ready === true, 'the message bus to be ready', 30_000);
    expect(readiness.snapshot()['message-bus'].detail).toMatch(/^Kafka at .+: connected, topics ready$/);

    const correlation = randomUUID();
    const seen: IncomingMessage[] = [];
    await bus.consume({
      groupId: `module-test-${correlation}`,
      topics: [Topics.operatorNotifications],
      handle: async (message) => void (message.headers['correlation-id'] === correlation && seen.push(message)),
    });
    await bus.publish(Topics.operatorNotifications, [{ key: 'tungsten', value: 'filed', headers: { 'correlation-id': correlation } }]);
    await eventually(() => seen.length === 1, 'the message', 30_000);
    await app.close();
  }, 60_000);

  it('starts without a reachable broker, says why the bus is not ready, and shuts down without hanging', async () => {
    const app = await startContext(`127.0.0.1:${await freePort()}`);
    const readiness = app.get(Readiness);
    await eventually(() => readiness.snapshot()['message-bus']?.detail !== undefined, 'a reason', 30_000);
    expect(readiness.snapshot()['message-bus']).toMatchObject({ ready: false, detail: expect.stringMatching(/^connecting to Kafka at 127\.0\.0\.1:\d+: /) });
    expect(readiness.isReady).toBe(false);
    await app.close();
  }, 60_000);
});
