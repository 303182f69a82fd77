import { DisruptionType } from '@imera/domain/operator-notifications';
import { operatorPopulation, SyntheticOperator } from '../generator/operators';
import { SeededRandom, WeightedChoice } from '../generator/seeded-random';
import { DISRUPTIONS_BY_WEIGHT, FILING_TEXT, SITES } from '../generator/vocabulary';

/** One `POST /api/v1/notifications`: who files it and the body as sent. */
export interface NotificationRequest {
  readonly memberState: string;
  readonly notificationId: string;
  readonly body: string;
}

export const MEMBER_STATES: readonly string[] = Object.keys(SITES);

/**
 * Distinct, valid operator notifications (CRMA Art 21(2)) as Member State authorities send them over HTTP,
 * from a seeded population of key market operators. `occurredAt` lies before `now`, as validation requires.
 */
export class NotificationRequests {
  private readonly random: SeededRandom;
  private readonly operators: readonly SyntheticOperator[];
  private readonly disruptions = new WeightedChoice(DISRUPTIONS_BY_WEIGHT);

  constructor(seed: number, private readonly now: Date = new Date()) {
    this.random = new SeededRandom(seed);
    this.operators = operatorPopulation(this.random, 600);
  }

  /** The next filing; `material` pins the raw material (a probe into a known crisis scope). */
  next(material?: string): NotificationRequest {
    const random = this.random;
    const source = random.pick(this.operators);
    const disruptionType: DisruptionType = this.disruptions.pick(random);
    const notificationId = random.uuid();
    const filedMaterial = material ?? source.material;
    const body = {
      notificationId,
      memberState: source.memberState,
      operator: source.operator,
      material: filedMaterial,
      disruptionType,
      impact: {
        capacityShareAffected: random.decimal(0.05, 0.9, 2),
        tonnesPerYearAffected: Math.round(source.tonnesPerYear * random.decimal(0.05, 0.9, 2)),
        expectedDurationDays: random.int(7, 180),
        stockCoverDays: random.int(0, 90),
      },
      occurredAt: new Date(this.now.getTime() - random.int(1, 20) * 86_400_000).toISOString(),
      description: FILING_TEXT[disruptionType].replace('%M', filedMaterial),
      confidential: random.chance(0.7),
    };
    return { memberState: source.memberState, notificationId, body: JSON.stringify(body) };
  }

  take(count: number, material?: string): NotificationRequest[] {
    return Array.from({ length: count }, () => this.next(material));
  }
}
