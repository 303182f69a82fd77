/**
 * Every topic the system uses, named and versioned in one place. A breaking change to a message schema
 * gets a new topic version rather than a silent change. Every message is keyed by the stream it is
 * recorded to (see DecisionPublisher).
 */
export const Topics = {
  operatorNotifications: 'imera.operator-notifications.v1',
  exportControls: 'imera.export-controls.v1',
  /** Information requests, priority-rated requests, stock distribution and joint procurement. */
  responseInstruments: 'imera.response-instruments.v1',
  /** Mode proposals, Council implementing acts and expiries of crisis scopes (streams `scope-<id>`). */
  scopeModes: 'imera.scope-modes.v1',
  /** National strategic stock reports (CRMA Art 22). */
  strategicStocks: 'imera.strategic-stocks.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a poison message from `topic` goes, with the reason in its headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const ALL_TOPICS: readonly string[] = Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);

/** A topic as it is created up front: messages with one key (one stream) always land in one partition. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

/**
 * Default, not law: 6 partitions per topic lets up to 6 consumers of a group share the work. The count is
 * fixed once a topic exists: adding partitions would move keys and break their order.
 */
export const DEFAULT_PARTITIONS = 6;

/** Every topic with its dead-letter topic, as specs to create. */
export function topicSpecs(topics: readonly string[] = Object.values(Topics), partitions = DEFAULT_PARTITIONS): TopicSpec[] {
  return topics.flatMap((name) => [
    { name, partitions },
    { name: deadLetterTopic(name), partitions },
  ]);
}
