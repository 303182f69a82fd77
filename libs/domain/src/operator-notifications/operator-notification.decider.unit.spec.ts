import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { FileNotification, operatorNotificationDecider as decider } from './operator-notification.decider';
import { OperatorNotificationEvent } from './operator-notification.events';

const filing: FileNotification = {
  kind: 'FileNotification',
  notificationId: '3f1c2a4e-8d7b-4c1e-9a55-0a6b3c2d1e0f',
  memberState: 'DE',
  operator: { id: 'op-vac-hanau', name: 'Magnet works', site: { name: 'Hanau', country: 'DE' }, role: 'magnet-manufacturing' },
  material: 'dysprosium',
  disruptionType: 'export-licence-delayed',
  impact: { capacityShareAffected: 0.4, tonnesPerYearAffected: 120, expectedDurationDays: 60, stockCoverDays: 21 },
  occurredAt: '2025-04-20T00:00:00.000Z',
  description: 'Licences for Dy oxide pending since April',
  confidential: true,
  now: '2025-04-22T09:00:00.000Z',
};

const given = (...events: OperatorNotificationEvent[]) => foldEvents(decider, events);
const filed = () => decider.decide(filing, decider.initialState());

function violation(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.code;
    throw error;
  }
  throw new Error('expected a rule violation');
}

describe('operator notification decider', () => {
  it('files a notification with the filing time', () => {
    const [event] = filed();
    expect(event.type).toBe('OperatorNotificationFiled');
    expect(event.data).toMatchObject({ notificationId: filing.notificationId, memberState: 'DE', material: 'dysprosium', filedAt: filing.now });
    expect(event.data).not.toHaveProperty('kind');
  });

  it('refuses a second filing under the same id', () => {
    expect(violation(() => decider.decide(filing, given(...filed())))).toBe('notification-exists');
  });

  it('refuses an occurrence in the future', () => {
    expect(violation(() => decider.decide({ ...filing, occurredAt: '2025-05-01T00:00:00.000Z' }, decider.initialState()))).toBe('date-in-future');
  });

  it('updates the impact of an open notification, for the filing Member State only', () => {
    const state = given(...filed());
    const impact = { ...filing.impact, capacityShareAffected: 0.9 };
    const [updated] = decider.decide({ kind: 'UpdateNotification', notificationId: filing.notificationId, memberState: 'DE', impact, description: 'worse', now: filing.now }, state);
    expect(updated).toMatchObject({ type: 'OperatorNotificationUpdated', data: { material: 'dysprosium', impact } });
    expect(decider.evolve(state, updated)).toMatchObject({ status: 'open', impact });
    expect(
      violation(() => decider.decide({ kind: 'UpdateNotification', notificationId: filing.notificationId, memberState: 'FR', impact, description: 'x', now: filing.now }, state)),
    ).toBe('not-filing-member-state');
  });

  it('resolves once, and refuses follow-ups after that or without a filing', () => {
    const resolve = { kind: 'ResolveNotification' as const, notificationId: filing.notificationId, memberState: 'DE', description: 'licences granted', now: filing.now };
    const events = decider.decide(resolve, given(...filed()));
    expect(events[0].type).toBe('OperatorNotificationResolved');
    const resolved = given(...filed(), ...events);
    expect(resolved.status).toBe('resolved');
    expect(violation(() => decider.decide(resolve, resolved))).toBe('notification-resolved');
    expect(violation(() => decider.decide(resolve, decider.initialState()))).toBe('notification-not-found');
  });
});
