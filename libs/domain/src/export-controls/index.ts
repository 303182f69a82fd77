export * from './export-control.events';
