export * from './messaging.module';
export * from './open-message-bus';
export * from './nest-messaging-logger';
export * from './consume-when-reachable';
