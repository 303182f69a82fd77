export * from './config/app-config';
export * from './health/readiness';
export * from './health/health.module';
export * from './event-store/tokens';
export * from './event-store/event-store.module';
export * from './event-store/open-event-store';
