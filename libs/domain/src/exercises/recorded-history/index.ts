export * from './recorded-history.format';
export * from './event-classification';
export * from './mode-timeline';
export * from './timeline-comparison';
export * from './council-act-input';
export * from './replay-plan';
