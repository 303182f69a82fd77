import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IncomingMessage, InProcessMessageBus, MessageBus, Topics } from '@imera/messaging';
import { loadAppConfig } from '../config/app-config';
import { MESSAGE_BUS } from '../event-store/tokens';
import { HealthModule } from '../health/health.module';
import { Readiness } from '../health/readiness';
import { MessagingModule } from './messaging.module';

describe('messaging module (embedded default)', () => {
  it('provides the in-process bus when no Kafka brokers are configured, ready at once, closed on shutdown', async () => {
    const config = loadAppConfig({});
    @Module({ imports: [HealthModule, MessagingModule.forRoot(config)] })
    class TestApp {}
    const app = await NestFactory.createApplicationContext(TestApp, { logger: false });
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    expect(bus).toBeInstanceOf(InProcessMessageBus);
    expect(app.get(Readiness).snapshot()['message-bus']).toEqual({ ready: true, detail: 'in-process (embedded default)' });

    const seen: IncomingMessage[] = [];
    await bus.consume({ groupId: 'module-test', topics: [Topics.exportControls], handle: async (message) => void seen.push(message) });
    await bus.publish(Topics.exportControls, [{ key: 'gallium', value: 'licence required' }]);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen[0].value.toString()).toBe('licence required');

    await app.close();
    await expect(bus.publish(Topics.exportControls, [{ key: 'gallium', value: 'late' }])).rejects.toThrow(/closed/);
  });
});
