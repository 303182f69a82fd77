export * from './strategic-stock.events';
export * from './strategic-stock.decider';
