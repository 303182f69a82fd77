import { Clock, EventStore } from '@imera/event-sourcing';
import {
  JOINT_PROCUREMENT_SCHEMA_VERSION,
  JointProcurementCommand,
  jointProcurementDecider,
  JointProcurementEvent,
  JointProcurementState,
  jointProcurementStream,
} from '@imera/domain/joint-procurement';
import { memberStates } from '@imera/reference-data';
import { DecisionPublisher, DecisionResult, RequestContext } from '@imera/platform';
import { ScopeModes } from '../scope-modes/scope-modes';
import { CommissionStepDto, commentMetadata } from '../shared/common.dto';
import { InstrumentDecisions } from '../shared/instrument-decisions';
import { readRecord } from '../shared/records-view';
import { requestFingerprint } from '../shared/request-fingerprint';
import {
  AcceptJointProcurementDto,
  RecordSupplierOfferDto,
  RefuseJointProcurementDto,
  RequestJointProcurementDto,
  StateDemandDto,
} from './joint-procurement.dto';
import { evolveJointProcurementRecord, isJointProcurementEvent, JointProcurementRecord } from './joint-procurement.record';

type Known = Exclude<JointProcurementState, { status: 'none' }>;

/** Joint procurement (IMERA Art 36+, ADR 0008): request, decision, demand, offers, pro-rata matching, results. */
export class JointProcurementWorkflow {
  private readonly decisions: InstrumentDecisions<JointProcurementCommand, JointProcurementState, JointProcurementEvent>;

  constructor(
    private readonly store: EventStore,
    publisher: DecisionPublisher,
    private readonly scopes: ScopeModes,
    private readonly clock: Clock,
  ) {
    this.decisions = new InstrumentDecisions(
      {
        label: 'Joint procurement',
        slug: 'joint-procurement',
        decider: jointProcurementDecider,
        stream: jointProcurementStream,
        schemaVersion: JOINT_PROCUREMENT_SCHEMA_VERSION,
        exists: (state) => state.status !== 'none',
        scopeOf: (state) => (state as Known).scopeId,
      },
      store,
      publisher,
    );
  }

  request(dto: RequestJointProcurementDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.create(dto.procurementId, dto.scopeId, requestFingerprint('request', dto.procurementId, dto), context, async () => ({
      type: 'RequestJointProcurement',
      procurementId: dto.procurementId,
      scope: await this.scopes.snapshot(dto.scopeId),
      requestingMemberStates: dto.requestingMemberStates,
      materials: dto.materials.map(({ material, unit }) => ({ material, unit })),
      rationale: dto.rationale,
      requestedAt: this.now(),
      requestedBy: context.actor,
    }));
  }

  /** IMERA Art 36+: once accepted, every Member State is invited to take part. */
  accept(procurementId: string, dto: AcceptJointProcurementDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(procurementId, requestFingerprint('decide', procurementId, dto), context, async (state) => ({
      type: 'AcceptJointProcurement',
      procurementId,
      scope: await this.scopes.snapshot((state as Known).scopeId),
      reasons: dto.reasons,
      memberStates: memberStates().map((ms) => ms.code),
      demandDeadline: new Date(dto.demandDeadline).toISOString(),
      decidedAt: this.now(),
      decidedBy: context.actor,
    }));
  }

  refuse(procurementId: string, dto: RefuseJointProcurementDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(procurementId, requestFingerprint('decide', procurementId, dto), context, () => ({
      type: 'RefuseJointProcurement',
      procurementId,
      reasons: dto.reasons,
      decidedAt: this.now(),
      decidedBy: context.actor,
    }));
  }

  /** A later statement replaces the earlier one for the same material, so only the latest counts as a repeat. */
  stateDemand(procurementId: string, dto: StateDemandDto, context: RequestContext): Promise<DecisionResult> {
    const slot = { slot: `demand:${dto.memberState}:${dto.material}` };
    return this.decisions.step(procurementId, requestFingerprint('demand', procurementId, dto), context, () => ({
      type: 'StateDemand',
      procurementId,
      memberState: dto.memberState,
      material: dto.material,
      quantity: dto.quantity,
      statedAt: this.now(),
    }), slot);
  }

  aggregateDemand(procurementId: string, dto: CommissionStepDto, context: RequestContext): Promise<DecisionResult> {
    return this.commissionStep(procurementId, 'aggregate', dto, context, (at) => ({ type: 'AggregateDemand', procurementId, at }));
  }

  recordOffer(procurementId: string, dto: RecordSupplierOfferDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(procurementId, requestFingerprint('offer', procurementId, dto), context, () => ({
      type: 'RecordSupplierOffer',
      procurementId,
      offerId: dto.offerId,
      supplierId: dto.supplierId,
      supplierName: dto.supplierName,
      material: dto.material,
      quantity: dto.quantity,
      ...(dto.unitPrice ? { unitPrice: { amount: dto.unitPrice.amount, currency: dto.unitPrice.currency } } : {}),
      receivedAt: this.now(),
    }));
  }

  match(procurementId: string, dto: CommissionStepDto, context: RequestContext): Promise<DecisionResult> {
    return this.commissionStep(procurementId, 'match', dto, context, (at) => ({ type: 'MatchDemandAndOffers', procurementId, at }));
  }

  publish(procurementId: string, dto: CommissionStepDto, context: RequestContext): Promise<DecisionResult> {
    return this.commissionStep(procurementId, 'publish', dto, context, (at) => ({ type: 'PublishResults', procurementId, at }));
  }

  read(procurementId: string): Promise<JointProcurementRecord | undefined> {
    return readRecord(this.store, jointProcurementStream(procurementId), isJointProcurementEvent, evolveJointProcurementRecord);
  }

  private commissionStep(procurementId: string, step: string, dto: CommissionStepDto, context: RequestContext, command: (at: string) => JointProcurementCommand): Promise<DecisionResult> {
    return this.decisions.step(procurementId, requestFingerprint(step, procurementId), context, () => command(this.now()), { metadata: commentMetadata(dto) });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
