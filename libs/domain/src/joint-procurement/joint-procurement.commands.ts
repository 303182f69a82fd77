import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { ProcuredMaterial, UnitPrice } from './joint-procurement.events';

export interface RequestJointProcurement {
  readonly type: 'RequestJointProcurement';
  readonly procurementId: string;
  readonly scope: ScopeModeSnapshot;
  readonly requestingMemberStates: readonly string[];
  readonly materials: readonly ProcuredMaterial[];
  readonly rationale: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
}

export interface AcceptJointProcurement {
  readonly type: 'AcceptJointProcurement';
  readonly procurementId: string;
  readonly scope: ScopeModeSnapshot;
  readonly reasons: string;
  /** Every Member State, from the reference data: all are invited to take part. */
  readonly memberStates: readonly string[];
  readonly demandDeadline: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export interface RefuseJointProcurement {
  readonly type: 'RefuseJointProcurement';
  readonly procurementId: string;
  readonly reasons: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export interface StateDemand {
  readonly type: 'StateDemand';
  readonly procurementId: string;
  readonly memberState: string;
  readonly material: string;
  readonly quantity: number;
  readonly statedAt: string;
}

export interface AggregateDemand {
  readonly type: 'AggregateDemand';
  readonly procurementId: string;
  readonly at: string;
}

export interface RecordSupplierOffer {
  readonly type: 'RecordSupplierOffer';
  readonly procurementId: string;
  readonly offerId: string;
  readonly supplierId: string;
  readonly supplierName: string;
  readonly material: string;
  readonly quantity: number;
  readonly unitPrice?: UnitPrice;
  readonly receivedAt: string;
}

export interface MatchDemandAndOffers {
  readonly type: 'MatchDemandAndOffers';
  readonly procurementId: string;
  readonly at: string;
}

export interface PublishResults {
  readonly type: 'PublishResults';
  readonly procurementId: string;
  readonly at: string;
}

export type JointProcurementCommand =
  | RequestJointProcurement
  | AcceptJointProcurement
  | RefuseJointProcurement
  | StateDemand
  | AggregateDemand
  | RecordSupplierOffer
  | MatchDemandAndOffers
  | PublishResults;
