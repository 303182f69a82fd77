import { Decider, DomainRuleViolation } from '@imera/event-sourcing';
import {
  DisruptionType,
  KeyMarketOperator,
  NotificationImpact,
  OperatorNotificationEvent,
} from './operator-notification.events';

export interface FileNotification {
  readonly kind: 'FileNotification';
  readonly notificationId: string;
  readonly memberState: string;
  readonly operator: KeyMarketOperator;
  readonly material: string;
  readonly disruptionType: DisruptionType;
  readonly impact: NotificationImpact;
  readonly occurredAt: string;
  readonly description: string;
  readonly confidential: boolean;
  readonly now: string;
}

export interface UpdateNotification {
  readonly kind: 'UpdateNotification';
  readonly notificationId: string;
  readonly memberState: string;
  readonly impact: NotificationImpact;
  readonly description: string;
  readonly now: string;
}

export interface ResolveNotification {
  readonly kind: 'ResolveNotification';
  readonly notificationId: string;
  readonly memberState: string;
  readonly description: string;
  readonly now: string;
}

export type OperatorNotificationCommand = FileNotification | UpdateNotification | ResolveNotification;

export interface FiledNotificationState {
  readonly status: 'open' | 'resolved';
  readonly notificationId: string;
  readonly memberState: string;
  readonly material: string;
  readonly impact: NotificationImpact;
}

export type OperatorNotificationState = { readonly status: 'none' } | FiledNotificationState;

/**
 * A notification of a significant event that could impede a key market operator's regular operations
 * (CRMA Art 21(2)), filed by the Member State that monitors the operator, followed up until resolved.
 */
export const operatorNotificationDecider: Decider<OperatorNotificationCommand, OperatorNotificationState, OperatorNotificationEvent> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.kind) {
      case 'FileNotification': {
        if (state.status !== 'none') throw new DomainRuleViolation('notification-exists', `Notification ${command.notificationId} was already filed`);
        assertNotInFuture(command.occurredAt, command.now, 'occurredAt');
        const { kind: _kind, now, ...data } = command;
        return [{ type: 'OperatorNotificationFiled', data: { ...data, filedAt: now } }];
      }
      case 'UpdateNotification': {
        const open = assertOpenAndOwned(state, command);
        return [
          {
            type: 'OperatorNotificationUpdated',
            data: { notificationId: command.notificationId, memberState: open.memberState, material: open.material, impact: command.impact, description: command.description, updatedAt: command.now },
          },
        ];
      }
      case 'ResolveNotification': {
        const open = assertOpenAndOwned(state, command);
        return [
          {
            type: 'OperatorNotificationResolved',
            data: { notificationId: command.notificationId, memberState: open.memberState, material: open.material, description: command.description, resolvedAt: command.now },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OperatorNotificationFiled':
        return { status: 'open', notificationId: event.data.notificationId, memberState: event.data.memberState, material: event.data.material, impact: event.data.impact };
      case 'OperatorNotificationUpdated':
        return state.status === 'none' ? state : { ...state, impact: event.data.impact };
      case 'OperatorNotificationResolved':
        return state.status === 'none' ? state : { ...state, status: 'resolved' };
    }
  },
};

function assertOpenAndOwned(
  state: OperatorNotificationState,
  command: UpdateNotification | ResolveNotification,
): FiledNotificationState {
  if (state.status === 'none') throw new DomainRuleViolation('notification-not-found', `Notification ${command.notificationId} does not exist`);
  // CRMA Art 21(2): the Member State that monitors the operator files and follows up its notifications.
  if (state.memberState !== command.memberState) {
    throw new DomainRuleViolation('not-filing-member-state', `Only ${state.memberState} may follow up notification ${command.notificationId}`);
  }
  if (state.status === 'resolved') throw new DomainRuleViolation('notification-resolved', `Notification ${command.notificationId} is already resolved`);
  return state;
}

function assertNotInFuture(value: string, now: string, field: string): void {
  if (Date.parse(value) > Date.parse(now)) throw new DomainRuleViolation('date-in-future', `${field} ${value} is after now (${now})`);
}
