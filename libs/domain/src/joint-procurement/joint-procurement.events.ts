import { Event } from '@imera/event-sourcing';
import { MaterialMatch } from './pro-rata-matching';

export interface ProcuredMaterial {
  /** Raw-material or goods code from the reference data. */
  readonly material: string;
  /** The whole unit demand and offers are stated in (e.g. "t"). */
  readonly unit: string;
}

export interface UnitPrice {
  readonly amount: number;
  readonly currency: string;
}

export type JointProcurementRequested = Event<
  'JointProcurementRequested',
  {
    readonly procurementId: string;
    readonly scopeId: string;
    readonly requestedInMode: 'vigilance' | 'emergency';
    readonly requestingMemberStates: readonly string[];
    readonly materials: readonly ProcuredMaterial[];
    readonly rationale: string;
    readonly requestedAt: string;
    readonly requestedBy: string;
  }
>;

export type JointProcurementAccepted = Event<
  'JointProcurementAccepted',
  {
    readonly procurementId: string;
    readonly scopeId: string;
    readonly reasons: string;
    readonly decidedAt: string;
    readonly decidedBy: string;
  }
>;

export type JointProcurementRefused = Event<
  'JointProcurementRefused',
  {
    readonly procurementId: string;
    readonly scopeId: string;
    readonly reasons: string;
    readonly decidedAt: string;
    readonly decidedBy: string;
  }
>;

export type MemberStatesInvitedToJointProcurement = Event<
  'MemberStatesInvitedToJointProcurement',
  {
    readonly procurementId: string;
    readonly invitedMemberStates: readonly string[];
    readonly materials: readonly ProcuredMaterial[];
    readonly demandDeadline: string;
    readonly invitedAt: string;
  }
>;

/** A later statement for the same material replaces the earlier one; 0 withdraws. */
export type JointProcurementDemandStated = Event<
  'JointProcurementDemandStated',
  {
    readonly procurementId: string;
    readonly memberState: string;
    readonly material: string;
    readonly quantity: number;
    readonly unit: string;
    readonly statedAt: string;
  }
>;

export interface AggregatedDemand extends ProcuredMaterial {
  readonly total: number;
  readonly byMemberState: readonly { readonly memberState: string; readonly quantity: number }[];
}

export type JointProcurementDemandAggregated = Event<
  'JointProcurementDemandAggregated',
  {
    readonly procurementId: string;
    /** Member States with a positive demand for at least one material. */
    readonly participants: readonly string[];
    readonly demand: readonly AggregatedDemand[];
    readonly aggregatedAt: string;
  }
>;

export type SupplierOfferReceived = Event<
  'SupplierOfferReceived',
  {
    readonly procurementId: string;
    readonly offerId: string;
    readonly supplierId: string;
    readonly supplierName: string;
    readonly material: string;
    readonly quantity: number;
    readonly unit: string;
    readonly unitPrice?: UnitPrice;
    readonly receivedAt: string;
  }
>;

export type JointProcurementMatched = Event<
  'JointProcurementMatched',
  {
    readonly procurementId: string;
    readonly results: readonly (MaterialMatch & ProcuredMaterial)[];
    readonly matchedAt: string;
  }
>;

export type JointProcurementResultsPublished = Event<
  'JointProcurementResultsPublished',
  { readonly procurementId: string; readonly publishedTo: readonly string[]; readonly publishedAt: string }
>;

export type JointProcurementEvent =
  | JointProcurementRequested
  | JointProcurementAccepted
  | JointProcurementRefused
  | MemberStatesInvitedToJointProcurement
  | JointProcurementDemandStated
  | JointProcurementDemandAggregated
  | SupplierOfferReceived
  | JointProcurementMatched
  | JointProcurementResultsPublished;

export const JOINT_PROCUREMENT_SCHEMA_VERSION = 1;
