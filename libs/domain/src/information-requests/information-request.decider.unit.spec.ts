import { DomainRuleViolation, foldEvents } from '@imera/event-sourcing';
import { ScopeModeSnapshot } from '@imera/domain/imera-modes';
import {
  createInformationRequestDecider,
  informationRequestStream,
  InformationRequestCommand,
  InformationRequestEvent,
  InformationRequestIssued,
  IssueInformationRequest,
  isVisibleTo,
  addresseesVisibleTo,
} from './index';

const decider = createInformationRequestDecider();

function given(events: InformationRequestEvent[]) {
  const state = foldEvents(decider, events);
  return {
    when: (command: InformationRequestCommand) => ({
      then: (expected: InformationRequestEvent[]) => expect(decider.decide(command, state)).toEqual(expected),
      thenEvents: () => decider.decide(command, state),
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
  scopeId: 'rare-earth-magnets',
  mode,
  goodsOfCriticalImportance: ['ndfeb-magnets', 'dysprosium-oxide'],
  crisisRelevantGoods: mode === 'emergency' ? ['ndfeb-magnets'] : [],
});

const issue = (overrides: Partial<IssueInformationRequest> = {}): IssueInformationRequest => ({
  type: 'IssueInformationRequest',
  requestId: 'ir-1',
  scope: scope('vigilance'),
  mandatory: false,
  topics: ['production-capacity', 'stocks'],
  goods: ['ndfeb-magnets'],
  questions: 'State your monthly NdFeB output and stocks of dysprosium.',
  addressees: [
    { operatorId: 'op-de-1', operatorName: 'Magnetwerk GmbH', memberState: 'DE' },
    { operatorId: 'op-ee-1', operatorName: 'Baltic Magnets AS', memberState: 'EE' },
  ],
  deadline: '2026-06-15T15:00:00Z',
  issuedAt: '2026-06-01T09:00:00Z',
  issuedBy: 'commission:dg-grow',
  ...overrides,
});

function issued(overrides: Partial<IssueInformationRequest> = {}): InformationRequestIssued {
  return decider.decide(issue(overrides), decider.initialState())[0] as InformationRequestIssued;
}

describe('information requests', () => {
  describe('issuing', () => {
    it('issues a voluntary request in vigilance mode without penalty terms', () => {
      given([])
        .when(issue())
        .then([
          {
            type: 'InformationRequestIssued',
            data: {
              requestId: 'ir-1',
              scopeId: 'rare-earth-magnets',
              issuedInMode: 'vigilance',
              mandatory: false,
              topics: ['production-capacity', 'stocks'],
              goods: ['ndfeb-magnets'],
              questions: 'State your monthly NdFeB output and stocks of dysprosium.',
              addressees: issue().addressees,
              deadline: '2026-06-15T15:00:00Z',
              issuedAt: '2026-06-01T09:00:00Z',
              issuedBy: 'commission:dg-grow',
            },
          },
        ]);
    });

    it('states the configured penalties, labelled unverified, on a mandatory request in emergency mode', () => {
      const [event] = given([])
        .when(issue({ scope: scope('emergency'), mandatory: true }))
        .thenEvents();
      expect(event.type).toBe('InformationRequestIssued');
      const data = (event as InformationRequestIssued).data;
      expect(data.issuedInMode).toBe('emergency');
      expect(data.penaltyTerms?.status).toBe('unverified-default');
      expect(data.penaltyTerms?.maximumFine).toEqual({ amount: 300_000, currency: 'EUR' });
    });

    it('takes penalty terms from configuration', () => {
      const custom = createInformationRequestDecider({
        mandatoryRequestPenalties: {
          status: 'confirmed',
          source: 'implementing act',
          maximumFine: { amount: 1, currency: 'EUR' },
        },
      });
      const [event] = custom.decide(issue({ scope: scope('emergency'), mandatory: true }), custom.initialState());
      expect((event as InformationRequestIssued).data.penaltyTerms?.source).toBe('implementing act');
    });

    it('refuses a request in normal mode', () => {
      given([])
        .when(issue({ scope: scope('normal') }))
        .thenRefuses('not-in-vigilance-or-emergency-mode');
    });

    it('refuses a snapshot whose mode period ended before the time of issue', () => {
      given([])
        .when(issue({ scope: { ...scope('vigilance'), activeUntil: '2026-06-01T09:00:00Z' } }))
        .thenRefuses('mode-period-ended');
    });

    it('refuses a mandatory request in vigilance mode', () => {
      given([])
        .when(issue({ mandatory: true }))
        .thenRefuses('mandatory-request-requires-emergency-mode');
    });

    it('refuses a mandatory request for goods not on the crisis-relevant list', () => {
      given([])
        .when(issue({ scope: scope('emergency'), mandatory: true, goods: ['dysprosium-oxide'] }))
        .thenRefuses('goods-not-crisis-relevant');
    });

    it('refuses a voluntary request for goods on no list of the scope', () => {
      given([])
        .when(issue({ goods: ['copper-cathode'] }))
        .thenRefuses('goods-not-of-critical-importance');
    });

    it('refuses a deadline that is not after the time of issue', () => {
      given([])
        .when(issue({ deadline: '2026-06-01T09:00:00Z' }))
        .thenRefuses('deadline-not-in-future');
    });

    it('refuses an operator addressed twice, no addressees and empty questions', () => {
      const twice = issue().addressees[0];
      given([])
        .when(issue({ addressees: [twice, twice] }))
        .thenRefuses('duplicate-addressee');
      given([])
        .when(issue({ addressees: [] }))
        .thenRefuses('addressees-required');
      given([])
        .when(issue({ questions: '  ' }))
        .thenRefuses('questions-required');
    });

    it('refuses issuing the same request twice', () => {
      given([issued()]).when(issue()).thenRefuses('already-issued');
    });
  });

  describe('answering and declining', () => {
    const answer = (at = '2026-06-10T10:00:00Z', operatorId = 'op-de-1'): InformationRequestCommand => ({
      type: 'AnswerInformationRequest',
      requestId: 'ir-1',
      operatorId,
      figures: [
        {
          topic: 'production-capacity',
          label: 'NdFeB sintering capacity',
          goods: 'ndfeb-magnets',
          value: 1200,
          unit: 't/year',
        },
      ],
      text: 'Capacity as of June 2026.',
      answeredAt: at,
    });

    it('records an answer with the operator Member State so readers can filter', () => {
      given([issued()])
        .when(answer())
        .then([
          {
            type: 'InformationRequestAnswered',
            data: {
              requestId: 'ir-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-de-1',
              memberState: 'DE',
              figures: [
                {
                  topic: 'production-capacity',
                  label: 'NdFeB sintering capacity',
                  goods: 'ndfeb-magnets',
                  value: 1200,
                  unit: 't/year',
                },
              ],
              text: 'Capacity as of June 2026.',
              answeredAt: '2026-06-10T10:00:00Z',
            },
          },
        ]);
    });

    it('refuses an answer at or after the deadline', () => {
      given([issued()]).when(answer('2026-06-15T15:00:00Z')).thenRefuses('deadline-passed');
    });

    it('refuses a second response from the same operator', () => {
      const first = decider.decide(answer(), foldEvents(decider, [issued()]));
      given([issued(), ...first])
        .when(answer())
        .thenRefuses('already-responded');
    });

    it('refuses an answer from an operator that was not addressed', () => {
      given([issued()]).when(answer(undefined, 'op-fr-9')).thenRefuses('operator-not-addressed');
    });

    it('refuses a negative figure and an answer with neither figures nor text', () => {
      const base = answer() as Extract<InformationRequestCommand, { type: 'AnswerInformationRequest' }>;
      given([issued()])
        .when({ ...base, figures: [{ ...base.figures[0], value: -1 }] })
        .thenRefuses('invalid-figure');
      given([issued()])
        .when({ ...base, figures: [], text: ' ' })
        .thenRefuses('empty-answer');
    });

    it('refuses a command on a request that was never issued', () => {
      given([]).when(answer()).thenRefuses('request-not-issued');
    });

    it('records a reasoned refusal', () => {
      given([issued({ scope: scope('emergency'), mandatory: true })])
        .when({
          type: 'DeclineInformationRequest',
          requestId: 'ir-1',
          operatorId: 'op-ee-1',
          reasons: 'Trade secret: supplier list.',
          declinedAt: '2026-06-02T08:00:00Z',
        })
        .then([
          {
            type: 'InformationRequestDeclined',
            data: {
              requestId: 'ir-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              memberState: 'EE',
              reasons: 'Trade secret: supplier list.',
              mandatory: true,
              declinedAt: '2026-06-02T08:00:00Z',
            },
          },
        ]);
    });

    it('refuses a refusal without reasons', () => {
      given([issued()])
        .when({
          type: 'DeclineInformationRequest',
          requestId: 'ir-1',
          operatorId: 'op-ee-1',
          reasons: '',
          declinedAt: '2026-06-02T08:00:00Z',
        })
        .thenRefuses('reasons-required');
    });
  });

  describe('deadline', () => {
    const answered: InformationRequestEvent = {
      type: 'InformationRequestAnswered',
      data: {
        requestId: 'ir-1',
        scopeId: 'rare-earth-magnets',
        operatorId: 'op-de-1',
        memberState: 'DE',
        figures: [],
        text: 'ok',
        answeredAt: '2026-06-02T00:00:00Z',
      },
    };

    it('is refused before the deadline', () => {
      given([issued()])
        .when({ type: 'MarkOverdue', requestId: 'ir-1', at: '2026-06-15T14:59:59Z' })
        .thenRefuses('deadline-not-passed');
    });

    it('marks every operator still silent, and only those', () => {
      given([issued(), answered])
        .when({ type: 'MarkOverdue', requestId: 'ir-1', at: '2026-06-15T15:00:00Z' })
        .then([
          {
            type: 'InformationRequestDeadlineMissed',
            data: {
              requestId: 'ir-1',
              scopeId: 'rare-earth-magnets',
              operatorId: 'op-ee-1',
              memberState: 'EE',
              mandatory: false,
              deadline: '2026-06-15T15:00:00Z',
              recordedAt: '2026-06-15T15:00:00Z',
            },
          },
        ]);
    });

    it('does nothing when the scheduler repeats itself', () => {
      const first = decider.decide(
        { type: 'MarkOverdue', requestId: 'ir-1', at: '2026-06-16T00:00:00Z' },
        foldEvents(decider, [issued()]),
      );
      expect(first).toHaveLength(2);
      given([issued(), ...first])
        .when({ type: 'MarkOverdue', requestId: 'ir-1', at: '2026-06-16T00:00:01Z' })
        .then([]);
    });
  });

  describe('end with the mode', () => {
    const end = (mode: ScopeModeSnapshot['mode']): InformationRequestCommand => ({
      type: 'EndWithMode',
      requestId: 'ir-1',
      scope: scope(mode),
      endedAt: '2026-07-01T00:00:00Z',
    });

    it('ends an emergency-mode request when the scope falls back to vigilance, listing who was pending', () => {
      given([issued({ scope: scope('emergency'), mandatory: true })])
        .when(end('vigilance'))
        .then([
          {
            type: 'InformationRequestEndedWithMode',
            data: {
              requestId: 'ir-1',
              scopeId: 'rare-earth-magnets',
              issuedInMode: 'emergency',
              modeNow: 'vigilance',
              pendingAddressees: [
                { operatorId: 'op-de-1', memberState: 'DE' },
                { operatorId: 'op-ee-1', memberState: 'EE' },
              ],
              endedAt: '2026-07-01T00:00:00Z',
            },
          },
        ]);
    });

    it('keeps a vigilance-mode request alive when the scope escalates to emergency', () => {
      given([issued()]).when(end('emergency')).thenRefuses('mode-still-active');
    });

    it('refuses answers once ended and ignores a second end', () => {
      const ended = decider.decide(end('normal'), foldEvents(decider, [issued()]));
      given([issued(), ...ended])
        .when({
          type: 'AnswerInformationRequest',
          requestId: 'ir-1',
          operatorId: 'op-de-1',
          figures: [],
          text: 'late',
          answeredAt: '2026-07-02T00:00:00Z',
        })
        .thenRefuses('request-ended');
      given([issued(), ...ended])
        .when(end('normal'))
        .then([]);
    });

    it('refuses a snapshot of another scope', () => {
      given([issued()])
        .when({
          ...(end('normal') as Extract<InformationRequestCommand, { type: 'EndWithMode' }>),
          scope: { ...scope('normal'), scopeId: 'gallium' },
        })
        .thenRefuses('wrong-scope');
    });
  });

  describe('confidentiality', () => {
    const answeredByDe: InformationRequestEvent = {
      type: 'InformationRequestAnswered',
      data: {
        requestId: 'ir-1',
        scopeId: 'rare-earth-magnets',
        operatorId: 'op-de-1',
        memberState: 'DE',
        figures: [],
        text: 'x',
        answeredAt: '2026-06-02T00:00:00Z',
      },
    };

    it('shows an answer to the Commission and the operator Member State only', () => {
      expect(isVisibleTo({ kind: 'commission' }, answeredByDe)).toBe(true);
      expect(isVisibleTo({ kind: 'member-state', memberState: 'DE' }, answeredByDe)).toBe(true);
      expect(isVisibleTo({ kind: 'member-state', memberState: 'EE' }, answeredByDe)).toBe(false);
    });

    it('shows a Member State only the requests and addressees that concern its operators', () => {
      expect(isVisibleTo({ kind: 'member-state', memberState: 'FR' }, issued())).toBe(false);
      expect(
        addresseesVisibleTo({ kind: 'member-state', memberState: 'EE' }, issued().data.addressees).map(
          (a) => a.operatorId,
        ),
      ).toEqual(['op-ee-1']);
    });
  });

  it('names its stream infoRequest-<id>', () => {
    expect(informationRequestStream('ir-1')).toBe('infoRequest-ir-1');
  });
});
