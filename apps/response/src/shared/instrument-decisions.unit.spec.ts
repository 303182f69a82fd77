import { collect, DomainRuleViolation, ManualClock, RecordedEvent } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { Topics } from '@imera/messaging';
import { DecisionPublisher, RequestContext } from '@imera/platform';
import { GOODS, SCOPE_ID } from '../../test/support/instrument-commands';
import { DirectRecordingBus } from '../../test/support/direct-bus';
import { activation, recordScopeModes } from '../../test/support/scope-mode-steps';
import { InformationRequestWorkflow } from '../information-requests/information-request-workflow';
import { IssueInformationRequestDto } from '../information-requests/information-request.dto';
import { ScopeModes } from '../scope-modes/scope-modes';
import { StockDistributionWorkflow } from '../stock-distributions/stock-distribution-workflow';

const REQUEST_ID = '6f1c2a4e-8d7b-4c1e-9a55-0a6b3c2d1e01';
const ROUND_ID = '7f1c2a4e-8d7b-4c1e-9a55-0a6b3c2d1e02';
const context: RequestContext = { actor: 'crisis-cell-1', correlationId: 'c-1' };

function issueDto(overrides: Partial<IssueInformationRequestDto> = {}): IssueInformationRequestDto {
  return {
    requestId: REQUEST_ID,
    scopeId: SCOPE_ID,
    mandatory: true,
    topics: ['production-capacity'],
    goods: [GOODS],
    questions: 'What can you produce per day?',
    addressees: [{ operatorId: 'DE-magnets-0042', operatorName: 'Hanau Magnet Works GmbH', memberState: 'DE' }],
    deadline: '2026-06-10T16:00:00Z',
    ...overrides,
  };
}

describe('the decision path of the response instruments', () => {
  let store: InMemoryEventStore;
  let bus: DirectRecordingBus;
  let clock: ManualClock;
  const workflow = () => new InformationRequestWorkflow(store, new DecisionPublisher(store, bus), new ScopeModes(store), clock);
  const streamEvents = async (name: string): Promise<RecordedEvent[]> => collect(store.readStream(name));

  beforeEach(async () => {
    clock = new ManualClock('2026-06-01T08:00:00Z');
    store = new InMemoryEventStore(clock);
    bus = new DirectRecordingBus(store);
    await recordScopeModes(store, SCOPE_ID, activation(SCOPE_ID, 'emergency', [GOODS], '2026-05-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z'));
  });

  it('records the decided events with the scope, the actor and the request fingerprint, keyed by its stream', async () => {
    const result = await workflow().issue(issueDto(), context);
    expect(result.outcome).toBe('recorded');
    const [issued] = await streamEvents(`infoRequest-${REQUEST_ID}`);
    expect(issued.type).toBe('InformationRequestIssued');
    expect(issued.metadata).toMatchObject({ scopeId: SCOPE_ID, actor: 'crisis-cell-1', correlationId: 'c-1', requestFingerprint: expect.any(String) });
    expect(issued.data).toMatchObject({ scopeId: SCOPE_ID, issuedInMode: 'emergency', issuedAt: '2026-06-01T08:00:00.000Z', issuedBy: 'crisis-cell-1' });
    expect(bus.published.map(({ topic, message }) => [topic, message.key])).toEqual([[Topics.responseInstruments, `infoRequest-${REQUEST_ID}`]]);
  });

  it('answers a repeated request with what it stored, and refuses the id for other content', async () => {
    const first = await workflow().issue(issueDto(), context);
    clock.advance(60_000);
    const again = await workflow().issue(issueDto(), context);
    expect(again).toEqual({ ...first, outcome: 'repeated' });
    await expect(workflow().issue(issueDto({ questions: 'Something else' }), context)).rejects.toMatchObject({ code: 'information-request-exists' });
    expect(await streamEvents(`infoRequest-${REQUEST_ID}`)).toHaveLength(1);
  });

  it("guards with the scope's mode as its own stream has it: no request in normal mode", async () => {
    await expect(workflow().issue(issueDto({ scopeId: 'battery-raw-materials' }), context)).rejects.toMatchObject({ code: 'not-in-vigilance-or-emergency-mode' });
  });

  it('stores a scheduled step once, however often and from however many instances it is sent', async () => {
    await workflow().issue(issueDto(), context);
    clock.set('2026-06-11T00:00:00Z');
    const scheduled = { actor: 'system:response-schedule', correlationId: 'schedule' };
    const [a, b] = await Promise.all([workflow().markOverdue(REQUEST_ID, '2026-06-10T16:00:00.000Z', scheduled), workflow().markOverdue(REQUEST_ID, '2026-06-10T16:00:00.000Z', scheduled)]);
    expect(a?.events.map((event) => event.id)).toEqual(b?.events.map((event) => event.id));
    expect(await workflow().markOverdue(REQUEST_ID, '2026-06-10T16:00:00.000Z', scheduled)).toBeUndefined();
    const missed = (await streamEvents(`infoRequest-${REQUEST_ID}`)).filter((event) => event.type === 'InformationRequestDeadlineMissed');
    expect(missed).toHaveLength(1);
    expect(missed[0].data).toMatchObject({ operatorId: 'DE-magnets-0042', recordedAt: '2026-06-10T16:00:00.000Z' });
  });

  it('refuses a step on an instrument that does not exist', async () => {
    const answer = workflow().answer(REQUEST_ID, { operatorId: 'DE-magnets-0042', figures: [], text: 'x' }, context);
    await expect(answer).rejects.toBeInstanceOf(DomainRuleViolation);
    await expect(answer).rejects.toMatchObject({ code: 'information-request-not-found' });
  });

  describe('reports a later one replaces', () => {
    const rounds = () => new StockDistributionWorkflow(store, new DecisionPublisher(store, bus), new ScopeModes(store), clock);
    const round = () => streamEvents(`stockDistribution-${ROUND_ID}`);

    beforeEach(() => rounds().open({ roundId: ROUND_ID, scopeId: SCOPE_ID, material: 'dysprosium', unit: 'kg', basis: 'need' }, context));

    it('records 10, 0 and 10 again, but not a repeat of the latest', async () => {
      const report = (held: number) => rounds().reportStocks(ROUND_ID, { memberState: 'DE', held, protectedFloor: 0 }, context);
      expect((await report(10)).outcome).toBe('recorded');
      expect((await report(0)).outcome).toBe('recorded');
      expect((await report(10)).outcome).toBe('recorded');
      expect((await report(10)).outcome).toBe('repeated');
      expect((await round()).filter((event) => event.type === 'StocksReported').map((event) => event.data.held)).toEqual([10, 0, 10]);
    });

    it('plans again only when the reports changed', async () => {
      await rounds().reportStocks(ROUND_ID, { memberState: 'DE', held: 100, protectedFloor: 0 }, context);
      await rounds().reportNeeds(ROUND_ID, { memberState: 'FR', need: 40, consumption: 100 }, context);
      expect((await rounds().plan(ROUND_ID, {}, context)).outcome).toBe('recorded');
      expect((await rounds().plan(ROUND_ID, {}, context)).outcome).toBe('repeated');
      await rounds().reportNeeds(ROUND_ID, { memberState: 'IT', need: 80, consumption: 100 }, context);
      expect((await rounds().plan(ROUND_ID, { comment: 'with Italy' }, context)).outcome).toBe('recorded');
      const plans = (await round()).filter((event) => event.type === 'StockAllocationPlanned');
      expect(plans).toHaveLength(2);
      expect(plans[1].metadata.comment).toBe('with Italy');
    });
  });
});
