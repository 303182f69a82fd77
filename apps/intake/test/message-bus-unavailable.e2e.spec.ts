import { randomUUID } from 'node:crypto';
import { MessageBus } from '@imera/messaging';
import { MESSAGE_BUS, PUBLISH_RETRY_AFTER_SECONDS } from '@imera/platform';
import { Principal } from '@imera/auth';
import { analyst, memberState, tokenIssuerFor } from '../../../test/support/tokens';
import { example, IntakeHarness } from './intake-harness';

/**
 * A write the message bus does not take (here: the in-process bus refuses every publish, as Kafka's producer
 * does once its retries run out during an outage) is answered 503 with Retry-After, and nothing is stored.
 */
describe('writes while the message bus refuses to publish', () => {
  let harness: IntakeHarness;
  let refusing: jest.SpyInstance;

  beforeAll(async () => {
    harness = await IntakeHarness.start();
  }, 60_000);
  afterAll(() => harness?.stop());

  beforeEach(() => {
    const bus = harness.app.get<MessageBus>(MESSAGE_BUS);
    refusing = jest.spyOn(bus, 'publish').mockRejectedValue(new Error('KafkaJSNumberOfRetriesExceeded: Connection error: connect ECONNREFUSED'));
  });
  afterEach(() => refusing.mockRestore());

  it('answers a filing 503 with Retry-After, stores nothing, and takes the same filing once the bus is back', async () => {
    const body = { ...example('file-notification'), notificationId: randomUUID() };
    const eventsBefore = (await harness.allEvents()).length;

    const refused = await fetchRaw(harness, '/api/v1/notifications', memberState('DE'), body);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(PUBLISH_RETRY_AFTER_SECONDS));
    expect(refused.body).toMatchObject({ statusCode: 503, error: 'message-bus-unavailable', message: expect.stringMatching(/send the same request again/) });
    expect(JSON.stringify(refused.body)).not.toMatch(/ECONNREFUSED|Kafka/);
    expect(refusing).toHaveBeenCalledTimes(1);
    expect((await harness.allEvents()).length).toBe(eventsBefore);
    expect((await harness.request('GET', `/api/v1/notifications/${body.notificationId}`, memberState('DE'))).status).toBe(404);

    refusing.mockRestore();
    const resent = await harness.request('POST', '/api/v1/notifications', memberState('DE'), body);
    expect(resent.status).toBe(201);
    expect((await harness.allEvents()).filter((event) => event.streamName === `notification-${body.notificationId}`)).toHaveLength(1);
  });

  it('answers an export-control measure 503 with Retry-After too, and stores nothing', async () => {
    const measure = { ...example<Record<string, unknown>>('record-export-control'), measureId: `cn-test-${randomUUID().slice(0, 8)}` };
    const eventsBefore = (await harness.allEvents()).length;
    const refused = await fetchRaw(harness, '/api/v1/export-controls', analyst, measure);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(PUBLISH_RETRY_AFTER_SECONDS));
    expect((await harness.allEvents()).length).toBe(eventsBefore);
  });
});

async function fetchRaw(harness: IntakeHarness, url: string, as: Principal, body: unknown) {
  const token = await (await tokenIssuerFor(harness.dataDir, harness.clock))(as);
  const response = await fetch(`${harness.baseUrl}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
