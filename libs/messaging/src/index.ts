export * from './messaging.port';
export * from './topics';
export * from './logger';
export * from './shared/backoff';
export * from './shared/dead-letter';
export * from './in-process/in-process-message-bus.adapter';
export * from './kafka/kafka-options';
export * from './kafka/kafka-message-bus.adapter';
