import { Event } from '@imera/event-sourcing';

/** Where in the value chain the operator works. */
export const OPERATOR_ROLES = [
  'extraction',
  'processing',
  'refining',
  'recycling',
  'magnet-manufacturing',
  'component-manufacturing',
  'other',
] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** What threatens the operator's regular operations (CRMA Art 21(2)). */
export const DISRUPTION_TYPES = [
  'export-licence-delayed',
  'export-licence-denied',
  'production-stoppage',
  'logistics-disruption',
  'force-majeure',
  'price-shock',
  'cyber-incident',
  'other',
] as const;
export type DisruptionType = (typeof DISRUPTION_TYPES)[number];

export interface KeyMarketOperator {
  readonly id: string;
  readonly name: string;
  /** Production site: a name and the Member State it is in. */
  readonly site: { readonly name: string; readonly country: string };
  readonly role: OperatorRole;
}

export interface NotificationImpact {
  /** Share of the operator's capacity affected, 0..1. */
  readonly capacityShareAffected: number;
  readonly tonnesPerYearAffected: number;
  readonly expectedDurationDays: number;
  /** Days the operator can keep going on its own stock; absent when not reported. */
  readonly stockCoverDays?: number;
}

export type OperatorNotificationFiled = Event<
  'OperatorNotificationFiled',
  {
    readonly notificationId: string;
    /** The filing Member State authority's country code (ISO 3166-1 alpha-2, EL for Greece). */
    readonly memberState: string;
    readonly operator: KeyMarketOperator;
    /** Raw-material code from the reference data. */
    readonly material: string;
    readonly disruptionType: DisruptionType;
    readonly impact: NotificationImpact;
    readonly occurredAt: string;
    readonly description: string;
    /** Confidential details are shown only to the filing Member State and the Commission. */
    readonly confidential: boolean;
    readonly filedAt: string;
  }
>;

export type OperatorNotificationUpdated = Event<
  'OperatorNotificationUpdated',
  {
    readonly notificationId: string;
    readonly memberState: string;
    readonly material: string;
    readonly impact: NotificationImpact;
    readonly description: string;
    readonly updatedAt: string;
  }
>;

export type OperatorNotificationResolved = Event<
  'OperatorNotificationResolved',
  {
    readonly notificationId: string;
    readonly memberState: string;
    readonly material: string;
    readonly description: string;
    readonly resolvedAt: string;
  }
>;

export type OperatorNotificationEvent = OperatorNotificationFiled | OperatorNotificationUpdated | OperatorNotificationResolved;

export const OPERATOR_NOTIFICATION_SCHEMA_VERSION = 1;

export function notificationStream(notificationId: string): string {
  return `notification-${notificationId}`;
}
