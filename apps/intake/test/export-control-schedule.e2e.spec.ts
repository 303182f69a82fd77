import { analyst } from '../../../test/support/tokens';
import { ExportControlScheduleRunner } from '../src/export-controls/export-control-schedule.runner';
import { example, IntakeHarness } from './intake-harness';

describe('scheduled export-control status changes', () => {
  let harness: IntakeHarness;
  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2026-11-01T08:00:00Z' });
  });
  afterAll(() => harness?.stop());

  const countOf = async (type: string, measureId: string) =>
    (await harness.allEvents()).filter((event) => event.type === type && event.streamName === `exportControl-${measureId}`).length;
  const statusOf = async (measureId: string) => (await harness.request('GET', `/api/v1/export-controls/${measureId}`, analyst)).body.status;
  const schedule = () => harness.app.get(ExportControlScheduleRunner);

  it('fires entry into force and the end of a suspension exactly once, also across restarts', async () => {
    const future = { ...example<Record<string, unknown>>('record-export-control'), measureId: 'cn-future', effectiveFrom: '2026-11-05' };
    const suspended = { ...example<Record<string, unknown>>('record-export-control'), measureId: 'cn-suspended', effectiveFrom: '2025-12-01' };
    expect((await harness.request('POST', '/api/v1/export-controls', analyst, future)).status).toBe(201);
    expect((await harness.request('POST', '/api/v1/export-controls', analyst, suspended)).status).toBe(201);
    const suspension = { reference: 'MOFCOM Announcement No. 70 of 2025', suspendedFrom: '2025-11-10', suspendedUntil: '2026-11-10' };
    expect((await harness.request('POST', '/api/v1/export-controls/cn-suspended/suspensions', analyst, suspension)).status).toBe(201);
    expect(await statusOf('cn-future')).toBe('announced');
    expect(await statusOf('cn-suspended')).toBe('suspended');

    harness.clock.set('2026-11-06T00:00:00Z');
    await Promise.all([schedule().kick(), schedule().kick(), schedule().kick()]);
    expect(await statusOf('cn-future')).toBe('in-force');
    expect(await countOf('ExportControlEnteredIntoForce', 'cn-future')).toBe(1);
    expect(await statusOf('cn-suspended')).toBe('suspended');

    // The suspension ends while the system is down: the restart catches up, once.
    await harness.app.close();
    harness.clock.set('2026-11-12T00:00:00Z');
    await harness.boot();
    await waitUntil(async () => (await statusOf('cn-suspended')) === 'in-force');
    await harness.restart();
    await schedule().kick();
    expect(await countOf('ExportControlSuspensionExpired', 'cn-suspended')).toBe(1);
    expect(await countOf('ExportControlEnteredIntoForce', 'cn-future')).toBe(1);
    const expired = (await harness.allEvents()).find((event) => event.type === 'ExportControlSuspensionExpired')!;
    expect(expired.metadata.actor).toBe('system:export-control-schedule');
  }, 60_000);
});

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}
