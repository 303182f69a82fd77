import { example } from '../../apps/intake/test/intake-harness';
import { MetricsController, MetricsCollector, SystemMetrics } from '@imera/platform';
import { memberState } from '../support/tokens';
import { AppHarness } from './support/app-harness';

const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"()[\]]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

/** What operators see: Prometheus metrics at /metrics and a correlation id on every answer. */
describe('metrics and correlation ids', () => {
  let harness: AppHarness;
  beforeAll(async () => {
    harness = await AppHarness.start();
  }, 60_000);
  afterAll(() => harness?.stop());

  it('reports request rates, consumer and projection lag, event-store size and readiness', async () => {
    const filed = await harness.request('POST', '/api/v1/notifications', { as: memberState('DE'), body: example('file-notification') });
    expect(filed.status).toBe(201);
    expect(filed.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const scrape = await harness.request('GET', '/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = scrape.text;
    expect(value(text, 'imera_http_requests_total{method="POST",route="/api/v1/notifications",status="201"}')).toBe(1);
    expect(value(text, 'imera_event_store_events')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'imera_event_store_bytes')).toBeGreaterThan(0);
    expect(value(text, 'imera_consumer_lag_messages{group="event-recorder",topic="imera.operator-notifications.v1"}')).toBe(0);
    expect(value(text, 'imera_projection_lag_events{projection="notifications"}')).toBe(0);
    expect(value(text, 'imera_component_ready{component="event-recorder"}')).toBe(1);
    expect(text).toMatch(/^imera_process_\w+ [\d.e+]+$/m);
    expect(text).not.toContain(example<{ description: string }>('file-notification').description);
  });

  it('answers scrapes from other hosts only with the scrape token, and as a 404 otherwise', async () => {
    const collector = { collect: async () => undefined } as unknown as MetricsCollector;
    const reply = () => {
      const sent: { body?: string } = {};
      const handle = { header: () => handle, send: (body: string) => void (sent.body = body) };
      return { handle, sent };
    };
    const remote = { ip: '10.1.2.3', headers: {} };
    const open = new MetricsController(new SystemMetrics({ processMetrics: false }), collector, {});
    await expect(open.scrape(remote, reply().handle)).rejects.toMatchObject({ status: 404 });
    const token = 's'.repeat(40);
    const guarded = new MetricsController(new SystemMetrics({ processMetrics: false }), collector, { token });
    await expect(guarded.scrape({ ...remote, headers: { authorization: 'Bearer wrong' } }, reply().handle)).rejects.toMatchObject({ status: 404 });
    const ok = reply();
    await guarded.scrape({ ...remote, headers: { authorization: `Bearer ${token}` } }, ok.handle);
    expect(ok.sent.body).toContain('imera_http_requests_total');
  });
});
