export * from './exercise-id';
export * from './exercise-report';
export * from './report-html';
export * from './run-exercise';
export * from './exercise-store';
