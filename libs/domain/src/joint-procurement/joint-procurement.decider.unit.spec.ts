import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import {
  JointProcurementCommand,
  jointProcurementDecider as decider,
  JointProcurementEvent,
  JointProcurementMatched,
  jointProcurementStream,
  RequestJointProcurement,
} from './index';

function run(...commands: JointProcurementCommand[]): JointProcurementEvent[] {
  return commands.reduce<JointProcurementEvent[]>(
    (history, c) => [...history, ...decider.decide(c, foldEvents(decider, history))],
    [],
  );
}

function given(history: JointProcurementEvent[]) {
  const state = foldEvents(decider, history);
  return {
    when: (command: JointProcurementCommand) => ({
      then: (expected: JointProcurementEvent[]) => expect(decider.decide(command, state)).toEqual(expected),
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
  scopeId: 'battery-materials',
  mode,
  goodsOfCriticalImportance: ['graphite-anode'],
  crisisRelevantGoods: [],
});
const EU = ['AT', 'BE', 'DE', 'ES', 'FR', 'IT', 'PL'];

const request = (overrides: Partial<RequestJointProcurement> = {}): RequestJointProcurement => ({
  type: 'RequestJointProcurement',
  procurementId: 'jp-1',
  scope: scope('vigilance'),
  requestingMemberStates: ['FR', 'DE'],
  materials: [{ material: 'natural-graphite', unit: 't' }],
  rationale: 'Anode plants report four weeks of cover',
  requestedAt: '2026-06-01T08:00:00Z',
  requestedBy: 'fr:dge',
  ...overrides,
});
const accept = (
  overrides: Partial<Extract<JointProcurementCommand, { type: 'AcceptJointProcurement' }>> = {},
): JointProcurementCommand => ({
  type: 'AcceptJointProcurement',
  procurementId: 'jp-1',
  scope: scope('vigilance'),
  reasons: 'Board consulted; demand pooling improves terms',
  memberStates: EU,
  demandDeadline: '2026-06-15T16:00:00Z',
  decidedAt: '2026-06-03T08:00:00Z',
  decidedBy: 'commission:dg-grow',
  ...overrides,
});
const refuse = (reasons = 'Market supply adequate; no added value'): JointProcurementCommand => ({
  type: 'RefuseJointProcurement',
  procurementId: 'jp-1',
  reasons,
  decidedAt: '2026-06-03T08:00:00Z',
  decidedBy: 'commission:dg-grow',
});
const demand = (
  memberState: string,
  quantity: number,
  statedAt = '2026-06-10T08:00:00Z',
  material = 'natural-graphite',
): JointProcurementCommand => ({
  type: 'StateDemand',
  procurementId: 'jp-1',
  memberState,
  material,
  quantity,
  statedAt,
});
const aggregate = (at = '2026-06-15T16:00:00Z'): JointProcurementCommand => ({
  type: 'AggregateDemand',
  procurementId: 'jp-1',
  at,
});
const offer = (offerId: string, quantity: number): JointProcurementCommand => ({
  type: 'RecordSupplierOffer',
  procurementId: 'jp-1',
  offerId,
  supplierId: `supplier-${offerId}`,
  supplierName: `Supplier ${offerId}`,
  material: 'natural-graphite',
  quantity,
  unitPrice: { amount: 1150, currency: 'EUR' },
  receivedAt: '2026-06-20T08:00:00Z',
});
const matchNow: JointProcurementCommand = {
  type: 'MatchDemandAndOffers',
  procurementId: 'jp-1',
  at: '2026-06-25T08:00:00Z',
};
const publishNow: JointProcurementCommand = {
  type: 'PublishResults',
  procurementId: 'jp-1',
  at: '2026-06-26T08:00:00Z',
};

const collectingOffers = () =>
  run(request(), accept(), demand('FR', 600), demand('DE', 300), demand('IT', 100), demand('IT', 0), aggregate());

describe('joint procurement', () => {
  describe('request', () => {
    it('is recorded in vigilance or emergency mode when at least two Member States ask', () => {
      expect(
        given([])
          .when(request({ scope: scope('emergency') }))
          .events()[0],
      ).toMatchObject({
        type: 'JointProcurementRequested',
        data: { requestedInMode: 'emergency', requestingMemberStates: ['DE', 'FR'] },
      });
    });

    it('is refused on a snapshot whose mode period has ended', () => {
      given([])
        .when(request({ scope: { ...scope('vigilance'), activeUntil: '2026-05-31T00:00:00Z' } }))
        .thenRefuses('mode-period-ended');
    });

    it('is refused in normal mode', () => {
      given([])
        .when(request({ scope: scope('normal') }))
        .thenRefuses('not-in-vigilance-or-emergency-mode');
    });

    it('needs two different Member States', () => {
      given([])
        .when(request({ requestingMemberStates: ['FR'] }))
        .thenRefuses('at-least-two-member-states');
      given([])
        .when(request({ requestingMemberStates: ['FR', 'FR'] }))
        .thenRefuses('at-least-two-member-states');
    });

    it('refuses a second request with the same id and a material listed twice', () => {
      given(run(request())).when(request()).thenRefuses('already-requested');
      const graphite = { material: 'natural-graphite', unit: 't' };
      given([])
        .when(request({ materials: [graphite, graphite] }))
        .thenRefuses('duplicate-material');
    });
  });

  describe('decision by the Commission', () => {
    it('accepts with reasons and invites every Member State', () => {
      given(run(request()))
        .when(accept())
        .then([
          {
            type: 'JointProcurementAccepted',
            data: {
              procurementId: 'jp-1',
              scopeId: 'battery-materials',
              reasons: 'Board consulted; demand pooling improves terms',
              decidedAt: '2026-06-03T08:00:00Z',
              decidedBy: 'commission:dg-grow',
            },
          },
          {
            type: 'MemberStatesInvitedToJointProcurement',
            data: {
              procurementId: 'jp-1',
              invitedMemberStates: EU,
              materials: [{ material: 'natural-graphite', unit: 't' }],
              demandDeadline: '2026-06-15T16:00:00Z',
              invitedAt: '2026-06-03T08:00:00Z',
            },
          },
        ]);
    });

    it('refuses with reasons, and reasons are required', () => {
      expect(given(run(request())).when(refuse()).events()[0].type).toBe('JointProcurementRefused');
      given(run(request())).when(refuse(' ')).thenRefuses('reasons-required');
      given(run(request()))
        .when(accept({ reasons: '' }))
        .thenRefuses('reasons-required');
    });

    it('decides only once', () => {
      given(run(request(), accept())).when(refuse()).thenRefuses('already-decided');
      given(run(request(), refuse())).when(accept()).thenRefuses('already-decided');
    });

    it('refuses acceptance once the scope is back in normal mode, or an invitation leaving out a requester', () => {
      given(run(request()))
        .when(accept({ scope: scope('normal') }))
        .thenRefuses('not-in-vigilance-or-emergency-mode');
      given(run(request()))
        .when(accept({ memberStates: ['AT', 'FR'] }))
        .thenRefuses('requesting-member-state-not-invited');
    });
  });

  describe('demand', () => {
    it('is stated by invited Member States before the deadline', () => {
      given(run(request(), accept()))
        .when(demand('PL', 250))
        .then([
          {
            type: 'JointProcurementDemandStated',
            data: {
              procurementId: 'jp-1',
              memberState: 'PL',
              material: 'natural-graphite',
              quantity: 250,
              unit: 't',
              statedAt: '2026-06-10T08:00:00Z',
            },
          },
        ]);
    });

    it('refuses demand from the uninvited, after the deadline, before acceptance, or for another material', () => {
      given(run(request(), accept())).when(demand('SE', 10)).thenRefuses('not-invited');
      given(run(request(), accept()))
        .when(demand('PL', 10, '2026-06-15T16:00:00Z'))
        .thenRefuses('deadline-passed');
      given(run(request())).when(demand('PL', 10)).thenRefuses('demand-collection-closed');
      given(run(request(), accept()))
        .when(demand('PL', 10, undefined, 'lithium-carbonate'))
        .thenRefuses('material-not-in-procurement');
      given(run(request(), accept())).when(demand('PL', 2.5)).thenRefuses('invalid-quantity');
    });

    it('is aggregated after the deadline, the latest statement counting and withdrawals dropped', () => {
      const history = run(
        request(),
        accept(),
        demand('FR', 600),
        demand('DE', 300),
        demand('IT', 100),
        demand('IT', 0),
        demand('FR', 500),
      );
      given(history).when(aggregate('2026-06-15T15:59:59Z')).thenRefuses('deadline-not-passed');
      given(history)
        .when(aggregate())
        .then([
          {
            type: 'JointProcurementDemandAggregated',
            data: {
              procurementId: 'jp-1',
              participants: ['DE', 'FR'],
              demand: [
                {
                  material: 'natural-graphite',
                  unit: 't',
                  total: 800,
                  byMemberState: [
                    { memberState: 'DE', quantity: 300 },
                    { memberState: 'FR', quantity: 500 },
                  ],
                },
              ],
              aggregatedAt: '2026-06-15T16:00:00Z',
            },
          },
        ]);
    });

    it('refuses to aggregate when nobody stated demand', () => {
      given(run(request(), accept())).when(aggregate()).thenRefuses('no-demand-stated');
    });
  });

  describe('offers, matching and publication', () => {
    it('collects offers only after aggregation, once per offer id', () => {
      given(run(request(), accept())).when(offer('o-1', 100)).thenRefuses('not-collecting-offers');
      given(run(request(), accept(), demand('FR', 600), demand('DE', 300), aggregate(), offer('o-1', 100)))
        .when(offer('o-1', 100))
        .thenRefuses('duplicate-offer');
      given(collectingOffers()).when(offer('o-2', 0)).thenRefuses('invalid-quantity');
    });

    it('refuses to match without offers', () => {
      given(collectingOffers()).when(matchNow).thenRefuses('no-offers');
    });

    it('matches pro rata when offers fall short', () => {
      const withTwo = run(
        request(),
        accept(),
        demand('FR', 600),
        demand('DE', 300),
        aggregate(),
        offer('o-1', 300),
        offer('o-2', 150),
      );
      const [matched] = given(withTwo).when(matchNow).events() as JointProcurementMatched[];
      const [graphite] = matched.data.results;
      expect(graphite.totalMatched).toBe(450);
      // FR asked 600 of 900, DE 300: two thirds and one third of the 450 offered.
      expect(graphite.participants).toEqual([
        { memberState: 'DE', demand: 300, matched: 150 },
        { memberState: 'FR', demand: 600, matched: 300 },
      ]);
      expect(graphite.matches).toEqual([
        { offerId: 'o-1', supplierId: 'supplier-o-1', memberState: 'DE', quantity: 100 },
        { offerId: 'o-1', supplierId: 'supplier-o-1', memberState: 'FR', quantity: 200 },
        { offerId: 'o-2', supplierId: 'supplier-o-2', memberState: 'DE', quantity: 50 },
        { offerId: 'o-2', supplierId: 'supplier-o-2', memberState: 'FR', quantity: 100 },
      ]);
    });

    it('publishes the results to the participants, once, and only after matching', () => {
      given(collectingOffers()).when(publishNow).thenRefuses('not-matched');
      const full = run(
        request(),
        accept(),
        demand('FR', 600),
        demand('DE', 300),
        aggregate(),
        offer('o-1', 900),
        matchNow,
      );
      given(full)
        .when(publishNow)
        .then([
          {
            type: 'JointProcurementResultsPublished',
            data: { procurementId: 'jp-1', publishedTo: ['DE', 'FR'], publishedAt: '2026-06-26T08:00:00Z' },
          },
        ]);
      given(
        run(
          request(),
          accept(),
          demand('FR', 600),
          demand('DE', 300),
          aggregate(),
          offer('o-1', 900),
          matchNow,
          publishNow,
        ),
      )
        .when(publishNow)
        .thenRefuses('already-published');
      given(full).when(offer('o-9', 10)).thenRefuses('not-collecting-offers');
    });
  });

  it('refuses commands for an unknown procurement', () => {
    given([]).when(refuse()).thenRefuses('procurement-not-found');
  });

  it('names its stream jointProcurement-<id>', () => {
    expect(jointProcurementStream('jp-1')).toBe('jointProcurement-jp-1');
  });
});
