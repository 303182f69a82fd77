import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExerciseNamespace } from '../src/runtime';
import { example } from '../../intake/test/intake-harness';

/**
 * A namespace on virtual time: dated transitions happen at the instant they fall due, not at the next input,
 * and every event carries the exercise id. Decisions are scripted: the Council acts only when told.
 */
describe('exercise namespace on virtual time', () => {
  let dataDir: string;
  let namespace: ExerciseNamespace;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'imera-namespace-'));
    namespace = await ExerciseNamespace.open('virtual-time', { decisions: 'scripted', start: '2025-04-01T00:00:00Z', dataDir, store: 'memory' });
  }, 60_000);
  afterAll(async () => {
    await namespace?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const events = async () => (await namespace.events()).map((event) => ({ type: event.type, at: event.recordedAt, exerciseId: event.metadata.exerciseId }));

  it('records a measure announced ahead of its date, and enters it into force when the date comes', async () => {
    await namespace.advanceTo('2025-04-02T09:00:00Z');
    const measure = { ...example<Record<string, unknown>>('record-export-control'), announcedOn: '2025-04-02', effectiveFrom: '2025-04-10' };
    expect((await namespace.apply({ at: '2025-04-02T09:00:00Z', action: 'export-control.record', data: measure }, 'virtual-time.input-0')).status).toBe(201);
    expect((await events()).map((event) => event.type)).toEqual(['ExportControlRecorded']);
    await namespace.advanceTo('2025-04-12T00:00:00Z');
    const [, inForce, proposed] = await events();
    expect(inForce).toEqual({ type: 'ExportControlEnteredIntoForce', at: '2025-04-10T00:00:00.000Z', exerciseId: 'virtual-time' });
    // The escalation policy reacts at once; with scripted decisions nobody adopts the proposal.
    expect(proposed).toMatchObject({ type: 'VigilanceModeProposed', at: '2025-04-10T00:00:00.000Z' });
    expect((await namespace.view('/api/v1/scopes/rare-earth-magnets')).body).toMatchObject({ status: 'vigilance-proposed' });
  });

  it('ends a mode at the end of its period when no act extends it', async () => {
    const { openProposal } = (await namespace.view('/api/v1/scopes/rare-earth-magnets')).body as { openProposal: { proposalId: string } };
    const act = {
      ...example<Record<string, unknown>>('council-act-activation'),
      proposalId: openProposal.proposalId,
      adoptedOn: '2025-04-12',
      period: { from: '2025-04-12T00:00:00Z', until: '2025-10-12T00:00:00Z' },
    };
    const reply = await namespace.apply({ at: '2025-04-12T00:00:00Z', action: 'council-act.record', params: { scopeId: 'rare-earth-magnets' }, data: act }, 'virtual-time.input-1');
    expect(reply.status).toBe(201);
    await namespace.advanceTo('2025-11-01T00:00:00Z');
    const all = await events();
    expect(all.find((event) => event.type === 'VigilanceModeExpired')).toEqual({ type: 'VigilanceModeExpired', at: '2025-10-12T00:00:00.000Z', exerciseId: 'virtual-time' });
    expect(all.every((event) => event.exerciseId === 'virtual-time')).toBe(true);
    expect(namespace.clock.now().toISOString()).toBe('2025-11-01T00:00:00.000Z');
  }, 60_000);

  it('refuses to move virtual time backwards', async () => {
    await expect(namespace.advanceTo('2025-10-01T00:00:00Z')).rejects.toThrow(/virtual time is at 2025-11-01/);
  });
});
