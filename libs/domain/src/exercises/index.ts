export * from './exercise-timeline';
export * from './expectations';
export * from './figures';
