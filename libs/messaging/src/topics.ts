/**
 * Every topic the system uses, named and versioned in one place. A breaking change to a message schema
 * gets a new topic version rather than a silent change.
 */
export const Topics = {
  operatorNotifications: 'imera.operator-notifications.v1',
  exportControls: 'imera.export-controls.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a poison message from `topic` goes, with the reason in its headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const ALL_TOPICS: readonly string[] = Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);
