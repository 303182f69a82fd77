import { analyst, councilSecretariat, crisisCell, memberState, operatorPrincipal } from '../../../test/support/tokens';
import { example, IntakeHarness } from '../../intake/test/intake-harness';
import { activation, recordScopeModes } from './support/scope-mode-steps';

const EMERGENCY = 'rare-earth-magnets';
const VIGILANCE = 'battery-raw-materials';
const DE = memberState('DE');
const FR = memberState('FR');
const IT = memberState('IT');
const HANAU = operatorPrincipal('DE-magnets-0042');
const LYON = operatorPrincipal('FR-magnets-0007');

type Body = Record<string, any>;
const body = (name: string, overrides: Body = {}): Body => ({ ...example<Body>(name), ...overrides });

/** What the response APIs refuse, and how: validation, roles, confidentiality, repeats, modes, refusals. */
describe('response instruments over HTTP: checks and refusals', () => {
  let harness: IntakeHarness;
  const post = (url: string, as: Parameters<IntakeHarness['request']>[2], payload?: unknown) => harness.request('POST', url, as, payload);
  const get = (url: string, as: Parameters<IntakeHarness['request']>[2]) => harness.request('GET', url, as);

  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2026-06-01T08:00:00Z' });
    await recordScopeModes(harness.store, EMERGENCY, activation(EMERGENCY, 'emergency', ['sintered NdFeB magnets'], '2026-06-01T07:00:00.000Z', '2026-11-30T07:00:00.000Z'));
    await recordScopeModes(harness.store, VIGILANCE, activation(VIGILANCE, 'vigilance', ['lithium hydroxide'], '2026-06-01T07:00:00.000Z', '2026-11-30T07:00:00.000Z'));
  }, 60_000);
  afterAll(() => harness?.stop());

  describe('validation and authentication', () => {
    it('reports every failing field at once and refuses unknown fields', async () => {
      const reply = await post('/api/v1/information-requests', crisisCell, body('issue-information-request', { requestId: 'not-a-uuid', topics: ['gossip'], deadline: 'soon', urgency: 'high' }));
      expect(reply.status).toBe(400);
      expect(reply.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['deadline', 'requestId', 'topics', 'urgency']);
    });

    it('requires nested objects, not just valid ones when present', async () => {
      const { operator: _operator, ...withoutOperator } = body('propose-priority-rated-request');
      const reply = await post('/api/v1/priority-rated-requests', DE, withoutOperator);
      expect(reply.status).toBe(400);
      expect(reply.body.fields.map((f: { field: string }) => f.field)).toContain('operator');
    });

    it('asks for a token, and admits only the roles of each step', async () => {
      expect((await post('/api/v1/information-requests', undefined, body('issue-information-request'))).status).toBe(401);
      expect((await post('/api/v1/information-requests', HANAU, body('issue-information-request'))).status).toBe(403);
      expect((await post('/api/v1/priority-rated-requests', crisisCell, body('propose-priority-rated-request'))).status).toBe(403);
      expect((await get('/api/v1/stock-distributions', HANAU)).status).toBe(403);
      expect((await get('/api/v1/information-requests', councilSecretariat)).status).toBe(403);
    });
  });

  describe('information requests', () => {
    const id = body('issue-information-request').requestId;

    it('answers a repeat with the original result, and refuses the id for other content', async () => {
      const first = await post('/api/v1/information-requests', crisisCell, body('issue-information-request'));
      expect(first.status).toBe(201);
      const again = await post('/api/v1/information-requests', crisisCell, body('issue-information-request'));
      expect(again.status).toBe(200);
      expect(again.body.events[0].id).toBe(first.body.events[0].id);
      const other = await post('/api/v1/information-requests', crisisCell, body('issue-information-request', { questions: 'Other questions' }));
      expect(other.status).toBe(409);
      expect(other.body.error).toBe('information-request-exists');
    });

    it('takes a reasoned refusal once (IMERA Art 27), and shows it only to the Commission and the operator\'s Member State', async () => {
      expect((await post(`/api/v1/information-requests/${id}/refusals`, LYON, body('decline-information-request'))).status).toBe(201);
      const twice = await post(`/api/v1/information-requests/${id}/refusals`, LYON, body('decline-information-request', { reasons: 'Changed my mind' }));
      expect(twice.status).toBe(409);
      expect(twice.body.error).toBe('already-responded');
      const forGermany = (await get(`/api/v1/information-requests/${id}`, DE)).body;
      expect(JSON.stringify(forGermany)).not.toContain('confidentiality agreements');
      const forFrance = (await get(`/api/v1/information-requests/${id}`, FR)).body;
      expect(forFrance.addressees[0].response).toMatchObject({ kind: 'declined', reasons: expect.stringMatching(/confidentiality agreements/) });
      const list = (await get(`/api/v1/information-requests?scopeId=${EMERGENCY}`, IT)).body;
      expect(list.informationRequests).toEqual([]);
    });

    it('allows voluntary requests in vigilance mode but mandatory ones only in emergency (IMERA Art 26)', async () => {
      const vigilance = { requestId: 'c3e5a7b9-2d4f-4a6b-8c0d-1e2f3a4b5c61', scopeId: VIGILANCE, goods: ['lithium hydroxide'] };
      const mandatory = await post('/api/v1/information-requests', crisisCell, body('issue-information-request', { ...vigilance, mandatory: true }));
      expect(mandatory.status).toBe(422);
      expect(mandatory.body.error).toBe('mandatory-request-requires-emergency-mode');
      expect((await post('/api/v1/information-requests', crisisCell, body('issue-information-request', { ...vigilance, mandatory: false }))).status).toBe(201);
    });
  });

  describe('priority-rated requests', () => {
    const french = (prrId: string) =>
      body('propose-priority-rated-request', { prrId, operator: { operatorId: 'FR-magnets-0007', operatorName: 'Aimants de Lyon SAS', site: { name: 'Lyon plant', country: 'FR' } } });

    it('exist only in emergency mode, for crisis-relevant goods (IMERA Art 26)', async () => {
      const inVigilance = await post('/api/v1/priority-rated-requests', DE, body('propose-priority-rated-request', { prrId: 'd4f6b8c0-3e5a-4b7c-9d1e-2f3a4b5c6d71', scopeId: VIGILANCE }));
      expect(inVigilance.status).toBe(422);
      expect(inVigilance.body.error).toBe('not-in-emergency-mode');
      const notListed = await post('/api/v1/priority-rated-requests', DE, body('propose-priority-rated-request', { prrId: 'd4f6b8c0-3e5a-4b7c-9d1e-2f3a4b5c6d72', goods: 'bonded magnets' }));
      expect(notListed.body.error).toBe('goods-not-crisis-relevant');
    });

    it('closes a request the host Member State refuses, with its reasons', async () => {
      const prrId = 'd4f6b8c0-3e5a-4b7c-9d1e-2f3a4b5c6d73';
      expect((await post('/api/v1/priority-rated-requests', DE, french(prrId))).status).toBe(201);
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/host-consent`, FR, { consent: false })).status).toBe(400);
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/host-consent`, FR, body('refuse-host-consent'))).status).toBe(201);
      const record = (await get(`/api/v1/priority-rated-requests/${prrId}`, DE)).body;
      expect(record).toMatchObject({ status: 'host-refused', hostDecision: { consented: false, reasons: expect.stringMatching(/defence orders/) } });
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/issue`, crisisCell, body('issue-priority-rated-request'))).status).toBe(422);
      expect((await get(`/api/v1/priority-rated-requests/${prrId}`, IT)).status).toBe(404);
    });

    it('records an operator\'s refusal with its ground, and lets no one else answer for it', async () => {
      const prrId = body('propose-priority-rated-request').prrId;
      expect((await post('/api/v1/priority-rated-requests', DE, body('propose-priority-rated-request'))).status).toBe(201);
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/issue`, analyst, body('issue-priority-rated-request'))).status).toBe(201);
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/refusal`, HANAU, body('refuse-priority-rated-request', { operatorId: 'FR-magnets-0007' }))).status).toBe(403);
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/refusal`, HANAU, body('refuse-priority-rated-request'))).status).toBe(201);
      expect((await post(`/api/v1/priority-rated-requests/${prrId}/acceptance`, HANAU, body('accept-priority-rated-request'))).status).toBe(409);
      expect((await get(`/api/v1/priority-rated-requests/${prrId}`, HANAU)).body.response).toMatchObject({ kind: 'refused', ground: 'conflicts-with-accepted-requests' });
    });
  });

  describe('stock distribution', () => {
    it('plans in vigilance mode but issues orders only in emergency', async () => {
      const roundId = 'e5a7c9d1-4f6b-4c8d-8e2f-3a4b5c6d7e81';
      expect((await post('/api/v1/stock-distributions', crisisCell, body('open-distribution-round', { roundId, scopeId: VIGILANCE, material: 'lithium', unit: 't' }))).status).toBe(201);
      expect((await post(`/api/v1/stock-distributions/${roundId}/stock-reports`, DE, body('report-stocks'))).status).toBe(201);
      expect((await post(`/api/v1/stock-distributions/${roundId}/need-reports`, FR, body('report-critical-needs'))).status).toBe(201);
      expect((await post(`/api/v1/stock-distributions/${roundId}/plans`, crisisCell)).status).toBe(201);
      const orders = await post(`/api/v1/stock-distributions/${roundId}/orders`, crisisCell, body('commission-step'));
      expect(orders.status).toBe(422);
      expect(orders.body.error).toBe('not-in-emergency-mode');
      const round = (await get(`/api/v1/stock-distributions/${roundId}`, IT)).body;
      expect(round.latestPlan.allocation.orders).toEqual([{ from: 'DE', to: 'FR', quantity: 500 }]);
    });
  });

  describe('joint procurement', () => {
    it('is asked for by a requesting Member State only, and a refusal states its reasons', async () => {
      expect((await post('/api/v1/joint-procurements', IT, body('request-joint-procurement'))).status).toBe(403);
      const single = await post('/api/v1/joint-procurements', DE, body('request-joint-procurement', { requestingMemberStates: ['DE'] }));
      expect(single.status).toBe(400);
      const id = body('request-joint-procurement').procurementId;
      expect((await post('/api/v1/joint-procurements', FR, body('request-joint-procurement'))).status).toBe(201);
      expect((await post(`/api/v1/joint-procurements/${id}/refusal`, DE, body('refuse-joint-procurement'))).status).toBe(403);
      expect((await post(`/api/v1/joint-procurements/${id}/refusal`, crisisCell, body('refuse-joint-procurement'))).status).toBe(201);
      expect((await post(`/api/v1/joint-procurements/${id}/acceptance`, crisisCell, body('accept-joint-procurement'))).status).toBe(409);
      expect((await get(`/api/v1/joint-procurements/${id}`, DE)).body).toMatchObject({ status: 'refused', decision: { accepted: false } });
      expect((await get(`/api/v1/joint-procurements/${id}`, IT)).status).toBe(404);
    });
  });
});
