import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import {
  createPriorityRatedRequestDecider,
  DEFAULT_PRIORITY_RATED_REQUEST_POLICY,
  IssuePriorityRatedRequest,
  priorityRatedRequestStream,
  PriorityRatedRequestCommand,
  PriorityRatedRequestEvent,
  PriorityRatedRequestIssued,
  ProposePriorityRatedRequest,
} from './index';

const decider = createPriorityRatedRequestDecider();

function given(history: PriorityRatedRequestEvent[]) {
  const state = foldEvents(decider, history);
  return {
    when: (command: PriorityRatedRequestCommand) => ({
      then: (expected: PriorityRatedRequestEvent[]) => expect(decider.decide(command, state)).toEqual(expected),
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

/** Runs commands in order, each against the state the previous ones left. */
function run(...commands: PriorityRatedRequestCommand[]): PriorityRatedRequestEvent[] {
  return commands.reduce<PriorityRatedRequestEvent[]>(
    (history, command) => [...history, ...decider.decide(command, foldEvents(decider, history))],
    [],
  );
}

const emergency: ScopeModeSnapshot = {
  scopeId: 'rare-earth-magnets',
  mode: 'emergency',
  goodsOfCriticalImportance: ['ndfeb-magnets', 'dysprosium-oxide'],
  crisisRelevantGoods: ['ndfeb-magnets'],
};
const vigilance: ScopeModeSnapshot = { ...emergency, mode: 'vigilance', crisisRelevantGoods: [] };

const propose = (overrides: Partial<ProposePriorityRatedRequest> = {}): ProposePriorityRatedRequest => ({
  type: 'ProposePriorityRatedRequest',
  prrId: 'prr-1',
  scope: emergency,
  requestingMemberState: 'FR',
  operator: { operatorId: 'op-ee-1', operatorName: 'Baltic Magnets AS', site: { name: 'Narva plant', country: 'EE' } },
  goods: 'ndfeb-magnets',
  specification: 'Sintered NdFeB, grade N42SH',
  quantity: { amount: 120, unit: 't' },
  deliveryDate: '2026-09-30',
  justification: 'Wind-turbine generator repairs for grid stability',
  proposedAt: '2026-05-29T08:00:00Z',
  proposedBy: 'fr:dge',
  ...overrides,
});

const consent = (
  overrides: Partial<Extract<PriorityRatedRequestCommand, { type: 'DecideHostConsent' }>> = {},
): PriorityRatedRequestCommand => ({
  type: 'DecideHostConsent',
  prrId: 'prr-1',
  scope: emergency,
  hostMemberState: 'EE',
  consent: true,
  decidedAt: '2026-05-30T08:00:00Z',
  decidedBy: 'ee:mkm',
  ...overrides,
});

const issue = (overrides: Partial<IssuePriorityRatedRequest> = {}): IssuePriorityRatedRequest => ({
  type: 'IssuePriorityRatedRequest',
  prrId: 'prr-1',
  scope: emergency,
  legalBasis: 'Regulation (EU) 2024/2747, priority-rated requests',
  operatorBook: { unitsPerDay: 2, acceptedRequests: [] },
  issuedAt: '2026-06-01T09:00:00Z',
  issuedBy: 'commission:dg-grow',
  ...overrides,
});

const accept = (at = '2026-06-10T09:00:00Z', scope = emergency): PriorityRatedRequestCommand => ({
  type: 'AcceptPriorityRatedRequest',
  prrId: 'prr-1',
  scope,
  operatorId: 'op-ee-1',
  acceptedAt: at,
});

const refuse = (
  reasons = 'Line fully booked by accepted defence orders',
  at = '2026-06-10T09:00:00Z',
): PriorityRatedRequestCommand => ({
  type: 'RefusePriorityRatedRequest',
  prrId: 'prr-1',
  operatorId: 'op-ee-1',
  ground: 'conflicts-with-accepted-requests',
  reasons,
  refusedAt: at,
});

const delivery = (
  amount: number,
  deliveredOn: string,
  recordedAt = '2026-10-05T09:00:00Z',
): PriorityRatedRequestCommand => ({
  type: 'RecordDelivery',
  prrId: 'prr-1',
  operatorId: 'op-ee-1',
  amount,
  deliveredOn,
  recordedAt,
});

const issuedHistory = () => run(propose(), consent(), issue());
const acceptedHistory = () => run(propose(), consent(), issue(), accept());

describe('priority-rated requests', () => {
  describe('proposal by a Member State (IMERA Art 26 guard)', () => {
    it('records the proposal while emergency mode is active and the goods are crisis-relevant', () => {
      const [event] = given([]).when(propose()).events();
      expect(event).toMatchObject({
        type: 'PriorityRatedRequestProposed',
        data: {
          prrId: 'prr-1',
          scopeId: 'rare-earth-magnets',
          requestingMemberState: 'FR',
          goods: 'ndfeb-magnets',
          deliveryDate: '2026-09-30',
        },
      });
    });

    it('refuses a proposal outside emergency mode', () => {
      given([])
        .when(propose({ scope: vigilance }))
        .thenRefuses('not-in-emergency-mode');
    });

    it('refuses a snapshot whose emergency period ended before the command (expiry not yet processed)', () => {
      given([])
        .when(propose({ scope: { ...emergency, activeUntil: '2026-05-29T00:00:00Z' } }))
        .thenRefuses('mode-period-ended');
      given(issuedHistory())
        .when(accept('2026-06-10T09:00:00Z', { ...emergency, activeUntil: '2026-06-10T09:00:00Z' }))
        .thenRefuses('mode-period-ended');
    });

    it('refuses goods that are not on the crisis-relevant list', () => {
      given([])
        .when(propose({ goods: 'dysprosium-oxide' }))
        .thenRefuses('goods-not-crisis-relevant');
    });

    it('refuses a delivery date that has come and a quantity that is not positive', () => {
      given([])
        .when(propose({ deliveryDate: '2026-05-29' }))
        .thenRefuses('delivery-date-not-in-future');
      given([])
        .when(propose({ quantity: { amount: 0, unit: 't' } }))
        .thenRefuses('invalid-quantity');
    });

    it('treats a proposal by the host Member State as its consent', () => {
      const events = given([])
        .when(propose({ requestingMemberState: 'EE', proposedBy: 'ee:mkm' }))
        .events();
      expect(events.map((e) => e.type)).toEqual(['PriorityRatedRequestProposed', 'HostMemberStateConsented']);
    });
  });

  describe('consent of the host Member State', () => {
    it('records consent from the Member State of the production site', () => {
      given(run(propose()))
        .when(consent())
        .then([
          {
            type: 'HostMemberStateConsented',
            data: { prrId: 'prr-1', hostMemberState: 'EE', consentedAt: '2026-05-30T08:00:00Z', consentedBy: 'ee:mkm' },
          },
        ]);
    });

    it('refuses consent from another Member State', () => {
      given(run(propose()))
        .when(consent({ hostMemberState: 'FR' }))
        .thenRefuses('not-the-host-member-state');
    });

    it('needs reasons to withhold consent, and then closes the request', () => {
      given(run(propose()))
        .when(consent({ consent: false }))
        .thenRefuses('reasons-required');
      const refused = run(propose(), consent({ consent: false, reasons: 'Site supplies national defence contracts' }));
      expect(refused[1].type).toBe('HostMemberStateRefusedConsent');
      given(refused).when(issue()).thenRefuses('request-closed');
    });

    it('refuses a second consent decision', () => {
      given(run(propose(), consent())).when(consent()).thenRefuses('host-consent-already-decided');
    });
  });

  describe('issue by the Commission', () => {
    it('refuses to issue without host consent', () => {
      given(run(propose())).when(issue()).thenRefuses('host-consent-missing');
    });

    it('states the terms, the right to refuse and a deadline in working days', () => {
      const [event] = given(run(propose(), consent())).when(issue()).events() as PriorityRatedRequestIssued[];
      expect(event.data).toMatchObject({
        prrId: 'prr-1',
        requestingMemberState: 'FR',
        hostMemberState: 'EE',
        specification: 'Sintered NdFeB, grade N42SH',
        quantity: { amount: 120, unit: 't' },
        deliveryDate: '2026-09-30',
        legalBasis: 'Regulation (EU) 2024/2747, priority-rated requests',
        operatorMayRefuseWithReasons: true,
        rightToRefuseStatement: DEFAULT_PRIORITY_RATED_REQUEST_POLICY.rightToRefuseStatement,
        // Issued Monday 1 June 2026: 15 working days end with Monday 22 June, midnight in Brussels.
        responseDeadline: {
          workingDays: 15,
          lastDay: '2026-06-22',
          timeZone: 'Europe/Brussels',
          expiresAt: '2026-06-22T22:00:00.000Z',
        },
        conflictCheck: 'no-conflict',
        conflictsWithAcceptedRequests: [],
      });
    });

    it('counts configured public holidays out of the response period', () => {
      const withHolidays = createPriorityRatedRequestDecider({
        ...DEFAULT_PRIORITY_RATED_REQUEST_POLICY,
        calendar: { timeZone: 'Europe/Brussels', publicHolidays: ['2026-06-02'] },
      });
      const history = run(propose(), consent());
      const [event] = withHolidays.decide(
        issue({ responseWorkingDays: 1 }),
        foldEvents(withHolidays, history),
      ) as PriorityRatedRequestIssued[];
      expect(event.data.responseDeadline.lastDay).toBe('2026-06-03');
    });

    it('flags the accepted requests it could not be met without displacing', () => {
      const book = {
        // 2 t/day from 1 June: 184 t by 1 Sept, 242 t by 30 Sept, 272 t by 15 Oct.
        unitsPerDay: 2,
        acceptedRequests: [
          { prrId: 'prr-earlier', quantity: 180, deliveryDate: '2026-09-01', receivedAt: '2026-05-01T00:00:00Z' },
          { prrId: 'prr-later', quantity: 60, deliveryDate: '2026-10-15', receivedAt: '2026-05-02T00:00:00Z' },
        ],
      };
      const [event] = given(run(propose(), consent()))
        .when(issue({ operatorBook: book }))
        .events() as PriorityRatedRequestIssued[];
      expect(event.data.conflictCheck).toBe('conflicts');
      expect(event.data.conflictsWithAcceptedRequests).toEqual(['prr-earlier', 'prr-later']);
    });

    it('says so when the operator has not stated its capacity', () => {
      const [event] = given(run(propose(), consent()))
        .when(issue({ operatorBook: { acceptedRequests: [] } }))
        .events() as PriorityRatedRequestIssued[];
      expect(event.data.conflictCheck).toBe('capacity-not-stated');
    });

    it('refuses to issue once emergency mode has ended or the goods left the list', () => {
      given(run(propose(), consent()))
        .when(issue({ scope: vigilance }))
        .thenRefuses('not-in-emergency-mode');
      given(run(propose(), consent()))
        .when(issue({ scope: { ...emergency, crisisRelevantGoods: [] } }))
        .thenRefuses('goods-not-crisis-relevant');
    });

    it('refuses a response deadline that falls on or after the delivery date', () => {
      given(run(propose({ deliveryDate: '2026-06-05' }), consent()))
        .when(issue())
        .thenRefuses('delivery-date-before-response-deadline');
    });

    it('refuses to issue twice, without a legal basis, or for another scope', () => {
      given(issuedHistory()).when(issue()).thenRefuses('already-issued');
      given(run(propose(), consent()))
        .when(issue({ legalBasis: ' ' }))
        .thenRefuses('legal-basis-required');
      given(run(propose(), consent()))
        .when(issue({ scope: { ...emergency, scopeId: 'gallium' } }))
        .thenRefuses('wrong-scope');
    });
  });

  describe('response of the operator', () => {
    it('records acceptance with what the operator queue needs and the release from liability', () => {
      given(issuedHistory())
        .when(accept())
        .then([
          {
            type: 'PriorityRatedRequestAccepted',
            data: {
              prrId: 'prr-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              goods: 'ndfeb-magnets',
              quantity: { amount: 120, unit: 't' },
              deliveryDate: '2026-09-30',
              receivedAt: '2026-06-01T09:00:00Z',
              operatorNotLiableForSetAsideContracts: true,
              acceptedAt: '2026-06-10T09:00:00Z',
            },
          },
        ]);
    });

    it('refuses acceptance after the deadline, before issue, by another operator, or outside emergency mode', () => {
      given(issuedHistory()).when(accept('2026-06-22T22:00:00Z')).thenRefuses('deadline-passed');
      given(run(propose(), consent())).when(accept()).thenRefuses('not-issued');
      given(issuedHistory())
        .when({ ...(accept() as object), operatorId: 'op-de-1' } as PriorityRatedRequestCommand)
        .thenRefuses('not-the-addressed-operator');
      given(issuedHistory()).when(accept(undefined, vigilance)).thenRefuses('not-in-emergency-mode');
    });

    it('records a refusal with its grounds', () => {
      given(issuedHistory())
        .when(refuse())
        .then([
          {
            type: 'PriorityRatedRequestRefused',
            data: {
              prrId: 'prr-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              ground: 'conflicts-with-accepted-requests',
              reasons: 'Line fully booked by accepted defence orders',
              refusedAt: '2026-06-10T09:00:00Z',
            },
          },
        ]);
    });

    it('refuses a refusal without grounds', () => {
      given(issuedHistory()).when(refuse('')).thenRefuses('grounds-required');
    });

    it('refuses a second decision either way', () => {
      given(acceptedHistory()).when(accept()).thenRefuses('already-decided');
      given(acceptedHistory()).when(refuse()).thenRefuses('already-decided');
      given(run(propose(), consent(), issue(), refuse()))
        .when(accept())
        .thenRefuses('already-decided');
    });

    it('lapses at the deadline, not before, and only if still unanswered', () => {
      given(issuedHistory())
        .when({ type: 'MarkLapsed', prrId: 'prr-1', at: '2026-06-22T21:59:59Z' })
        .thenRefuses('deadline-not-passed');
      given(issuedHistory())
        .when({ type: 'MarkLapsed', prrId: 'prr-1', at: '2026-06-22T22:00:00Z' })
        .then([
          {
            type: 'PriorityRatedRequestLapsed',
            data: {
              prrId: 'prr-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              expiredAt: '2026-06-22T22:00:00.000Z',
              recordedAt: '2026-06-22T22:00:00Z',
            },
          },
        ]);
      given(acceptedHistory()).when({ type: 'MarkLapsed', prrId: 'prr-1', at: '2026-06-23T00:00:00Z' }).then([]);
      const lapsed = run(propose(), consent(), issue(), {
        type: 'MarkLapsed',
        prrId: 'prr-1',
        at: '2026-06-23T00:00:00Z',
      });
      given(lapsed).when(accept('2026-06-23T00:00:01Z')).thenRefuses('already-decided');
    });
  });

  describe('delivery', () => {
    it('is fulfilled once on-time deliveries reach the quantity', () => {
      const history = [
        ...acceptedHistory(),
        ...decider.decide(delivery(70, '2026-09-10', '2026-09-11T08:00:00Z'), foldEvents(decider, acceptedHistory())),
      ];
      given(history)
        .when(delivery(50, '2026-09-29', '2026-09-29T18:00:00Z'))
        .then([
          {
            type: 'PriorityRatedDeliveryRecorded',
            data: {
              prrId: 'prr-1',
              operatorId: 'op-ee-1',
              quantity: { amount: 50, unit: 't' },
              deliveredOn: '2026-09-29',
              onTime: true,
              recordedAt: '2026-09-29T18:00:00Z',
            },
          },
          {
            type: 'PriorityRatedRequestFulfilled',
            data: {
              prrId: 'prr-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              delivered: { amount: 120, unit: 't' },
              fulfilledOn: '2026-09-29',
            },
          },
        ]);
    });

    it('is breached after the delivery date with the shortfall, late deliveries not counted', () => {
      const history = run(
        propose(),
        consent(),
        issue(),
        accept(),
        delivery(70, '2026-09-10', '2026-09-11T08:00:00Z'),
        delivery(50, '2026-10-02'),
      );
      given(history)
        .when({ type: 'AssessDelivery', prrId: 'prr-1', at: '2026-09-30T22:00:00Z' })
        .then([
          {
            type: 'PriorityRatedRequestBreached',
            data: {
              prrId: 'prr-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              deliveryDate: '2026-09-30',
              deliveredOnTime: { amount: 70, unit: 't' },
              shortfall: { amount: 50, unit: 't' },
              recordedAt: '2026-09-30T22:00:00Z',
            },
          },
        ]);
    });

    it('is not assessed before the delivery date has passed, and not at all once fulfilled', () => {
      given(acceptedHistory())
        .when({ type: 'AssessDelivery', prrId: 'prr-1', at: '2026-09-30T21:59:59Z' })
        .thenRefuses('delivery-date-not-reached');
      const fulfilled = run(
        propose(),
        consent(),
        issue(),
        accept(),
        delivery(120, '2026-09-30', '2026-09-30T12:00:00Z'),
      );
      given(fulfilled).when({ type: 'AssessDelivery', prrId: 'prr-1', at: '2026-10-01T00:00:00Z' }).then([]);
    });

    it('refuses deliveries on a request not accepted, or dated in the future', () => {
      given(issuedHistory())
        .when(delivery(10, '2026-06-10', '2026-06-10T12:00:00Z'))
        .thenRefuses('not-accepted');
      given(acceptedHistory())
        .when(delivery(10, '2026-09-12', '2026-09-11T12:00:00Z'))
        .thenRefuses('delivery-in-future');
    });
  });

  describe('end with emergency mode', () => {
    const end = (scope: ScopeModeSnapshot = vigilance): PriorityRatedRequestCommand => ({
      type: 'EndWithMode',
      prrId: 'prr-1',
      scope,
      endedAt: '2026-07-15T00:00:00Z',
    });

    it('ends every open request, whatever its stage', () => {
      for (const history of [run(propose()), run(propose(), consent()), issuedHistory(), acceptedHistory()]) {
        const status = (foldEvents(decider, history) as { status: string }).status;
        given(history)
          .when(end())
          .then([
            {
              type: 'PriorityRatedRequestEndedWithMode',
              data: {
                prrId: 'prr-1',
                scopeId: 'rare-earth-magnets',
                statusAtEnd: status,
                endedAt: '2026-07-15T00:00:00Z',
              },
            },
          ]);
      }
    });

    it('refuses while emergency mode is still active', () => {
      given(issuedHistory()).when(end(emergency)).thenRefuses('emergency-mode-still-active');
    });

    it('leaves closed requests alone and blocks anything after the end', () => {
      given(run(propose(), consent(), issue(), refuse()))
        .when(end())
        .then([]);
      const ended = run(propose(), consent(), issue(), end());
      given(ended).when(end()).then([]);
      given(ended).when(refuse()).thenRefuses('request-closed');
      given(ended).when(accept(undefined, emergency)).thenRefuses('request-closed');
    });
  });

  it('refuses commands for a request that does not exist', () => {
    given([]).when(accept()).thenRefuses('request-not-found');
  });

  it('names its stream prr-<id>', () => {
    expect(priorityRatedRequestStream('7f3c')).toBe('prr-7f3c');
  });
});
