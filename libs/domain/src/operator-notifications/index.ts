export * from './operator-notification.events';
export * from './operator-notification.decider';
