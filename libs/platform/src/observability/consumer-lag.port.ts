/** How far one consumer group is behind on one topic, summed over the topic's partitions. */
export interface ConsumerLag {
  readonly topic: string;
  readonly lag: number;
}

/** Reads consumer lag from wherever the messages live (the broker, or the in-process bus). */
export interface ConsumerLagProbe {
  /** Lag of the group on every topic it consumes. */
  lag(group: string): Promise<ConsumerLag[]>;
  close(): Promise<void>;
}
