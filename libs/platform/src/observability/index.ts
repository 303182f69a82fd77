export * from './structured-logger';
export * from './system-metrics';
export * from './http-observability';
export * from './observability.module';
export * from './metrics.controller';
export * from './consumer-lag.port';
export * from './event-log-watcher';
export * from './dead-letter-watcher';
