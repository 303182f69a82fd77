import { Clock, EventStore } from '@imera/event-sourcing';
import {
  STOCK_DISTRIBUTION_SCHEMA_VERSION,
  StockDistributionCommand,
  stockDistributionDecider,
  StockDistributionEvent,
  StockDistributionState,
  stockDistributionStream,
} from '@imera/domain/stock-distribution';
import { DecisionPublisher, DecisionResult, RequestContext } from '@imera/platform';
import { ScopeModes } from '../scope-modes/scope-modes';
import { CommissionStepDto, commentMetadata } from '../shared/common.dto';
import { InstrumentDecisions } from '../shared/instrument-decisions';
import { readRecord } from '../shared/records-view';
import { requestFingerprint } from '../shared/request-fingerprint';
import { ConfirmDeliveryDto, DispatchOrderDto, OpenDistributionRoundDto, ReportCriticalNeedsDto, ReportStocksDto } from './stock-distribution.dto';
import { evolveStockDistributionRecord, isStockDistributionEvent, StockDistributionRecord } from './stock-distribution.record';

type Round = Exclude<StockDistributionState, { status: 'none' }>;

/** Stock distribution rounds (ADR 0007): planning in vigilance and emergency, orders only in emergency. */
export class StockDistributionWorkflow {
  private readonly decisions: InstrumentDecisions<StockDistributionCommand, StockDistributionState, StockDistributionEvent>;

  constructor(
    private readonly store: EventStore,
    publisher: DecisionPublisher,
    private readonly scopes: ScopeModes,
    private readonly clock: Clock,
  ) {
    this.decisions = new InstrumentDecisions(
      {
        label: 'Stock distribution round',
        slug: 'stock-distribution-round',
        decider: stockDistributionDecider,
        stream: stockDistributionStream,
        schemaVersion: STOCK_DISTRIBUTION_SCHEMA_VERSION,
        exists: (state) => state.status !== 'none',
        scopeOf: (state) => (state as Round).scopeId,
      },
      store,
      publisher,
    );
  }

  open(dto: OpenDistributionRoundDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.create(dto.roundId, dto.scopeId, requestFingerprint('open', dto.roundId, dto), context, async () => ({
      type: 'OpenDistributionRound',
      roundId: dto.roundId,
      scope: await this.scopes.snapshot(dto.scopeId),
      material: dto.material,
      unit: dto.unit,
      basis: dto.basis,
      openedAt: this.now(),
      openedBy: context.actor,
    }));
  }

  /** A later report replaces the earlier one, so only the latest report of the Member State counts as a repeat. */
  reportStocks(roundId: string, dto: ReportStocksDto, context: RequestContext): Promise<DecisionResult> {
    const slot = { slot: `stocks:${dto.memberState}` };
    return this.decisions.step(roundId, requestFingerprint('report-stocks', roundId, dto), context, () => ({
      type: 'ReportStocks',
      roundId,
      memberState: dto.memberState,
      held: dto.held,
      protectedFloor: dto.protectedFloor,
      ...(dto.form !== undefined ? { form: dto.form } : {}),
      ...(dto.purity !== undefined ? { purity: dto.purity } : {}),
      reportedAt: this.now(),
    }), slot);
  }

  reportNeeds(roundId: string, dto: ReportCriticalNeedsDto, context: RequestContext): Promise<DecisionResult> {
    const slot = { slot: `needs:${dto.memberState}` };
    return this.decisions.step(roundId, requestFingerprint('report-needs', roundId, dto), context, () => ({
      type: 'ReportCriticalNeeds',
      roundId,
      memberState: dto.memberState,
      need: dto.need,
      consumption: dto.consumption,
      reportedAt: this.now(),
    }), slot);
  }

  /** Planning again on the same reports repeats the latest plan; after a new report it plans anew. */
  plan(roundId: string, dto: CommissionStepDto, context: RequestContext): Promise<DecisionResult> {
    const options = { slot: 'plan', metadata: commentMetadata(dto) };
    const sameReports = (state: StockDistributionState) => {
      const { holdings, needs } = state as Round;
      return requestFingerprint('plan', roundId, { holdings, needs });
    };
    return this.decisions.step(roundId, sameReports, context, async (state) => ({
      type: 'PlanAllocation',
      roundId,
      scope: await this.scopes.snapshot((state as Round).scopeId),
      plannedAt: this.now(),
      plannedBy: context.actor,
    }), options);
  }

  issueOrders(roundId: string, dto: CommissionStepDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(roundId, requestFingerprint('issue-orders', roundId), context, async (state) => ({
      type: 'IssueDistributionOrders',
      roundId,
      scope: await this.scopes.snapshot((state as Round).scopeId),
      issuedAt: this.now(),
      issuedBy: context.actor,
    }), { metadata: commentMetadata(dto) });
  }

  dispatch(roundId: string, orderId: string, memberState: string, dto: DispatchOrderDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(roundId, requestFingerprint('dispatch', roundId, { orderId, ...dto }), context, () => ({
      type: 'DispatchOrder',
      roundId,
      orderId,
      memberState,
      quantity: dto.quantity,
      dispatchedAt: this.now(),
    }));
  }

  confirmDelivery(roundId: string, orderId: string, memberState: string, dto: ConfirmDeliveryDto, context: RequestContext): Promise<DecisionResult> {
    return this.decisions.step(roundId, requestFingerprint('delivery', roundId, { orderId, ...dto }), context, () => ({
      type: 'ConfirmDelivery',
      roundId,
      orderId,
      memberState,
      quantityReceived: dto.quantityReceived,
      deliveredAt: this.now(),
    }));
  }

  read(roundId: string): Promise<StockDistributionRecord | undefined> {
    return readRecord(this.store, stockDistributionStream(roundId), isStockDistributionEvent, evolveStockDistributionRecord);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
