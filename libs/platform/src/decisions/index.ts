export * from './event-batch.codec';
export * from './deterministic-id';
export * from './load-stream';
export * from './decision-publisher';
export * from './recording-handler';
export * from './recording.module';
export * from './decision-result';
