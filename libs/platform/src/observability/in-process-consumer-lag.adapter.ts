import { InProcessMessageBus } from '@imera/messaging';
import { ConsumerLag, ConsumerLagProbe } from './consumer-lag.port';

interface PartitionView {
  readonly start: number;
  readonly end: number;
}
interface BusInternals {
  readonly topics: Map<string, { readonly partitions: readonly PartitionView[] }>;
  readonly groups: Map<string, { subscribesTo(topic: string): boolean; committedOffset(topic: string, partition: number): number | undefined }>;
}

/**
 * Lag of the embedded bus: each partition's end offset minus the group's next offset. The bus keeps its
 * partition logs and groups to itself, so this reads them through their field names; a lag method on the
 * messaging port would remove the need.
 */
export class InProcessConsumerLagProbe implements ConsumerLagProbe {
  constructor(private readonly bus: InProcessMessageBus) {}

  async lag(group: string): Promise<ConsumerLag[]> {
    const internals = this.bus as unknown as BusInternals;
    const consumers = internals.groups.get(group);
    if (!consumers) return [];
    return [...internals.topics].flatMap(([topic, log]) => {
      if (!consumers.subscribesTo(topic)) return [];
      const lag = log.partitions.reduce((sum, partition, index) => {
        const next = Math.max(consumers.committedOffset(topic, index) ?? partition.start, partition.start);
        return sum + Math.max(0, partition.end - next);
      }, 0);
      return [{ topic, lag }];
    });
  }

  async close(): Promise<void> {}
}
