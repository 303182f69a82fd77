import { randomUUID } from 'node:crypto';
import { collect } from '@imera/event-sourcing';
import { example, IntakeHarness } from '../../intake/test/intake-harness';
import { analyst, councilSecretariat, crisisCell, memberState } from '../../../test/support/tokens';
import { MonitorSteps, SCOPE } from './support/monitor-steps';

const FR = memberState('FR');
const DE = memberState('DE');

describe('Council acts and national stock reports over HTTP', () => {
  let harness: IntakeHarness;
  let steps: MonitorSteps;
  let proposalId: string;
  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2025-04-04T10:00:00Z' });
    steps = new MonitorSteps(harness);
    await steps.recordControls();
    proposalId = (await steps.until((scope) => scope.status === 'vigilance-proposed', 'a vigilance proposal')).openProposal.proposalId;
    steps.at('2025-04-08T09:00:00Z');
  }, 60_000);
  afterAll(() => harness?.stop());

  const scopeEvents = async () => (await collect(harness.store.readStream(`scope-${SCOPE}`))).length;
  const activation = (overrides: Record<string, unknown> = {}) => ({ ...example('council-act-activation'), proposalId, ...overrides });

  describe('Council acts', () => {
    it('are recorded by the Council secretariat only', async () => {
      for (const caller of [analyst, crisisCell, FR]) {
        const reply = await steps.councilAct(activation(), caller);
        expect([reply.status, reply.body.reason]).toEqual([403, 'role-not-allowed']);
      }
      expect((await harness.request('POST', `/api/v1/scopes/${SCOPE}/council-acts`, undefined, activation())).status).toBe(401);
    });

    const invalid: Array<[string, Record<string, unknown>, string[]]> = [
      ['nothing at all', {}, ['decision', 'mode', 'proposalId', 'reference', 'adoptedOn']],
      ['an activation without its period and goods', activation({ period: undefined, goodsOfCriticalImportance: undefined }), ['period', 'goodsOfCriticalImportance']],
      ['a deactivation that states a period and goods', activation({ decision: 'deactivation' }), ['period', 'goodsOfCriticalImportance']],
      ['the emergency list on a vigilance act', activation({ crisisRelevantGoods: ['magnets'] }), ['crisisRelevantGoods']],
      ['an extension without its new end', activation({ decision: 'extension', period: undefined }), ['until']],
      ['unknown decisions, modes, fields and dates', activation({ decision: 'suspension', mode: 'alert', signedBy: 'x', adoptedOn: '8 April' }), ['decision', 'mode', 'signedBy', 'adoptedOn']],
      ['an act adopted in the future', activation({ adoptedOn: '2025-05-01' }), ['adoptedOn']],
      ['a blank reference and empty goods', activation({ reference: '   ', goodsOfCriticalImportance: [] }), ['reference', 'goodsOfCriticalImportance']],
      ['a malformed period', activation({ period: { from: 'soon', until: '2025-10-08T00:00:00Z', extra: 1 } }), ['period.from', 'period.extra']],
      ['a missing proposal', activation({ proposalId: undefined }), ['proposalId']],
    ];
    it.each(invalid)('refuses %s with every failing field (400), storing nothing', async (_name, body, fields) => {
      const before = await scopeEvents();
      const reply = await steps.councilAct(body);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('validation-failed');
      expect(reply.body.fields.map((field: { field: string }) => field.field)).toEqual(expect.arrayContaining(fields));
      expect(await scopeEvents()).toBe(before);
    });

    const illegal: Array<[string, Record<string, unknown>, string]> = [
      ['activating emergency on a vigilance proposal', { mode: 'emergency', goodsOfCriticalImportance: undefined, crisisRelevantGoods: ['magnets'] }, 'decision-for-wrong-mode'],
      ['deciding on another proposal', { proposalId: 'rare-earth-magnets.vigilance.2025-01-01T00:00:00.000Z' }, 'proposal-mismatch'],
      ['a vigilance period over six months (IMERA Art 14-15)', { period: { from: '2025-04-08T00:00:00Z', until: '2025-10-09T00:00:00Z' } }, 'period-exceeds-maximum'],
      ['a period that has already ended', { period: { from: '2025-01-01T00:00:00Z', until: '2025-04-01T00:00:00Z' } }, 'invalid-period'],
      ['extending a mode that is not active', { decision: 'extension', period: undefined, until: '2025-12-01T00:00:00Z' }, 'mode-not-active'],
      ['deactivating a mode that is not active', { decision: 'deactivation', period: undefined, goodsOfCriticalImportance: undefined }, 'mode-not-active'],
    ];
    it.each(illegal)('refuses %s (422 with the rule\'s code), storing nothing', async (_name, overrides, code) => {
      const before = await scopeEvents();
      const reply = await steps.councilAct(activation(overrides));
      expect([reply.status, reply.body.error]).toEqual([422, code]);
      expect(await scopeEvents()).toBe(before);
    });

    it('answers 404 for a scope that does not exist', async () => {
      const reply = await harness.request('POST', '/api/v1/scopes/unobtainium/council-acts', councilSecretariat, activation());
      expect([reply.status, reply.body.error]).toEqual([404, 'scope-not-found']);
      expect((await harness.request('GET', '/api/v1/scopes/unobtainium', analyst)).status).toBe(404);
    });

    it('records a valid act once: 201, then 200 for the same act, then 422 once the proposal is decided', async () => {
      const first = await steps.councilAct(activation());
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ outcome: 'recorded', location: `/api/v1/scopes/${SCOPE}`, events: [{ type: 'VigilanceModeActivated' }] });
      const again = await steps.councilAct(activation());
      expect([again.status, again.body.outcome, again.body.events[0].id]).toEqual([200, 'repeated', first.body.events[0].id]);
      const other = await steps.councilAct(activation({ reference: 'Council Implementing Decision (EU) 2025/999' }));
      expect([other.status, other.body.error]).toEqual([422, 'activation-without-proposal']);
      const stored = (await collect(harness.store.readStream(`scope-${SCOPE}`))).at(-1)!;
      expect(stored.metadata.actor).toBe(councilSecretariat.subject);
      expect(stored.data).toMatchObject({ act: { simulated: false }, period: { from: '2025-04-08T00:00:00.000Z', until: '2025-10-08T00:00:00.000Z' } });
    });

    it('lets every role that reads scopes see the mode, and no operator', async () => {
      for (const reader of [analyst, crisisCell, councilSecretariat, FR]) {
        const list = await harness.request('GET', '/api/v1/scopes', reader);
        expect(list.status).toBe(200);
        expect(list.body.scopes.find((scope: { scopeId: string }) => scope.scopeId === SCOPE)).toMatchObject({ status: 'vigilance-active', activeUntil: '2025-10-08T00:00:00.000Z' });
      }
      const operator = await harness.request('GET', '/api/v1/scopes', { role: 'economic-operator', operatorId: 'DE-magnets-0042', subject: 'op' });
      expect(operator.status).toBe(403);
    });
  });

  describe('national strategic stock reports (CRMA Art 22)', () => {
    const report = (overrides: Record<string, unknown> = {}) => ({ ...example('report-strategic-stock'), reportId: randomUUID(), ...overrides });

    it('are filed by a Member State for itself only; a repeat is safe and a reused id is a conflict', async () => {
      const body = report();
      expect((await harness.request('POST', '/api/v1/stock-reports', DE, body)).status).toBe(403);
      expect((await harness.request('POST', '/api/v1/stock-reports', analyst, body)).status).toBe(403);
      const filed = await harness.request('POST', '/api/v1/stock-reports', FR, body);
      expect([filed.status, filed.body.events[0].type]).toEqual([201, 'StrategicStockReported']);
      expect((await harness.request('POST', '/api/v1/stock-reports', FR, body)).status).toBe(200);
      const reused = await harness.request('POST', '/api/v1/stock-reports', FR, { ...body, tonnesHeld: 9 });
      expect([reused.status, reused.body.error]).toEqual([409, 'stock-report-exists']);
      const older = await harness.request('POST', '/api/v1/stock-reports', FR, report({ reportedAt: '2025-01-31' }));
      expect([older.status, older.body.error]).toEqual([422, 'stock-report-out-of-date']);
    });

    it('refuses bad reports with every failing field', async () => {
      const reply = await harness.request('POST', '/api/v1/stock-reports', FR, report({ reportId: 'x', material: 'kryptonite', tonnesHeld: -1, reportedAt: '2026-01-01', purity: '' }));
      expect(reply.status).toBe(400);
      expect(reply.body.fields.map((field: { field: string }) => field.field)).toEqual(expect.arrayContaining(['reportId', 'material', 'tonnesHeld', 'reportedAt', 'purity']));
    });

    it("count in the scope indicators, while another Member State sees neither the report nor where it came from", async () => {
      await steps.settled();
      const asAnalyst = (await harness.request('GET', '/api/v1/scopes/defence-raw-materials', analyst)).body;
      expect(asAnalyst.indicators.headline.lowestDaysOfStockCover).toMatchObject({ material: 'gallium' });
      expect(asAnalyst.indicators.headline.lowestDaysOfStockCover.value).toBeCloseTo(4.5 / (45 / 365));
      expect(asAnalyst.evidence.lowestDaysOfStockCover.evidence).toEqual([expect.objectContaining({ streamName: 'strategicStock-FR-gallium' })]);
      const asGermany = (await harness.request('GET', '/api/v1/scopes/defence-raw-materials', DE)).body;
      expect(asGermany.evidence.lowestDaysOfStockCover.evidence).toEqual([expect.objectContaining({ streamName: 'strategicStock', redacted: expect.any(String) })]);
      expect(JSON.stringify(asGermany)).not.toContain('strategicStock-FR');

      const listed = async (as: typeof FR) => (await harness.request('GET', '/api/v1/stock-reports', as)).body.stocks;
      expect(await listed(FR)).toEqual([expect.objectContaining({ memberState: 'FR', material: 'gallium', tonnesHeld: 4.5 })]);
      expect(await listed(DE)).toEqual([]);
      expect((await listed(analyst)).length).toBe(1);
      expect((await harness.request('GET', '/api/v1/stock-reports', councilSecretariat)).status).toBe(403);
    });
  });
});
