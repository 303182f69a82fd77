import { example } from '../../../apps/intake/test/intake-harness';
import { Seeded } from '../support/seeded';

/** What a filer knows about one notification it sent. */
export type Outcome = { kind: 'acknowledged'; status: number } | { kind: 'rejected'; status: number } | { kind: 'unknown'; error: string };

export interface SentNotification {
  readonly notificationId: string;
  readonly memberState: string;
  readonly body: Record<string, unknown>;
  /** Whether the intake must accept it (a resend too). */
  readonly valid: boolean;
  outcome: Outcome;
}

const MEMBER_STATES = ['DE', 'FR', 'IT', 'PL', 'NL', 'ES'];
const MATERIALS = ['dysprosium', 'gallium', 'germanium', 'graphite', 'tungsten', 'antimony', 'magnesium'];
const TEMPLATE = example<Record<string, any>>('file-notification');

/** A valid filing with seeded content. */
export function validNotification(random: Seeded): SentNotification {
  const memberState = random.pick(MEMBER_STATES);
  const notificationId = random.uuid();
  const body = {
    ...TEMPLATE,
    notificationId,
    memberState,
    operator: { ...TEMPLATE.operator, id: `${memberState}-op-${random.between(1, 500)}`, site: { ...TEMPLATE.operator.site, country: memberState } },
    material: random.pick(MATERIALS),
    impact: { ...TEMPLATE.impact, capacityShareAffected: random.between(1, 100) / 100, tonnesPerYearAffected: random.between(1, 5_000) },
    confidential: random.next() < 0.7,
  };
  return { notificationId, memberState, body, valid: true, outcome: { kind: 'unknown', error: 'not sent' } };
}

/** A filing the intake must refuse: an unknown material, or a share above 1. */
export function invalidNotification(random: Seeded): SentNotification {
  const sent = validNotification(random);
  const body = random.next() < 0.5 ? { ...sent.body, material: 'unobtainium' } : { ...sent.body, impact: { ...(sent.body.impact as object), capacityShareAffected: 7 } };
  return { ...sent, body, valid: false };
}
