import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Everything the system reports to operators, in one registry (Prometheus text format at /metrics).
 * Gauges that need a look at other components (lags, store size) are filled just before each scrape.
 */
export class SystemMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'imera_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'imera_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'imera_consumer_lag_messages',
    help: 'Messages published to a topic that the consumer group has not yet handled',
    labelNames: ['group', 'topic'] as const,
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'imera_projection_lag_events',
    help: 'Events in the store that a projection has not applied yet',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'imera_projection_position',
    help: 'Global position of the last event a projection applied (-1 before the first)',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly storeEvents = new Gauge({
    name: 'imera_event_store_events',
    help: 'Events in the event store',
    registers: [this.registry],
  });

  readonly storeBytes = new Gauge({
    name: 'imera_event_store_bytes',
    help: 'Bytes the event log takes on disk (file log only)',
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'imera_dead_letters_total',
    help: 'Messages sent to a dead-letter topic since the process started, by source topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly componentReady = new Gauge({
    name: 'imera_component_ready',
    help: '1 when a component (event store, message bus, projection, recorder) is ready, 0 otherwise',
    labelNames: ['component'] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    // CPU, memory, event-loop delay and handles of this process, prefixed like ours.
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'imera_process_' });
  }

  /** One answered HTTP request. Unmatched URLs share one label, so scanners cannot blow up the series. */
  recordRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    const pattern = route ?? 'unmatched';
    this.httpRequests.inc({ method, route: pattern, status: String(status) });
    this.httpDuration.observe({ method, route: pattern }, seconds);
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
