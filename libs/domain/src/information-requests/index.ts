export * from './information-request.events';
export * from './information-request.commands';
export * from './information-request.config';
export * from './information-request.state';
export * from './information-request.decider';
export * from './information-request.stream';
export * from './information-request.visibility';
