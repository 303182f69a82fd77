export * from './supply-baseline.model';
export * from './supply-baseline-file';
export * from './supply-baseline';
