export * from './working-calendar';
export * from './calendar-date';
export * from './local-time';
export * from './working-days';
