import { RecordedEvent } from '@imera/event-sourcing';
import { Topics } from '@imera/messaging';
import { encodeEventBatch, EVENT_BATCH_CONTENT_TYPE, MESSAGE_BUS } from '@imera/platform';
import { analyst } from '../../../test/support/tokens';
import { waitUntil } from '../../response/test/support/waiting';
import { ExportControlScheduleRunner } from '../src/export-controls/export-control-schedule.runner';
import { example, IntakeHarness } from './intake-harness';

const DAY_MS = 24 * 60 * 60 * 1000;
const MEASURE = example<Record<string, unknown> & { materials: string[] }>('record-export-control');

export interface ScheduleTransport {
  /** Starts the app on a fresh data directory, its clock at `now`. */
  readonly start: (now: string) => Promise<IntakeHarness>;
  /**
   * Called while the app is down, where the transport keeps messages across a restart (Kafka): makes the
   * event recorder receive again, when the app comes back, every message it has already recorded.
   */
  readonly rewindRecorder?: () => Promise<void>;
}

/** The dated transitions of export controls (entry into force, end of a suspension), on any transport. */
export function describeExportControlSchedule(transport: string, { start, rewindRecorder }: ScheduleTransport): void {
  describe(`scheduled export-control status changes (${transport})`, () => {
    let harness: IntakeHarness;
    beforeAll(async () => {
      harness = await start('2026-11-01T08:00:00Z');
    }, 120_000);
    afterAll(() => harness?.stop());

    /** The calendar day `days` from the service clock's today. */
    const day = (days: number) => new Date(harness.clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);
    const advanceDays = (days: number) => harness.clock.advance(days * DAY_MS);
    const schedule = () => harness.app.get(ExportControlScheduleRunner);
    const statusOf = async (measureId: string) => (await harness.request('GET', `/api/v1/export-controls/${measureId}`, analyst)).body.status;
    const streamOf = async (measureId: string) => (await harness.allEvents()).filter((event) => event.streamName === `exportControl-${measureId}`);
    const countOf = async (measureId: string, type: string) => (await streamOf(measureId)).filter((event) => event.type === type).length;

    async function record(measureId: string, effectiveFrom: string): Promise<void> {
      const reply = await harness.request('POST', '/api/v1/export-controls', analyst, { ...MEASURE, measureId, announcedOn: day(-60), effectiveFrom });
      expect([measureId, reply.status]).toEqual([measureId, 201]);
    }

    /**
     * A write about the same material travels on the same partition as everything the recorder is given
     * before it; once it is stored (201), the recorder has handled those earlier messages too.
     */
    let markers = 0;
    const untilRecorderCaughtUp = () => record(`cn-marker-${++markers}`, day(-1));

    it('puts a measure into force on its effective date once, however many passes run at the same time', async () => {
      await record('cn-future', day(4));
      expect(await statusOf('cn-future')).toBe('announced');

      advanceDays(5);
      await Promise.all([schedule().kick(), schedule().kick(), schedule().kick()]);
      expect(await statusOf('cn-future')).toBe('in-force');
      expect(await countOf('cn-future', 'ExportControlEnteredIntoForce')).toBe(1);
    });

    it('ends a suspension that ran out while the app was down once, on restart and after further restarts', async () => {
      await record('cn-suspended', day(-30));
      const suspension = { reference: 'MOFCOM Announcement No. 70 of 2025', suspendedFrom: day(-20), suspendedUntil: day(9) };
      expect((await harness.request('POST', '/api/v1/export-controls/cn-suspended/suspensions', analyst, suspension)).status).toBe(201);
      expect(await statusOf('cn-suspended')).toBe('suspended');

      await harness.app.close();
      advanceDays(11);
      await rewindRecorder?.();
      await harness.boot();
      await waitUntil(async () => (await statusOf('cn-suspended')) === 'in-force', 'the end of the suspension on restart');
      await untilRecorderCaughtUp();
      expect(await countOf('cn-suspended', 'ExportControlSuspensionExpired')).toBe(1);

      await harness.restart();
      await schedule().kick();
      await untilRecorderCaughtUp();
      const stream = await streamOf('cn-suspended');
      expect(stream.map((event) => event.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce', 'ExportControlSuspended', 'ExportControlSuspensionExpired']);
      expect(stream[3].metadata.actor).toBe('system:export-control-schedule');
      expect(await statusOf('cn-suspended')).toBe('in-force');
    }, 60_000);

    it('stores a transition once when the recorder is handed its message again', async () => {
      await record('cn-redelivered', day(2));
      advanceDays(3);
      await schedule().kick();
      expect(await statusOf('cn-redelivered')).toBe('in-force');

      await publishAgain(harness, await streamOf('cn-redelivered'), 'ExportControlEnteredIntoForce');
      await untilRecorderCaughtUp();
      expect(await countOf('cn-redelivered', 'ExportControlEnteredIntoForce')).toBe(1);
    });
  });
}

/** Publishes again the decision that stored `type`, as the schedule sent it: to the recorder, a redelivery. */
async function publishAgain(harness: IntakeHarness, stream: readonly RecordedEvent[], type: string): Promise<void> {
  const stored = stream.find((event) => event.type === type)!;
  const decision = stream.filter((event) => event.metadata.correlationId === stored.metadata.correlationId);
  const firstRevision = decision[0].streamRevision;
  const batch = {
    streamName: stored.streamName,
    expectedRevision: firstRevision === 0 ? ('no-stream' as const) : firstRevision - 1,
    events: decision.map(({ id, type: eventType, schemaVersion, data, metadata }) => ({ id, type: eventType, schemaVersion, data, metadata })),
  };
  const headers = { 'content-type': EVENT_BATCH_CONTENT_TYPE, 'event-types': type, 'correlation-id': stored.metadata.correlationId };
  await harness.app.get(MESSAGE_BUS).publish(Topics.exportControls, [{ key: MEASURE.materials[0], value: encodeEventBatch(batch), headers }]);
}
