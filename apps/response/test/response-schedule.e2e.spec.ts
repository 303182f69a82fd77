import { join } from 'node:path';
import { FileLogEventStore } from '@imera/event-store';
import { crisisCell, memberState, operatorPrincipal } from '../../../test/support/tokens';
import { example, IntakeHarness } from '../../intake/test/intake-harness';
import { ResponseScheduleRunner } from '../src/schedules/response-schedule.runner';
import { activation, deactivation, recordScopeModes } from './support/scope-mode-steps';
import { waitUntil } from './support/waiting';

const SCOPE = 'rare-earth-magnets';
const DE = memberState('DE');
const HANAU = operatorPrincipal('DE-magnets-0042');
const IR = '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c41';
const LAPSING = '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c42';
const BREACHED = '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c43';
const PENDING = '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c44';

/** Deadlines and the end of the mode, applied by the schedule exactly once, also across restarts. */
describe('the response schedule', () => {
  let harness: IntakeHarness;
  const schedule = () => harness.app.get(ResponseScheduleRunner);
  const count = async (type: string, streamName: string) => (await harness.allEvents()).filter((e) => e.type === type && e.streamName === streamName).length;
  const statusOf = async (url: string) => (await harness.request('GET', url, crisisCell)).body.status;
  const proposal = (prrId: string, deliveryDate: string) => ({ ...example<Record<string, unknown>>('propose-priority-rated-request'), prrId, deliveryDate });
  const post = async (url: string, as: Parameters<IntakeHarness['request']>[2], body: unknown) => expect((await harness.request('POST', url, as, body)).status).toBe(201);

  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2026-06-01T08:00:00Z' });
    await recordScopeModes(harness.store, SCOPE, activation(SCOPE, 'emergency', ['sintered NdFeB magnets'], '2026-06-01T07:00:00.000Z', '2026-11-30T07:00:00.000Z'));
    await post('/api/v1/information-requests', crisisCell, { ...example<Record<string, unknown>>('issue-information-request'), requestId: IR, deadline: '2026-06-03T16:00:00Z' });
    for (const [prrId, deliveryDate] of [[LAPSING, '2026-07-31'], [BREACHED, '2026-06-05'], [PENDING, '2026-07-31']]) {
      // Proposed by the Member State of the site, so its consent is given with the proposal.
      await post('/api/v1/priority-rated-requests', DE, proposal(prrId, deliveryDate));
    }
    for (const prrId of [LAPSING, BREACHED]) {
      await post(`/api/v1/priority-rated-requests/${prrId}/issue`, crisisCell, { legalBasis: 'Regulation (EU) 2024/2747, Article 26', responseWorkingDays: 1 });
    }
    await post(`/api/v1/priority-rated-requests/${BREACHED}/acceptance`, HANAU, example('accept-priority-rated-request'));
  }, 60_000);
  afterAll(() => harness?.stop());

  it('lets an unanswered request lapse at the end of its response deadline, once however often it fires', async () => {
    harness.clock.set('2026-06-03T00:00:00Z');
    await Promise.all([schedule().kick(), schedule().kick(), schedule().kick()]);
    await waitUntil(async () => (await statusOf(`/api/v1/priority-rated-requests/${LAPSING}`)) === 'lapsed', 'lapse');
    await schedule().kick();
    expect(await count('PriorityRatedRequestLapsed', `prr-${LAPSING}`)).toBe(1);
    expect(await statusOf(`/api/v1/priority-rated-requests/${BREACHED}`)).toBe('accepted');
    expect(await statusOf(`/api/v1/information-requests/${IR}`)).toBe('open');
  }, 30_000);

  it('catches up after downtime: a missed information deadline and a missed delivery, each stored once', async () => {
    await harness.app.close();
    harness.clock.set('2026-06-06T00:00:00Z');
    await harness.boot();
    await waitUntil(async () => (await statusOf(`/api/v1/priority-rated-requests/${BREACHED}`)) === 'breached', 'breach');
    await waitUntil(async () => (await statusOf(`/api/v1/information-requests/${IR}`)) === 'complete', 'overdue');
    await harness.restart();
    await schedule().kick();

    expect(await count('InformationRequestDeadlineMissed', `infoRequest-${IR}`)).toBe(2);
    expect(await count('PriorityRatedRequestBreached', `prr-${BREACHED}`)).toBe(1);
    expect(await count('PriorityRatedRequestLapsed', `prr-${LAPSING}`)).toBe(1);
    const breach = (await harness.allEvents()).find((e) => e.type === 'PriorityRatedRequestBreached')!;
    // Dated at the instant it fell due (end of 5 June in Brussels), not when the schedule came round to it.
    expect(breach.data).toMatchObject({ recordedAt: '2026-06-05T22:00:00.000Z', shortfall: { amount: 12, unit: 't' } });
    expect(breach.metadata.actor).toBe('system:response-schedule');
  }, 60_000);

  it('ends what is open when emergency mode ended while the system was down, once', async () => {
    await harness.app.close();
    const store = await FileLogEventStore.open({ dir: join(harness.dataDir, 'event-log'), clock: harness.clock });
    await recordScopeModes(store, SCOPE, deactivation(SCOPE, 'emergency', '2026-06-06T00:00:00.000Z'));
    await store.close();
    await harness.boot();
    await waitUntil(async () => (await statusOf(`/api/v1/priority-rated-requests/${PENDING}`)) === 'ended-with-mode', 'end with mode');
    await harness.restart();
    await schedule().kick();

    expect(await count('PriorityRatedRequestEndedWithMode', `prr-${PENDING}`)).toBe(1);
    // Closed before the end of the mode: left as they were.
    for (const prrId of [LAPSING, BREACHED]) expect(await count('PriorityRatedRequestEndedWithMode', `prr-${prrId}`)).toBe(0);
    expect(await count('InformationRequestEndedWithMode', `infoRequest-${IR}`)).toBe(0);
    const ended = (await harness.allEvents()).find((e) => e.type === 'PriorityRatedRequestEndedWithMode')!;
    expect(ended.data).toMatchObject({ statusAtEnd: 'host-consented', endedAt: '2026-06-06T00:00:00.000Z' });
    expect(ended.metadata.causationId).toEqual(expect.any(String));
  }, 60_000);
});
