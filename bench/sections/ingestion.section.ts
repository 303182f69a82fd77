import { AppProcess } from '../http/app-process';
import { Callers } from '../http/callers';
import { assertAllFiled, fileNotifications, LoadMeasurement } from '../ingestion/notification-load';
import { MEMBER_STATES, NotificationRequests } from '../ingestion/notification-requests';
import { Figure } from '../report/figures';
import { onEachBus } from './each-bus';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Ingestion';
/** Authorities per Member State: the per-caller rate limit (default 1,200 a minute) stays on. */
const AUTHORITIES_PER_STATE = 6;
/** The surge: every filing about one material, as when a third country restricts its exports. */
const SURGE_MATERIAL = 'gallium';

/**
 * Operator notifications over HTTP through the whole all-in-one app in its own process (auth, validation,
 * decision, message bus, durable file log, projections), by autocannon at a fixed number of connections.
 * Embedded default first, then the same with a real Kafka broker as the message bus.
 */
export const ingestionSection: BenchSection = {
  name: 'ingestion',
  title: 'Ingestion of notifications over HTTP',
  async run(context: BenchContext): Promise<SectionResult> {
    const { scale, log } = context;
    log(`ingestion: ${scale.ingestionRequests.toLocaleString('en-GB')} notifications at ${scale.ingestionConnections} connections, embedded`);
    const { embedded, overKafka, kafka, kafkaNote } = await onEachBus(context, 'ingestion', (dataDir, env) => measure(context, dataDir, env));
    const rate = (run?: IngestionRun) => run?.load.requestsPerSecond ?? null;
    const figures: Figure[] = [
      { section: SECTION, name: 'notifications/s over HTTP, embedded', value: rate(embedded), unit: 'req/s', target: { atLeast: 5_000 }, note: `${scale.ingestionConnections} connections` },
      { section: SECTION, name: 'p50 latency, embedded', value: embedded.load.latency.p50Ms, unit: 'ms' },
      { section: SECTION, name: 'p99 latency, embedded', value: embedded.load.latency.p99Ms, unit: 'ms', target: { atMost: 50 } },
      {
        section: SECTION,
        name: 'embedded, last fifth vs first fifth of the answers, notifications/s',
        value: embedded.load.lastFifthPerSecond / embedded.load.firstFifthPerSecond,
        unit: 'x',
        note: 'near 1 when a filing costs the same however many notifications are open; below 1 when the cost grows as they pile up',
      },
      {
        section: SECTION,
        name: `notifications/s, embedded, every filing about ${SURGE_MATERIAL}`,
        value: embedded.surge.requestsPerSecond,
        unit: 'req/s',
        note: 'a surge about one material (filings of one material are recorded side by side, not one after the other)',
      },
      { section: SECTION, name: `p99 latency, embedded, every filing about ${SURGE_MATERIAL}`, value: embedded.surge.latency.p99Ms, unit: 'ms' },
      { section: SECTION, name: 'notifications/s over HTTP, Kafka', value: rate(overKafka), unit: 'req/s', ...kafkaNote },
      { section: SECTION, name: 'p50 latency, Kafka', value: overKafka?.load.latency.p50Ms ?? null, unit: 'ms' },
      { section: SECTION, name: 'p99 latency, Kafka', value: overKafka?.load.latency.p99Ms ?? null, unit: 'ms' },
      { section: SECTION, name: 'Kafka vs embedded, notifications/s', value: overKafka ? overKafka.load.requestsPerSecond / embedded.load.requestsPerSecond : null, unit: 'x' },
      { section: SECTION, name: `notifications/s, Kafka, every filing about ${SURGE_MATERIAL}`, value: overKafka?.surge.requestsPerSecond ?? null, unit: 'req/s', ...kafkaNote },
    ];
    return { figures, details: { embedded, kafka: overKafka ?? kafka } };
  },
};

interface IngestionRun {
  readonly warmUp: LoadMeasurement;
  readonly load: LoadMeasurement;
  readonly surge: LoadMeasurement;
  readonly appPeakRssBytes: number;
}

async function measure(context: BenchContext, dataDir: string, env: Record<string, string>): Promise<IngestionRun> {
  const { scale } = context;
  const callers = await Callers.forDataDir(dataDir, MEMBER_STATES, AUTHORITIES_PER_STATE);
  const filings = new NotificationRequests(scale.seed + 3);
  const { app } = await AppProcess.start(context.buildRoot, dataDir, env);
  try {
    const warmUpCount = Math.max(scale.ingestionConnections, Math.round(scale.ingestionRequests / 10));
    const warmUp = await fileNotifications(app.baseUrl, filings.take(warmUpCount), callers, scale.ingestionConnections);
    assertAllFiled(warmUp, warmUpCount);
    const load = await fileNotifications(app.baseUrl, filings.take(scale.ingestionRequests), callers, scale.ingestionConnections);
    assertAllFiled(load, scale.ingestionRequests);
    const surge = await fileNotifications(app.baseUrl, filings.take(scale.ingestionRequests, SURGE_MATERIAL), callers, scale.ingestionConnections);
    assertAllFiled(surge, scale.ingestionRequests);
    return { warmUp, load, surge, appPeakRssBytes: app.peakRssBytes };
  } finally {
    await app.stop();
  }
}
