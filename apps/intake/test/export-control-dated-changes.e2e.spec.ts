import { analyst } from '../../../test/support/tokens';
import { ExportControlScheduleRunner } from '../src/export-controls/export-control-schedule.runner';
import { example, IntakeHarness } from './intake-harness';

/** MOFCOM Announcement No. 70 of 2025 was published on 7 November and suspended the measures from 10 November. */
const ANNOUNCEMENT_70 = { reference: 'MOFCOM Announcement No. 70 of 2025', suspendedFrom: '2025-11-10', suspendedUntil: '2026-11-10' };

describe('a suspension, lifting or amendment recorded ahead of its date', () => {
  let harness: IntakeHarness;
  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2025-11-07T12:00:00Z' });
  });
  afterAll(() => harness?.stop());

  const streamOf = async (measureId: string) => (await harness.allEvents()).filter((event) => event.streamName === `exportControl-${measureId}`);
  const countOf = async (measureId: string, type: string) => (await streamOf(measureId)).filter((event) => event.type === type).length;
  const statusOf = async (measureId: string) => (await harness.request('GET', `/api/v1/export-controls/${measureId}`, analyst)).body.status;
  const listedStatusOf = async (measureId: string) =>
    ((await harness.request('GET', '/api/v1/export-controls', analyst)).body.measures as Array<{ state: { measure: { measureId: string } }; status: string }>).find(
      (record) => record.state.measure.measureId === measureId,
    )?.status;
  const schedule = () => harness.app.get(ExportControlScheduleRunner);

  async function recordSuspended(measureId: string, suspendedFrom = ANNOUNCEMENT_70.suspendedFrom): Promise<void> {
    const measure = { ...example<Record<string, unknown>>('record-export-control'), measureId, effectiveFrom: '2025-10-09' };
    expect((await harness.request('POST', '/api/v1/export-controls', analyst, measure)).status).toBe(201);
    const suspension = { ...ANNOUNCEMENT_70, suspendedFrom };
    expect((await harness.request('POST', `/api/v1/export-controls/${measureId}/suspensions`, analyst, suspension)).status).toBe(201);
  }

  it('stays in force until the start date, then is suspended by itself, once', async () => {
    await recordSuspended('cn-on-time');
    expect(await statusOf('cn-on-time')).toBe('in-force');
    const before = (await harness.request('GET', '/api/v1/export-controls/cn-on-time', analyst)).body;
    expect(before.state.suspension).toEqual({ reference: ANNOUNCEMENT_70.reference, from: '2025-11-10', until: '2026-11-10', inEffect: false });

    harness.clock.set('2025-11-09T23:59:00Z');
    await schedule().kick();
    expect(await statusOf('cn-on-time')).toBe('in-force');
    expect(await countOf('cn-on-time', 'ExportControlSuspensionTookEffect')).toBe(0);

    harness.clock.set('2025-11-10T00:00:00Z');
    await Promise.all([schedule().kick(), schedule().kick(), schedule().kick()]);
    expect(await statusOf('cn-on-time')).toBe('suspended');
    await waitUntil(async () => (await listedStatusOf('cn-on-time')) === 'suspended');
    const tookEffect = (await streamOf('cn-on-time')).filter((event) => event.type === 'ExportControlSuspensionTookEffect');
    expect(tookEffect).toHaveLength(1);
    expect(tookEffect[0].recordedAt).toBe('2025-11-10T00:00:00.000Z');
    expect(tookEffect[0].metadata.actor).toBe('system:export-control-schedule');
    expect(tookEffect[0].data).toMatchObject({ measureId: 'cn-on-time', suspendedFrom: '2025-11-10', suspendedUntil: '2026-11-10' });

    harness.clock.set('2025-11-20T00:00:00Z');
    await schedule().kick();
    expect(await countOf('cn-on-time', 'ExportControlSuspensionTookEffect')).toBe(1);
  }, 60_000);

  it('catches up a start that passed while the system was down, once, also across a second restart', async () => {
    // The clock never goes back: this suspension is recorded on 20 November to start on the 25th.
    harness.clock.set('2025-11-20T12:00:00Z');
    await recordSuspended('cn-while-down', '2025-11-25');
    expect(await statusOf('cn-while-down')).toBe('in-force');

    await harness.app.close();
    harness.clock.set('2025-11-27T00:00:00Z');
    await harness.boot();
    await waitUntil(async () => (await statusOf('cn-while-down')) === 'suspended');
    await harness.restart();
    await schedule().kick();
    expect(await countOf('cn-while-down', 'ExportControlSuspensionTookEffect')).toBe(1);
    expect((await streamOf('cn-while-down')).map((event) => event.type)).toEqual([
      'ExportControlRecorded',
      'ExportControlEnteredIntoForce',
      'ExportControlSuspended',
      'ExportControlSuspensionTookEffect',
    ]);
    expect(await listedStatusOf('cn-while-down')).toBe('suspended');
  }, 60_000);

  it('sends no start event for a suspension recorded on or after its start date', async () => {
    harness.clock.set('2025-11-28T00:00:00Z');
    await recordSuspended('cn-late-record');
    expect(await statusOf('cn-late-record')).toBe('suspended');
    await schedule().kick();
    expect(await countOf('cn-late-record', 'ExportControlSuspensionTookEffect')).toBe(0);
  });

  it('keeps a measure whose lifting is recorded in advance in force until the lifting date, then lifts it by itself, once', async () => {
    harness.clock.set('2025-11-28T00:00:00Z');
    const measure = { ...example<Record<string, unknown>>('record-export-control'), measureId: 'cn-lifted-later', effectiveFrom: '2025-10-09' };
    expect((await harness.request('POST', '/api/v1/export-controls', analyst, measure)).status).toBe(201);
    const lifting = { reference: 'Hypothetical lifting announcement', liftedOn: '2025-12-05' };
    expect((await harness.request('POST', '/api/v1/export-controls/cn-lifted-later/lifting', analyst, lifting)).status).toBe(201);
    expect(await statusOf('cn-lifted-later')).toBe('in-force');
    expect((await harness.request('POST', '/api/v1/export-controls/cn-lifted-later/lifting', analyst, { ...lifting, liftedOn: '2025-12-20' })).status).toBe(422);

    harness.clock.set('2025-12-05T00:00:00Z');
    await Promise.all([schedule().kick(), schedule().kick()]);
    expect(await statusOf('cn-lifted-later')).toBe('lifted');
    await waitUntil(async () => (await listedStatusOf('cn-lifted-later')) === 'lifted');
    await schedule().kick();
    expect(await countOf('cn-lifted-later', 'ExportControlLiftingTookEffect')).toBe(1);
  });

  it('changes the scope of a measure on the date of an amendment recorded in advance, by itself, once', async () => {
    harness.clock.set('2025-12-05T12:00:00Z');
    const measure = { ...example<Record<string, unknown>>('record-export-control'), measureId: 'cn-amended-later', effectiveFrom: '2025-10-09' };
    expect((await harness.request('POST', '/api/v1/export-controls', analyst, measure)).status).toBe(201);
    const amendment = { reference: 'Hypothetical amendment', amendedOn: '2025-12-10', materials: ['dysprosium'] };
    expect((await harness.request('POST', '/api/v1/export-controls/cn-amended-later/amendments', analyst, amendment)).status).toBe(201);
    const materialsOf = async () => (await harness.request('GET', '/api/v1/export-controls/cn-amended-later', analyst)).body.state.measure.materials;
    expect(await materialsOf()).toEqual(example<{ materials: string[] }>('record-export-control').materials);

    harness.clock.set('2025-12-10T00:00:00Z');
    await Promise.all([schedule().kick(), schedule().kick()]);
    expect(await materialsOf()).toEqual(['dysprosium']);
    await schedule().kick();
    expect(await countOf('cn-amended-later', 'ExportControlAmendmentTookEffect')).toBe(1);
  });
});

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}
