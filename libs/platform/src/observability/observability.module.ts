import { DynamicModule, Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { join } from 'node:path';
import type { Logger as PinoLogger } from 'pino';
import { EventStore } from '@imera/event-sourcing';
import { ConsumerHandle, InProcessMessageBus, MessageBus } from '@imera/messaging';
import { AppConfig } from '../config/app-config';
import { RECORDER_GROUP } from '../decisions/recording.module';
import { EVENT_STORE, MESSAGE_BUS } from '../event-store/tokens';
import { Readiness } from '../health/readiness';
import { ConsumerLagProbe } from './consumer-lag.port';
import { watchDeadLetters } from './dead-letter-watcher';
import { EventLogWatcher } from './event-log-watcher';
import { InProcessConsumerLagProbe } from './in-process-consumer-lag.adapter';
import { KafkaConsumerLagProbe } from './kafka-consumer-lag.adapter';
import { METRICS_SETTINGS, MetricsController, MetricsSettings } from './metrics.controller';
import { MetricsCollector } from './metrics-collector';
import { SystemMetrics } from './system-metrics';

export const STRUCTURED_LOGGER = Symbol('StructuredLogger');
const LAG_PROBE = Symbol('ConsumerLagProbe');
const WATCHER = Symbol('EventLogWatcher');

export interface ObservabilityOptions {
  readonly metrics: SystemMetrics;
  readonly logger: PinoLogger;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Metrics (GET /metrics) and the structured logger for every module: request rates and durations, consumer
 * lag, projection lag, event-store size, component readiness and dead letters.
 */
@Global()
@Module({})
export class ObservabilityModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private deadLetters: ConsumerHandle | undefined;

  constructor(
    @Inject(WATCHER) private readonly watcher: EventLogWatcher,
    @Inject(LAG_PROBE) private readonly lagProbe: ConsumerLagProbe,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(SystemMetrics) private readonly metrics: SystemMetrics,
    @Inject(STRUCTURED_LOGGER) private readonly logger: PinoLogger,
  ) {}

  static forRoot(config: AppConfig, options: ObservabilityOptions): DynamicModule {
    const settings: MetricsSettings = { token: nonEmpty((options.env ?? process.env).METRICS_TOKEN) };
    return {
      module: ObservabilityModule,
      imports: [DiscoveryModule],
      controllers: [MetricsController],
      providers: [
        { provide: SystemMetrics, useValue: options.metrics },
        { provide: STRUCTURED_LOGGER, useValue: options.logger },
        { provide: METRICS_SETTINGS, useValue: settings },
        {
          provide: WATCHER,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new EventLogWatcher(store, (error) => options.logger.warn({ err: error }, 'Event log watcher resubscribing')),
        },
        {
          provide: LAG_PROBE,
          inject: [MESSAGE_BUS],
          useFactory: (bus: MessageBus) =>
            bus instanceof InProcessMessageBus ? new InProcessConsumerLagProbe(bus) : new KafkaConsumerLagProbe(config.kafkaBrokers ?? [], config.kafkaTopicPrefix),
        },
        {
          provide: MetricsCollector,
          inject: [SystemMetrics, WATCHER, Readiness, DiscoveryService, LAG_PROBE],
          useFactory: (metrics: SystemMetrics, watcher: EventLogWatcher, readiness: Readiness, discovery: DiscoveryService, lagProbe: ConsumerLagProbe) =>
            new MetricsCollector({
              metrics,
              watcher,
              readiness,
              discovery,
              lagProbe,
              groups: [RECORDER_GROUP],
              eventLogDir: config.eventStore === 'file' ? join(config.dataDir, 'event-log') : undefined,
              onError: (what, error) => options.logger.debug({ err: error }, `Metrics: ${what} not available`),
            }),
        },
      ],
      exports: [SystemMetrics, STRUCTURED_LOGGER],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.watcher.start();
    // In the background: with Kafka the group join waits for the broker, which must not hold up the start.
    this.deadLetters = watchDeadLetters(
      this.bus,
      this.metrics,
      (details) => this.logger.warn(details, `Dead letter from ${details.topic}: ${details.reason}`),
      (reason, attempt) => this.logger.warn({ attempt, reason }, 'Dead-letter watcher cannot consume yet; retrying'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.deadLetters?.stop();
    await Promise.all([this.watcher.stop(), this.lagProbe.close()]);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
