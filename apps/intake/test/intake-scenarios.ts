import { randomUUID } from 'node:crypto';
import { analyst, councilSecretariat, crisisCell, memberState } from '../../../test/support/tokens';
import { example, IntakeHarness } from './intake-harness';

const DE = memberState('DE');
const FR = memberState('FR');

function notification(overrides: Record<string, unknown> = {}): Record<string, any> {
  return { ...example('file-notification'), notificationId: randomUUID(), ...overrides };
}

/** The intake behaviour every transport (in-process bus, real Kafka) must show. */
export function describeIntake(transport: string, start: () => Promise<IntakeHarness>): void {
  describe(`intake over HTTP (${transport})`, () => {
    let harness: IntakeHarness;
    beforeAll(async () => {
      harness = await start();
    }, 120_000);
    afterAll(() => harness?.stop());

    describe('operator notifications', () => {
      it('accepts a valid filing, stores one event with the actor, and shows it to the filer and the Commission', async () => {
        const body = notification();
        const filed = await harness.request('POST', '/api/v1/notifications', DE, body, undefined);
        expect(filed.status).toBe(201);
        expect(filed.body.outcome).toBe('recorded');
        expect(filed.body.events).toHaveLength(1);

        const stored = (await harness.allEvents()).filter((event) => event.streamName === `notification-${body.notificationId}`);
        expect(stored.map((event) => event.type)).toEqual(['OperatorNotificationFiled']);
        expect(stored[0].metadata.actor).toBe(DE.subject);
        expect(stored[0].metadata.correlationId).toEqual(expect.any(String));
        expect(stored[0].data).toMatchObject({ memberState: 'DE', material: 'dysprosium', confidential: true });

        for (const reader of [DE, analyst, crisisCell]) {
          const read = await harness.request('GET', `/api/v1/notifications/${body.notificationId}`, reader);
          expect(read.status).toBe(200);
          expect(read.body).toMatchObject({ notificationId: body.notificationId, operator: body.operator, status: 'open' });
        }
      });

      it('lists a filing as soon as it is answered 201: the filer reads its own writes', async () => {
        for (let filing = 0; filing < 10; filing++) {
          const body = notification();
          expect((await harness.request('POST', '/api/v1/notifications', DE, body)).status).toBe(201);
          const listed = await harness.request('GET', '/api/v1/notifications?order=newest&limit=5', DE);
          expect(listed.body.notifications.map((n: { notificationId: string }) => n.notificationId)).toContain(body.notificationId);
        }
      });

      it('returns the original result for a repeat and 409 for other content under the same id', async () => {
        const body = notification();
        const first = await harness.request('POST', '/api/v1/notifications', DE, body);
        const again = await harness.request('POST', '/api/v1/notifications', DE, body);
        expect(again.status).toBe(200);
        expect(again.body.outcome).toBe('repeated');
        expect(again.body.events[0].id).toBe(first.body.events[0].id);

        const changed = await harness.request('POST', '/api/v1/notifications', DE, { ...body, description: 'something else' });
        expect(changed.status).toBe(409);
        const stored = (await harness.allEvents()).filter((event) => event.streamName === `notification-${body.notificationId}`);
        expect(stored).toHaveLength(1);
      });

      it('lets an authority file only for its own Member State, and only authorities file', async () => {
        const body = notification({ memberState: 'FR' });
        expect((await harness.request('POST', '/api/v1/notifications', DE, body)).status).toBe(403);
        expect((await harness.request('POST', '/api/v1/notifications', analyst, body)).status).toBe(403);
        expect((await harness.request('POST', '/api/v1/notifications', undefined, body)).status).toBe(401);
        expect((await harness.request('GET', `/api/v1/notifications/${body.notificationId}`, FR)).status).toBe(404);
      });

      it("hides another Member State's confidential filing (404) but shares a non-confidential one", async () => {
        const secret = notification();
        const open = notification({ confidential: false });
        await harness.request('POST', '/api/v1/notifications', DE, secret);
        await harness.request('POST', '/api/v1/notifications', DE, open);
        expect((await harness.request('GET', `/api/v1/notifications/${secret.notificationId}`, FR)).status).toBe(404);
        expect((await harness.request('GET', `/api/v1/notifications/${secret.notificationId}`, councilSecretariat)).status).toBe(403);
        expect((await harness.request('GET', `/api/v1/notifications/${open.notificationId}`, FR)).status).toBe(200);

        const frList = await harness.request('GET', '/api/v1/notifications', FR);
        expect(frList.body.notifications.map((n: { notificationId: string }) => n.notificationId)).not.toContain(secret.notificationId);
        const deList = await harness.request('GET', '/api/v1/notifications', DE);
        expect(deList.body.notifications.every((n: { memberState: string }) => n.memberState === 'DE')).toBe(true);
      });

      it('lists the newest filings first up to a limit, with how many there are in all, and refuses a malformed list query', async () => {
        const filed = [notification({ confidential: false }), notification({ confidential: false }), notification({ confidential: false })];
        for (const body of filed) expect((await harness.request('POST', '/api/v1/notifications', DE, body)).status).toBe(201);
        const all = (await harness.request('GET', '/api/v1/notifications?status=open', DE)).body;
        expect(all.total).toBe(all.notifications.length);
        const ids = all.notifications.map((n: { notificationId: string }) => n.notificationId);
        expect(ids.slice(-3)).toEqual(filed.map((body) => body.notificationId));

        const newest = await harness.request('GET', '/api/v1/notifications?status=open&order=newest&limit=2', DE);
        expect(newest.status).toBe(200);
        expect(newest.body.total).toBe(all.total);
        expect(newest.body.notifications.map((n: { notificationId: string }) => n.notificationId)).toEqual([filed[2].notificationId, filed[1].notificationId]);

        for (const query of ['status=closed', 'limit=0', 'limit=1001', 'limit=ten', 'order=oldest', 'status[$ne]=open', 'page=2']) {
          const refused = await harness.request('GET', `/api/v1/notifications?${query}`, analyst);
          expect(refused.status).toBe(400);
          expect(refused.body.fields.length).toBeGreaterThan(0);
        }
      });

      it('follows a notification up and resolves it, for the filing Member State only', async () => {
        const body = notification();
        await harness.request('POST', '/api/v1/notifications', DE, body);
        const url = `/api/v1/notifications/${body.notificationId}`;
        expect((await harness.request('POST', `${url}/updates`, FR, example('notification-update'))).status).toBe(404);
        expect((await harness.request('POST', `${url}/updates`, DE, example('notification-update'))).status).toBe(201);
        expect((await harness.request('POST', `${url}/resolution`, DE, example('notification-resolution'))).status).toBe(201);
        const read = await harness.request('GET', url, DE);
        expect(read.body).toMatchObject({ status: 'resolved', impact: example('notification-update').impact });
        expect(read.body.followUps.map((f: { type: string }) => f.type)).toEqual(['updated', 'resolved']);
        const repeat = await harness.request('POST', `${url}/updates`, DE, example('notification-update'));
        expect(repeat.status).toBe(200);
        const late = await harness.request('POST', `${url}/updates`, DE, { ...example<Record<string, unknown>>('notification-update'), description: 'new information' });
        expect(late.status).toBe(422);
        expect(late.body.error).toBe('notification-resolved');
      });

      describe('bad input is refused with every failing field, and nothing is stored', () => {
        const cases: Array<[string, Record<string, unknown> | string, string[]]> = [
          ['an unknown material', { material: 'unobtainium' }, ['material']],
          ['a country that is not a Member State', { memberState: 'GR' }, ['memberState']],
          ['out-of-range numbers', { impact: { capacityShareAffected: 1.5, tonnesPerYearAffected: -1, expectedDurationDays: 2.5 } }, ['impact.capacityShareAffected', 'impact.tonnesPerYearAffected', 'impact.expectedDurationDays']],
          ['a date in the future', { occurredAt: '2027-01-01T00:00:00Z' }, ['occurredAt']],
          ['oversized text', { description: 'x'.repeat(4001) }, ['description']],
          ['unknown fields', { surprise: true, operator: { ...example<any>('file-notification').operator, rating: 'AAA' } }, ['surprise', 'operator.rating']],
          ['a wrongly typed id and flag', { notificationId: 'not-a-uuid', confidential: 'yes' }, ['notificationId', 'confidential']],
          ['missing fields', { operator: undefined, disruptionType: undefined }, ['operator', 'disruptionType']],
        ];
        it.each(cases)('%s', async (_name, overrides, fields) => {
          const before = (await harness.allEvents()).length;
          const reply = await harness.request('POST', '/api/v1/notifications', DE, notification(overrides as Record<string, unknown>));
          expect(reply.status).toBe(400);
          expect(reply.body.error).toBe('validation-failed');
          const failing = reply.body.fields.map((field: { field: string }) => field.field);
          for (const field of fields) expect(failing).toContain(field);
          expect((await harness.allEvents()).length).toBe(before);
        });

        it('malformed JSON', async () => {
          const reply = await harness.request('POST', '/api/v1/notifications', DE, undefined, '{"notificationId": ');
          expect(reply.status).toBe(400);
        });
      });
    });

    describe('export controls', () => {
      it('records a measure (Commission analysts only) and shows it in force', async () => {
        const body: Record<string, unknown> = { ...example('record-export-control'), measureId: `cn-test-${Date.now()}` };
        expect((await harness.request('POST', '/api/v1/export-controls', DE, body)).status).toBe(403);
        const recorded = await harness.request('POST', '/api/v1/export-controls', analyst, body);
        expect(recorded.status).toBe(201);
        expect(recorded.body.events.map((e: { type: string }) => e.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce']);
        const read = await harness.request('GET', `/api/v1/export-controls/${body.measureId}`, crisisCell);
        expect(read.body.status).toBe('in-force');
        expect((await harness.request('POST', '/api/v1/export-controls', analyst, body)).status).toBe(200);
        expect((await harness.request('POST', '/api/v1/export-controls', analyst, { ...body, type: 'quota' })).status).toBe(409);
      });

      it('takes every example status change', async () => {
        const measureId = `cn-examples-${Date.now()}`;
        await harness.request('POST', '/api/v1/export-controls', analyst, { ...example<Record<string, unknown>>('record-export-control'), measureId });
        for (const [path, name] of [['amendments', 'amend-export-control'], ['suspensions', 'suspend-export-control'], ['lifting', 'lift-export-control']]) {
          const reply = await harness.request('POST', `/api/v1/export-controls/${measureId}/${path}`, analyst, example(name));
          expect([path, reply.status]).toEqual([path, 201]);
        }
        const read = await harness.request('GET', `/api/v1/export-controls/${measureId}`, analyst);
        expect(read.body.status).toBe('lifted');
        expect(read.body.state.measure.materials).toEqual(['dysprosium', 'terbium']);
      });

      it('refuses bad measures with field errors', async () => {
        const reply = await harness.request('POST', '/api/v1/export-controls', analyst, {
          ...example<Record<string, unknown>>('record-export-control'),
          measureId: 'Bad Id',
          materials: ['dysprosium', 'kryptonite'],
          type: 'embargo',
          destinations: ['XX'],
          effectiveFrom: 'soon',
        });
        expect(reply.status).toBe(400);
        const failing = reply.body.fields.map((field: { field: string }) => field.field);
        expect(failing).toEqual(expect.arrayContaining(['measureId', 'materials', 'type', 'destinations', 'effectiveFrom']));
      });
    });
  });
}
