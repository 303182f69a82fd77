/**
 * A prefix put before every topic and consumer-group name on the broker (KAFKA_TOPIC_PREFIX), so several
 * deployments or test suites can share one broker without seeing each other's messages or offsets. The
 * application keeps using the logical names (`imera.operator-notifications.v1`, `event-recorder`); only the
 * adapter sees the prefixed ones. Without a prefix the names on the broker are the logical ones.
 */
export class KafkaNamespace {
  constructor(readonly prefix = '') {
    if (!/^[A-Za-z0-9._-]*$/.test(prefix) || prefix.length > 100) {
      throw new Error(`A Kafka topic prefix may hold only letters, digits, ".", "_" and "-" (at most 100), got "${prefix}"`);
    }
  }

  topic(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  group(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  /** The application's name of a topic on the broker. */
  logicalTopic(onBroker: string): string {
    return onBroker.startsWith(this.prefix) ? onBroker.slice(this.prefix.length) : onBroker;
  }
}
