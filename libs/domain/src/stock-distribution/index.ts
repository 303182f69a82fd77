export * from './apportion';
export * from './stock-allocation';
export * from './stock-distribution.events';
export * from './stock-distribution.commands';
export * from './stock-distribution.state';
export * from './stock-distribution.decider';
export * from './stock-distribution.stream';
