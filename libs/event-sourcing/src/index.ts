export * from './event';
export * from './expected-revision';
export * from './errors';
export * from './event-store.port';
export * from './clock.port';
export * from './decider';
export * from './upcasting';
export * from './stream-name';
