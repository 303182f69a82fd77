import { RecordedEvent } from '@imera/event-sourcing';
import { analyst, crisisCell, memberState, operatorPrincipal } from '../../../test/support/tokens';
import { example, IntakeHarness } from '../../intake/test/intake-harness';
import { ResponseScheduleRunner } from '../src/schedules/response-schedule.runner';
import { activation, deactivation, recordScopeModes } from './support/scope-mode-steps';
import { waitUntil } from './support/waiting';

const SCOPE = 'rare-earth-magnets';
const GOODS = ['sintered NdFeB magnets', 'dysprosium oxide'];
const DE = memberState('DE');
const FR = memberState('FR');
const IT = memberState('IT');
const HANAU = operatorPrincipal('DE-magnets-0042');
const LYON = operatorPrincipal('FR-magnets-0007');

const ir = example<{ requestId: string }>('issue-information-request');
const prr = example<{ prrId: string }>('propose-priority-rated-request');
const round = example<{ roundId: string }>('open-distribution-round');
const procurement = example<{ procurementId: string }>('request-joint-procurement');
const SECOND_PRR = '1d7b4a63-0f2c-4e8b-9a3d-4c5e6f7a8b92';

/**
 * The issue's walk-through: one emergency from activation, through a priority-rated request accepted and
 * fulfilled, a stock distribution delivered and a joint procurement matched, to the deactivation that
 * closes what is still open. Every body comes from docs/api/examples.
 */
describe('an emergency from activation to deactivation (response instruments over HTTP)', () => {
  let harness: IntakeHarness;
  const post = (url: string, as: Parameters<IntakeHarness['request']>[2], body: unknown = {}) => harness.request('POST', url, as, body);
  const get = (url: string, as: Parameters<IntakeHarness['request']>[2]) => harness.request('GET', url, as);
  const expectStatus = async (reply: Promise<{ status: number; body: unknown }>, status: number) => {
    const { status: actual, body } = await reply;
    expect({ status: actual, body }).toEqual({ status, body: expect.anything() });
    return body as any;
  };

  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2026-06-01T08:00:00Z' });
  }, 60_000);
  afterAll(() => harness?.stop());

  it('refuses every instrument while the scope is in normal mode', async () => {
    const refused = await post('/api/v1/information-requests', crisisCell, example('issue-information-request'));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('not-in-vigilance-or-emergency-mode');
  });

  it('emergency mode is activated for the rare-earth magnet scope', async () => {
    await recordScopeModes(harness.store, SCOPE, activation(SCOPE, 'emergency', GOODS, '2026-06-01T07:00:00.000Z', '2026-11-30T07:00:00.000Z'));
  });

  it('the crisis cell asks operators for information, answers stay with the Commission and their Member State', async () => {
    await expectStatus(post('/api/v1/information-requests', crisisCell, example('issue-information-request')), 201);
    await expectStatus(post(`/api/v1/information-requests/${ir.requestId}/answers`, HANAU, example('answer-information-request')), 201);
    // An operator answers only for itself.
    await expectStatus(post(`/api/v1/information-requests/${ir.requestId}/answers`, LYON, example('answer-information-request')), 403);

    const forFrance = await expectStatus(get(`/api/v1/information-requests/${ir.requestId}`, FR), 200);
    expect(forFrance.addressees.map((a: any) => [a.operatorId, a.status])).toEqual([['FR-magnets-0007', 'awaiting']]);
    expect(JSON.stringify(forFrance)).not.toContain('three weeks');
    const forGermany = await expectStatus(get(`/api/v1/information-requests/${ir.requestId}`, DE), 200);
    expect(forGermany.addressees[0].response.text).toMatch(/three weeks/);
    await expectStatus(get(`/api/v1/information-requests/${ir.requestId}`, IT), 404);
    await expectStatus(get(`/api/v1/information-requests/${ir.requestId}`, operatorPrincipal('IT-magnets-0001')), 404);
  });

  it('France asks for a priority-rated request, Germany consents, the Commission issues it and the operator accepts', async () => {
    await expectStatus(post('/api/v1/priority-rated-requests', FR, example('propose-priority-rated-request')), 201);
    await expectStatus(get(`/api/v1/priority-rated-requests/${prr.prrId}`, HANAU), 404);
    await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/host-consent`, FR, example('host-consent')), 403);
    await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/host-consent`, DE, example('host-consent')), 201);
    await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/issue`, crisisCell, example('issue-priority-rated-request')), 201);

    const issued = await expectStatus(get(`/api/v1/priority-rated-requests/${prr.prrId}`, HANAU), 200);
    expect(issued).toMatchObject({ status: 'issued', issue: { operatorMayRefuseWithReasons: true, responseDeadline: { workingDays: 10, lastDay: '2026-06-15' } } });
    // The capacity the operator stated in its answer (4 t/day) feeds the conflict check.
    expect(issued.issue.conflictCheck).toBe('no-conflict');
    expect(issued).not.toHaveProperty('justification');

    await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/acceptance`, LYON, { operatorId: 'FR-magnets-0007' }), 404);
    const accepted = await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/acceptance`, HANAU, example('accept-priority-rated-request')), 201);
    expect(accepted.events.map((e: any) => e.type)).toEqual(['PriorityRatedRequestAccepted']);
    await waitUntil(async () => (await get('/api/v1/priority-rated-requests/operator-queues/DE-magnets-0042', analyst)).body.accepted.length === 1, 'queue');
  });

  it('Germany asks for a second request at a French plant, which waits for France', async () => {
    const second = { ...example<Record<string, unknown>>('propose-priority-rated-request'), prrId: SECOND_PRR, operator: { operatorId: 'FR-magnets-0007', operatorName: 'Aimants de Lyon SAS', site: { name: 'Lyon plant', country: 'FR' } } };
    const proposed = await expectStatus(post('/api/v1/priority-rated-requests', DE, second), 201);
    expect(proposed.events.map((e: any) => e.type)).toEqual(['PriorityRatedRequestProposed']);
  });

  it('a stock distribution round allocates German dysprosium to France, which is dispatched and delivered', async () => {
    await expectStatus(post('/api/v1/stock-distributions', crisisCell, example('open-distribution-round')), 201);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/stock-reports`, DE, example('report-stocks')), 201);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/stock-reports`, FR, example('report-stocks')), 403);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/stock-reports`, IT, { memberState: 'IT', held: 300, protectedFloor: 300 }), 201);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/need-reports`, FR, example('report-critical-needs')), 201);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/plans`, analyst, example('commission-step')), 201);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/orders`, crisisCell, example('commission-step')), 201);

    const decided = await expectStatus(get(`/api/v1/stock-distributions/${round.roundId}`, FR), 200);
    expect(decided.orders.map((o: any) => [o.orderId, o.quantity, o.status])).toEqual([['DE-FR', 500, 'issued']]);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/orders/DE-FR/dispatch`, FR, example('dispatch-distribution-order')), 403);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/orders/DE-FR/dispatch`, DE, example('dispatch-distribution-order')), 201);
    await expectStatus(post(`/api/v1/stock-distributions/${round.roundId}/orders/DE-FR/delivery`, FR, example('confirm-distribution-delivery')), 201);
    expect((await get(`/api/v1/stock-distributions/${round.roundId}`, analyst)).body.status).toBe('completed');

    await waitUntil(async () => (await get('/api/v1/stock-distributions/remaining-stock?material=dysprosium', analyst)).body.remainingStock.length === 3, 'remaining stock');
    const remaining = (await get('/api/v1/stock-distributions/remaining-stock?material=dysprosium', analyst)).body.remainingStock;
    expect(remaining.map((s: any) => [s.memberState, s.remaining, s.releasable])).toEqual([
      ['DE', 500, 300],
      ['FR', 500, 500],
      ['IT', 300, 0],
    ]);
    const forFrance = (await get('/api/v1/stock-distributions/remaining-stock', FR)).body.remainingStock;
    expect(forFrance.map((s: any) => s.memberState)).toEqual(['FR']);
  });

  it('Germany and France buy dysprosium jointly: demand, offers, pro-rata matching, results to the participants', async () => {
    await expectStatus(post('/api/v1/joint-procurements', DE, example('request-joint-procurement')), 201);
    await expectStatus(post(`/api/v1/joint-procurements/${procurement.procurementId}/acceptance`, crisisCell, example('accept-joint-procurement')), 201);
    await expectStatus(post(`/api/v1/joint-procurements/${procurement.procurementId}/demands`, DE, example('state-demand')), 201);
    await expectStatus(post(`/api/v1/joint-procurements/${procurement.procurementId}/demands`, FR, { ...example<Record<string, unknown>>('state-demand'), memberState: 'FR', quantity: 200 }), 201);

    harness.clock.set('2026-06-09T08:00:00Z');
    const base = `/api/v1/joint-procurements/${procurement.procurementId}`;
    await expectStatus(post(`${base}/aggregation`, crisisCell, example('commission-step')), 201);
    await expectStatus(post(`${base}/offers`, crisisCell, example('record-supplier-offer')), 201);
    await expectStatus(post(`${base}/matching`, crisisCell), 201);
    await expectStatus(post(`${base}/publication`, crisisCell), 201);

    const forFrance = await expectStatus(get(base, FR), 200);
    expect(forFrance.status).toBe('published');
    expect(forFrance.matching.results[0]).toMatchObject({ totalDemand: 600, totalOffered: 300, totalMatched: 300, participants: [{ memberState: 'FR', demand: 200, matched: 100 }] });
    expect(forFrance.offers).toEqual([]);
    const forItaly = await expectStatus(get(base, IT), 200);
    expect(forItaly.matching).toBeUndefined();
  });

  it('the operator delivers in time and the request is fulfilled', async () => {
    harness.clock.set('2026-06-20T10:00:00Z');
    const delivered = await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/deliveries`, HANAU, example('record-priority-rated-delivery')), 201);
    expect(delivered.events.map((e: any) => e.type)).toEqual(['PriorityRatedDeliveryRecorded', 'PriorityRatedRequestFulfilled']);
    const again = await expectStatus(post(`/api/v1/priority-rated-requests/${prr.prrId}/deliveries`, HANAU, example('record-priority-rated-delivery')), 200);
    expect(again.outcome).toBe('repeated');
  });

  it('the dashboard lists what is still open in the scope', async () => {
    await waitUntil(async () => (await get(`/api/v1/scopes/${SCOPE}/open-instruments`, crisisCell)).body.openInstruments.length === 2, 'open instruments');
    const open = (await get(`/api/v1/scopes/${SCOPE}/open-instruments`, crisisCell)).body.openInstruments;
    expect(open.map((o: any) => [o.kind, o.id, o.status])).toEqual([
      ['information-request', ir.requestId, 'open'],
      ['priority-rated-request', SECOND_PRR, 'proposed'],
    ]);
    expect(open[0].nextDeadline).toEqual({ what: 'answers due', due: '2026-06-30T16:00:00.000Z' });
    await expectStatus(get(`/api/v1/scopes/${SCOPE}/open-instruments`, DE), 403);
  });

  it('deactivation of emergency mode closes what is open, and leaves what was completed', async () => {
    harness.clock.set('2026-06-22T09:00:00Z');
    await recordScopeModes(harness.store, SCOPE, deactivation(SCOPE, 'emergency', '2026-06-22T09:00:00.000Z'));
    await waitUntil(async () => (await get(`/api/v1/priority-rated-requests/${SECOND_PRR}`, analyst)).body.status === 'ended-with-mode', 'second request ended');
    await waitUntil(async () => (await get(`/api/v1/information-requests/${ir.requestId}`, analyst)).body.status === 'ended-with-mode', 'information request ended');

    expect((await get(`/api/v1/priority-rated-requests/${prr.prrId}`, analyst)).body.status).toBe('fulfilled');
    const ended = (await get(`/api/v1/information-requests/${ir.requestId}`, analyst)).body;
    expect(ended.addressees.map((a: any) => [a.operatorId, a.status])).toEqual([
      ['DE-magnets-0042', 'answered'],
      ['FR-magnets-0007', 'request-ended'],
    ]);
    await waitUntil(async () => (await get(`/api/v1/scopes/${SCOPE}/open-instruments`, crisisCell)).body.openInstruments.length === 0, 'nothing open');
    await harness.app.get(ResponseScheduleRunner).kick();
    const endings = (await harness.allEvents()).filter((event) => event.type.endsWith('EndedWithMode'));
    expect(endings.map((event) => event.type).sort()).toEqual(['InformationRequestEndedWithMode', 'PriorityRatedRequestEndedWithMode']);
    for (const event of endings) expect(event.metadata.actor).toBe('system:response-schedule');
  });

  it("puts every change on the scope's timeline: each instrument event names its scope", async () => {
    const instrumentEvents = (await harness.allEvents()).filter((event: RecordedEvent) => /^(infoRequest|prr|stockDistribution|jointProcurement)-/.test(event.streamName));
    expect(instrumentEvents.length).toBeGreaterThan(25);
    for (const event of instrumentEvents) expect(event.metadata.scopeId).toBe(SCOPE);
  });
});
