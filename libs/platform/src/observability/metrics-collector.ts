import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DiscoveryService } from '@nestjs/core';
import { Readiness } from '../health/readiness';
import { ProjectionRunner } from '../projections/projection-runner';
import { projectionRunnersOf } from '../projections/projection-runners';
import { ConsumerLagProbe } from './consumer-lag.port';
import { EventLogWatcher } from './event-log-watcher';
import { SystemMetrics } from './system-metrics';

export interface MetricsCollectorParts {
  readonly metrics: SystemMetrics;
  readonly watcher: EventLogWatcher;
  readonly readiness: Readiness;
  readonly discovery: DiscoveryService;
  readonly lagProbe: ConsumerLagProbe;
  /** Consumer groups whose lag is reported (default: the event recorder). */
  readonly groups: readonly string[];
  /** The file log's directory, when the store is the file log. */
  readonly eventLogDir?: string;
  readonly onError: (what: string, error: unknown) => void;
}

/** Fills the gauges that need a look at other components, just before a scrape renders them. */
export class MetricsCollector {
  private runners: Array<{ name: string; runner: ProjectionRunner }> | undefined;

  constructor(private readonly parts: MetricsCollectorParts) {}

  async collect(): Promise<void> {
    const { metrics, watcher, readiness } = this.parts;
    metrics.storeEvents.set(watcher.events);
    for (const [component, state] of Object.entries(readiness.snapshot())) metrics.componentReady.set({ component }, state.ready ? 1 : 0);
    for (const { name, runner } of this.projectionRunners()) {
      metrics.projectionPosition.set({ projection: name }, runner.position ?? -1);
      metrics.projectionLag.set({ projection: name }, watcher.eventsAfter(runner.position));
    }
    await Promise.all([this.collectLag(), this.collectStoreBytes()]);
  }

  private async collectLag(): Promise<void> {
    for (const group of this.parts.groups) {
      try {
        for (const { topic, lag } of await this.parts.lagProbe.lag(group)) this.parts.metrics.consumerLag.set({ group, topic }, lag);
      } catch (error) {
        this.parts.onError(`consumer lag of ${group}`, error);
      }
    }
  }

  private async collectStoreBytes(): Promise<void> {
    const dir = this.parts.eventLogDir;
    if (!dir) return;
    try {
      const sizes = await Promise.all((await readdir(dir)).map(async (name) => (await stat(join(dir, name))).size));
      this.parts.metrics.storeBytes.set(sizes.reduce((sum, size) => sum + size, 0));
    } catch (error) {
      this.parts.onError('event log size', error);
    }
  }

  /** Every projection runner the app created, found once among the providers of all modules. */
  private projectionRunners(): Array<{ name: string; runner: ProjectionRunner }> {
    this.runners ??= projectionRunnersOf(this.parts.discovery).map((runner) => ({ name: projectionName(runner), runner }));
    return this.runners;
  }
}

/** The runner keeps its projection to itself; its name is what readiness and the logs call it too. */
function projectionName(runner: ProjectionRunner): string {
  return (runner as unknown as { projection: { name: string } }).projection.name;
}
