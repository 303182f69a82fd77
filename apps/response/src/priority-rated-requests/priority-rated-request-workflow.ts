import { Clock, EventStore } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import {
  createPriorityRatedRequestDecider,
  PRIORITY_RATED_REQUEST_SCHEMA_VERSION,
  PriorityRatedRequestCommand,
  PriorityRatedRequestDecider,
  PriorityRatedRequestEvent,
  PriorityRatedRequestState,
  priorityRatedRequestStream,
} from '@imera/domain/priority-rated-requests';
import { DecisionPublisher, DecisionResult, RequestContext } from '@imera/platform';
import { OperatorQueuesView } from '../read-models/operator-queues.view';
import { ScopeModes } from '../scope-modes/scope-modes';
import { commentMetadata } from '../shared/common.dto';
import { InstrumentDecisions } from '../shared/instrument-decisions';
import { readRecord } from '../shared/records-view';
import { dueStep, requestFingerprint } from '../shared/request-fingerprint';
import {
  HostConsentDto,
  IssuePriorityRatedRequestDto,
  ProposePriorityRatedRequestDto,
  RecordDeliveryDto,
  RefusePriorityRatedRequestDto,
} from './priority-rated-request.dto';
import { evolvePriorityRatedRequestRecord, isPriorityRatedRequestEvent, PriorityRatedRequestRecord } from './priority-rated-request.record';

type Known = Exclude<PriorityRatedRequestState, { status: 'none' }>;

/**
 * Priority-rated requests (ADR 0008): proposed by a Member State, consented to by the host Member State,
 * issued by the Commission, accepted or refused by the operator, then delivered.
 */
export class PriorityRatedRequestWorkflow {
  private readonly decisions: InstrumentDecisions<PriorityRatedRequestCommand, PriorityRatedRequestState, PriorityRatedRequestEvent>;

  constructor(
    private readonly store: EventStore,
    publisher: DecisionPublisher,
    private readonly scopes: ScopeModes,
    private readonly queues: OperatorQueuesView,
    private readonly clock: Clock,
    decider: PriorityRatedRequestDecider = createPriorityRatedRequestDecider(),
  ) {
    this.decisions = new InstrumentDecisions(
      {
        label: 'Priority-rated request',
        slug: 'priority-rated-request',
        decider,
        stream: priorityRatedRequestStream,
        schemaVersion: PRIORITY_RATED_REQUEST_SCHEMA_VERSION,
        exists: (state) => state.status !== 'none',
        scopeOf: (state) => (state as Known).proposal.scopeId,
      },
      store,
      publisher,
    );
  }

  propose(dto: ProposePriorityRatedRequestDto, requestingMemberState: string, context: RequestContext): Promise<DecisionResult> {
    const fingerprint = requestFingerprint('propose', dto.prrId, { ...dto, requestingMemberState });
    return this.decisions.create(dto.prrId, dto.scopeId, fingerprint, context, async () => ({
      type: 'ProposePriorityRatedRequest',
      prrId: dto.prrId,
      scope: await this.scopes.snapshot(dto.scopeId),
      requestingMemberState,
      operator: { ...dto.operator, site: { ...dto.operator.site } },
      goods: dto.goods,
      specification: dto.specification,
      quantity: { ...dto.quantity },
      deliveryDate: dto.deliveryDate,
      justification: dto.justification,
      proposedAt: this.now(),
      proposedBy: context.actor,
    }));
  }

  decideHostConsent(prrId: string, hostMemberState: string, dto: HostConsentDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(prrId, requestFingerprint('host-consent', prrId, { ...dto, hostMemberState }), context, async (state) => ({
      type: 'DecideHostConsent',
      prrId,
      scope: await this.scopeOf(state),
      hostMemberState,
      consent: dto.consent,
      ...(dto.reasons !== undefined ? { reasons: dto.reasons } : {}),
      decidedAt: this.now(),
      decidedBy: context.actor,
    }));
  }

  /** The operator's book comes from the operator-queue read model: accepted requests and stated capacity. */
  issue(prrId: string, dto: IssuePriorityRatedRequestDto, context: RequestContext): Promise<DecisionResult> {
    const { comment: _comment, ...asked } = dto;
    const options = { metadata: commentMetadata(dto) };
    return this.decisions.step(prrId, requestFingerprint('issue', prrId, asked), context, async (state) => {
      const { proposal } = state as Known;
      return {
        type: 'IssuePriorityRatedRequest',
        prrId,
        scope: await this.scopeOf(state),
        legalBasis: dto.legalBasis,
        ...(dto.responseWorkingDays !== undefined ? { responseWorkingDays: dto.responseWorkingDays } : {}),
        operatorBook: this.queues.bookFor(proposal.operator.operatorId, proposal.goods, proposal.quantity.unit),
        issuedAt: this.now(),
        issuedBy: context.actor,
      };
    }, options);
  }

  accept(prrId: string, operatorId: string, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(prrId, requestFingerprint('accept', prrId, { operatorId }), context, async (state) => ({
      type: 'AcceptPriorityRatedRequest',
      prrId,
      scope: await this.scopeOf(state),
      operatorId,
      acceptedAt: this.now(),
    }));
  }

  refuse(prrId: string, dto: RefusePriorityRatedRequestDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(prrId, requestFingerprint('refuse', prrId, dto), context, () => ({
      type: 'RefusePriorityRatedRequest',
      prrId,
      operatorId: dto.operatorId,
      ground: dto.ground,
      reasons: dto.reasons,
      refusedAt: this.now(),
    }));
  }

  recordDelivery(prrId: string, dto: RecordDeliveryDto, context: RequestContext): Promise<DecisionResult> {
    const options = { metadata: { deliveryReference: dto.deliveryReference } };
    return this.decisions.step(prrId, requestFingerprint('delivery', prrId, { deliveryReference: dto.deliveryReference }), context, (state) => ({
      type: 'RecordDelivery',
      prrId,
      operatorId: (state as Known).proposal.operator.operatorId,
      amount: dto.amount,
      deliveredOn: dto.deliveredOn,
      recordedAt: this.now(),
    }), options);
  }

  /** Schedule: the response deadline passed without acceptance or refusal. */
  markLapsed(prrId: string, expiresAt: string, context: RequestContext): Promise<DecisionResult | undefined> {
    return this.decisions.due(prrId, dueStep('MarkLapsed', expiresAt), context, { type: 'MarkLapsed', prrId, at: expiresAt });
  }

  /** Schedule: the delivery date is over; an accepted request not fulfilled by then is breached. */
  assessDelivery(prrId: string, dueAt: string, context: RequestContext): Promise<DecisionResult | undefined> {
    return this.decisions.due(prrId, dueStep('AssessDelivery', dueAt), context, { type: 'AssessDelivery', prrId, at: dueAt });
  }

  /** Schedule: IMERA Art 26, the scope's emergency mode ended. */
  endWithMode(prrId: string, scope: ScopeModeSnapshot, endedAt: string, scopeEventId: string, context: RequestContext): Promise<DecisionResult | undefined> {
    return this.decisions.due(prrId, dueStep('EndWithMode', scopeEventId), context, { type: 'EndWithMode', prrId, scope, endedAt });
  }

  read(prrId: string): Promise<PriorityRatedRequestRecord | undefined> {
    return readRecord(this.store, priorityRatedRequestStream(prrId), isPriorityRatedRequestEvent, evolvePriorityRatedRequestRecord);
  }

  private scopeOf(state: PriorityRatedRequestState): Promise<ScopeModeSnapshot> {
    return this.scopes.snapshot((state as Known).proposal.scopeId);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
