export * from './export-control.events';
export * from './export-control.decider';
export * from './export-control.schedule';
