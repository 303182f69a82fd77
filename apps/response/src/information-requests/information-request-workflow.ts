import { Clock, EventStore } from '@imera/event-sourcing';
import {
  createInformationRequestDecider,
  INFORMATION_REQUEST_SCHEMA_VERSION,
  InformationRequestCommand,
  InformationRequestDecider,
  InformationRequestEvent,
  InformationRequestState,
  informationRequestStream,
} from '@imera/domain/information-requests';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import { DecisionPublisher, DecisionResult, RequestContext } from '@imera/platform';
import { ScopeModes } from '../scope-modes/scope-modes';
import { InstrumentDecisions } from '../shared/instrument-decisions';
import { readRecord } from '../shared/records-view';
import { dueStep, requestFingerprint } from '../shared/request-fingerprint';
import { AnswerInformationRequestDto, DeclineInformationRequestDto, IssueInformationRequestDto } from './information-request.dto';
import { evolveInformationRequestRecord, InformationRequestRecord, isInformationRequestEvent } from './information-request.record';

/** Issues information requests (IMERA Art 27) and records the operators' answers and reasoned refusals. */
export class InformationRequestWorkflow {
  private readonly decisions: InstrumentDecisions<InformationRequestCommand, InformationRequestState, InformationRequestEvent>;

  constructor(
    private readonly store: EventStore,
    publisher: DecisionPublisher,
    private readonly scopes: ScopeModes,
    private readonly clock: Clock,
    decider: InformationRequestDecider = createInformationRequestDecider(),
  ) {
    this.decisions = new InstrumentDecisions(
      {
        label: 'Information request',
        slug: 'information-request',
        decider,
        stream: informationRequestStream,
        schemaVersion: INFORMATION_REQUEST_SCHEMA_VERSION,
        exists: (state) => state.status !== 'not-issued',
        scopeOf: (state) => (state.status === 'not-issued' ? '' : state.scopeId),
      },
      store,
      publisher,
    );
  }

  issue(dto: IssueInformationRequestDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.create(dto.requestId, dto.scopeId, requestFingerprint('issue', dto.requestId, dto), context, async () => ({
      type: 'IssueInformationRequest',
      requestId: dto.requestId,
      scope: await this.scopes.snapshot(dto.scopeId),
      mandatory: dto.mandatory,
      topics: dto.topics,
      goods: dto.goods,
      questions: dto.questions,
      addressees: dto.addressees.map((a) => ({ ...a })),
      deadline: new Date(dto.deadline).toISOString(),
      issuedAt: this.now(),
      issuedBy: context.actor,
    }));
  }

  answer(requestId: string, dto: AnswerInformationRequestDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(requestId, requestFingerprint('answer', requestId, dto), context, () => ({
      type: 'AnswerInformationRequest',
      requestId,
      operatorId: dto.operatorId,
      figures: dto.figures.map((figure) => ({ ...figure })),
      text: dto.text ?? '',
      answeredAt: this.now(),
    }));
  }

  decline(requestId: string, dto: DeclineInformationRequestDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(requestId, requestFingerprint('decline', requestId, dto), context, () => ({
      type: 'DeclineInformationRequest',
      requestId,
      operatorId: dto.operatorId,
      reasons: dto.reasons,
      declinedAt: this.now(),
    }));
  }

  /** Schedule: the deadline passed; every operator still silent is recorded as having missed it. */
  markOverdue(requestId: string, deadline: string, context: RequestContext): Promise<DecisionResult | undefined> {
    return this.decisions.due(requestId, dueStep('MarkOverdue', deadline), context, { type: 'MarkOverdue', requestId, at: deadline });
  }

  /** Schedule: the mode the request was issued under ended (IMERA Art 26). */
  endWithMode(requestId: string, scope: ScopeModeSnapshot, endedAt: string, scopeEventId: string, context: RequestContext): Promise<DecisionResult | undefined> {
    return this.decisions.due(requestId, dueStep('EndWithMode', scopeEventId), context, { type: 'EndWithMode', requestId, scope, endedAt });
  }

  read(requestId: string): Promise<InformationRequestRecord | undefined> {
    return readRecord(this.store, informationRequestStream(requestId), isInformationRequestEvent, evolveInformationRequestRecord);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
