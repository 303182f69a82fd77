export * from './operator-notification.events';
