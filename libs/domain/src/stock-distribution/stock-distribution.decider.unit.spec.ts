import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import {
  StockAllocationDecided,
  stockDistributionDecider as decider,
  StockDistributionCommand,
  StockDistributionEvent,
  stockDistributionStream,
} from './index';

function run(...commands: StockDistributionCommand[]): StockDistributionEvent[] {
  return commands.reduce<StockDistributionEvent[]>(
    (history, c) => [...history, ...decider.decide(c, foldEvents(decider, history))],
    [],
  );
}

function given(history: StockDistributionEvent[]) {
  const state = foldEvents(decider, history);
  return {
    when: (command: StockDistributionCommand) => ({
      then: (expected: StockDistributionEvent[]) => expect(decider.decide(command, state)).toEqual(expected),
      events: () => decider.decide(command, state),
      thenRefuses: (code: string) => {
        let caught: unknown;
        try {
          decider.decide(command, state);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(DomainRuleViolation);
        expect((caught as DomainRuleViolation).code).toBe(code);
      },
    }),
  };
}

const scope = (mode: ScopeModeSnapshot['mode']): ScopeModeSnapshot => ({
  scopeId: 'gallium',
  mode,
  goodsOfCriticalImportance: ['gallium-metal'],
  crisisRelevantGoods: mode === 'emergency' ? ['gallium-metal'] : [],
});

const open = (mode: ScopeModeSnapshot['mode'] = 'vigilance'): StockDistributionCommand => ({
  type: 'OpenDistributionRound',
  roundId: 'round-1',
  scope: scope(mode),
  material: 'gallium',
  unit: 'kg',
  basis: 'need',
  openedAt: '2026-06-01T08:00:00Z',
  openedBy: 'commission:dg-grow',
});
const stocks = (memberState: string, held: number, protectedFloor: number): StockDistributionCommand => ({
  type: 'ReportStocks',
  roundId: 'round-1',
  memberState,
  held,
  protectedFloor,
  form: 'ingot',
  purity: '6N',
  reportedAt: '2026-06-02T08:00:00Z',
});
const needs = (memberState: string, need: number): StockDistributionCommand => ({
  type: 'ReportCriticalNeeds',
  roundId: 'round-1',
  memberState,
  need,
  consumption: need * 10,
  reportedAt: '2026-06-02T09:00:00Z',
});
const issue = (mode: ScopeModeSnapshot['mode'] = 'emergency'): StockDistributionCommand => ({
  type: 'IssueDistributionOrders',
  roundId: 'round-1',
  scope: scope(mode),
  issuedAt: '2026-06-05T08:00:00Z',
  issuedBy: 'commission:dg-grow',
});
const dispatch = (orderId: string, memberState: string, quantity: number): StockDistributionCommand => ({
  type: 'DispatchOrder',
  roundId: 'round-1',
  orderId,
  memberState,
  quantity,
  dispatchedAt: '2026-06-06T08:00:00Z',
});
const deliver = (orderId: string, memberState: string, quantityReceived: number): StockDistributionCommand => ({
  type: 'ConfirmDelivery',
  roundId: 'round-1',
  orderId,
  memberState,
  quantityReceived,
  deliveredAt: '2026-06-08T08:00:00Z',
});

const reported = () => run(open(), stocks('DE', 1000, 400), needs('FR', 500), needs('IT', 300));

describe('stock distribution rounds', () => {
  it('opens in vigilance or emergency mode, not in normal mode', () => {
    expect(given([]).when(open('vigilance')).events()[0]).toMatchObject({
      type: 'StockDistributionRoundOpened',
      data: { openedInMode: 'vigilance', basis: 'need' },
    });
    given([]).when(open('normal')).thenRefuses('not-in-vigilance-or-emergency-mode');
    given(run(open())).when(open()).thenRefuses('already-opened');
  });

  it('records stock reports (CRMA Art 22) and needs; a later report replaces an earlier one', () => {
    const history = run(open(), stocks('DE', 1000, 400), stocks('DE', 900, 400), needs('FR', 500));
    const state = foldEvents(decider, history);
    expect(state.status === 'collecting' && state.holdings.DE).toEqual({
      memberState: 'DE',
      held: 900,
      protectedFloor: 400,
    });
    given(run(open()))
      .when(stocks('DE', 10.5, 0))
      .thenRefuses('invalid-quantity');
    given([])
      .when(stocks('DE', 1, 0))
      .thenRefuses('round-not-found');
  });

  it('plans an allocation in vigilance mode without issuing anything', () => {
    const [event] = given(reported())
      .when({
        type: 'PlanAllocation',
        roundId: 'round-1',
        scope: scope('vigilance'),
        plannedAt: '2026-06-03T08:00:00Z',
        plannedBy: 'commission',
      })
      .events();
    expect(event.type).toBe('StockAllocationPlanned');
    expect(event).toMatchObject({
      data: { plannedInMode: 'vigilance', allocation: { shortage: true, totalAllocated: 600 } },
    });
  });

  it('refuses to issue orders on a snapshot whose emergency period has ended', () => {
    const command = issue() as Extract<StockDistributionCommand, { type: 'IssueDistributionOrders' }>;
    given(reported())
      .when({ ...command, scope: { ...command.scope, activeUntil: '2026-06-05T00:00:00Z' } })
      .thenRefuses('mode-period-ended');
  });

  it('refuses to issue orders in vigilance mode: planning only', () => {
    given(reported()).when(issue('vigilance')).thenRefuses('not-in-emergency-mode');
  });

  it('issues orders in emergency mode, with the allocation and the reports it rests on', () => {
    const events = given(reported()).when(issue()).events();
    expect(events.map((e) => e.type)).toEqual([
      'StockAllocationDecided',
      'StockDistributionOrderIssued',
      'StockDistributionOrderIssued',
    ]);
    const decided = events[0] as StockAllocationDecided;
    expect(decided.data.holdings).toEqual([{ memberState: 'DE', held: 1000, protectedFloor: 400 }]);
    // 600 releasable for 800 needed: FR 375, IT 225.
    expect(events.slice(1)).toEqual([
      {
        type: 'StockDistributionOrderIssued',
        data: {
          roundId: 'round-1',
          orderId: 'DE-FR',
          scopeId: 'gallium',
          material: 'gallium',
          unit: 'kg',
          from: 'DE',
          to: 'FR',
          quantity: 375,
          issuedAt: '2026-06-05T08:00:00Z',
        },
      },
      {
        type: 'StockDistributionOrderIssued',
        data: {
          roundId: 'round-1',
          orderId: 'DE-IT',
          scopeId: 'gallium',
          material: 'gallium',
          unit: 'kg',
          from: 'DE',
          to: 'IT',
          quantity: 225,
          issuedAt: '2026-06-05T08:00:00Z',
        },
      },
    ]);
  });

  it('closes reports once orders are issued and refuses to issue twice', () => {
    const issued = [...reported(), ...decider.decide(issue(), foldEvents(decider, reported()))];
    given(issued).when(issue()).thenRefuses('orders-already-issued');
    given(issued).when(needs('ES', 10)).thenRefuses('orders-already-issued');
  });

  it('refuses to issue when nothing can be allocated or no needs are reported', () => {
    given(run(open(), stocks('DE', 100, 100), needs('FR', 50)))
      .when(issue())
      .thenRefuses('nothing-to-allocate');
    given(run(open(), stocks('DE', 100, 0)))
      .when(issue())
      .thenRefuses('no-needs-reported');
  });

  it('tracks dispatch and delivery, recording what was lost in transit', () => {
    const issued = run(
      open(),
      stocks('DE', 1000, 400),
      needs('FR', 500),
      needs('IT', 300),
      issue(),
      dispatch('DE-FR', 'DE', 375),
    );
    given(issued)
      .when(deliver('DE-FR', 'FR', 370))
      .then([
        {
          type: 'StockDistributionOrderDelivered',
          data: {
            roundId: 'round-1',
            orderId: 'DE-FR',
            from: 'DE',
            to: 'FR',
            quantityReceived: 370,
            lostInTransit: 5,
            deliveredAt: '2026-06-08T08:00:00Z',
          },
        },
      ]);
  });

  it('guards dispatch and delivery', () => {
    const issued = run(open(), stocks('DE', 1000, 400), needs('FR', 500), needs('IT', 300), issue());
    given(issued)
      .when(dispatch('DE-FR', 'FR', 375))
      .thenRefuses('not-the-releasing-member-state');
    given(issued)
      .when(dispatch('DE-FR', 'DE', 376))
      .thenRefuses('invalid-quantity');
    given(issued)
      .when(dispatch('DE-ES', 'DE', 1))
      .thenRefuses('order-not-found');
    given(issued)
      .when(deliver('DE-FR', 'FR', 375))
      .thenRefuses('not-dispatched');
    const dispatched = run(
      open(),
      stocks('DE', 1000, 400),
      needs('FR', 500),
      needs('IT', 300),
      issue(),
      dispatch('DE-FR', 'DE', 375),
    );
    given(dispatched)
      .when(dispatch('DE-FR', 'DE', 375))
      .thenRefuses('already-dispatched');
    given(dispatched)
      .when(deliver('DE-FR', 'IT', 375))
      .thenRefuses('not-the-receiving-member-state');
    given(dispatched)
      .when(deliver('DE-FR', 'FR', 376))
      .thenRefuses('invalid-quantity');
    const delivered = run(
      open(),
      stocks('DE', 1000, 400),
      needs('FR', 500),
      needs('IT', 300),
      issue(),
      dispatch('DE-FR', 'DE', 375),
      deliver('DE-FR', 'FR', 375),
    );
    given(delivered)
      .when(deliver('DE-FR', 'FR', 375))
      .thenRefuses('already-delivered');
  });

  it('refuses a snapshot of another scope', () => {
    given(reported())
      .when({
        ...(issue() as object),
        scope: { ...scope('emergency'), scopeId: 'germanium' },
      } as StockDistributionCommand)
      .thenRefuses('wrong-scope');
  });

  it('names its stream stockDistribution-<round id>', () => {
    expect(stockDistributionStream('round-1')).toBe('stockDistribution-round-1');
  });
});
