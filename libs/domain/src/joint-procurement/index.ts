export * from './joint-procurement.events';
export * from './joint-procurement.commands';
export * from './joint-procurement.state';
export * from './joint-procurement.decider';
export * from './joint-procurement.stream';
export * from './pro-rata-matching';
