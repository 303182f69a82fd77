export * from './imera-mode';
export * from './mode-period';
export * from './scope-mode.events';
export * from './scope-mode.commands';
export * from './scope-mode.state';
export * from './scope-mode.decider';
export * from './scope-mode-snapshot';
