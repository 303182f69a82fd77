export * from './request-limits';
export * from './rate-limit';
