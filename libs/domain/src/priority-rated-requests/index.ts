export * from './priority-rated-request.events';
export * from './priority-rated-request.commands';
export * from './priority-rated-request.config';
export * from './priority-rated-request.state';
export * from './priority-rated-request.decider';
export * from './priority-rated-request.stream';
export * from './operator-queue';
