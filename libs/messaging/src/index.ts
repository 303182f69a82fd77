export * from './messaging.port';
export * from './topics';
