import { AppProcess } from '../http/app-process';
import { LiveLatencyMeasurement, PAUSE_BETWEEN_PROBES_MS, probeAppOn } from '../live-latency/live-probes';
import { Figure } from '../report/figures';
import { onEachBus } from './each-bus';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Live latency';

/**
 * From a notification's 2xx to the scope change it causes (indicators, proposal or mode) arriving on the
 * live stream (`/api/v1/stream`), in the embedded default and over a real Kafka broker.
 */
export const liveLatencySection: BenchSection = {
  name: 'live-latency',
  title: 'Live latency: 2xx to the scope change on the live stream',
  async run(context: BenchContext): Promise<SectionResult> {
    const { scale, log } = context;
    log(`live latency: ${scale.liveProbes} probes, embedded`);
    const { embedded, overKafka, kafka, kafkaNote } = await onEachBus(context, 'live latency', (dataDir, env) => measure(context, dataDir, env));
    const figures: Figure[] = [
      { section: SECTION, name: '2xx to scope change on SSE, p50, embedded', value: embedded.latency.p50Ms, unit: 'ms' },
      { section: SECTION, name: '2xx to scope change on SSE, p99, embedded', value: embedded.latency.p99Ms, unit: 'ms', target: { atMost: 100 } },
      { section: SECTION, name: 'request sent to scope change on SSE, p99, embedded', value: embedded.fromRequest.p99Ms, unit: 'ms', note: 'includes the filing itself and its answer' },
      { section: SECTION, name: '2xx to scope change on SSE, p50, Kafka', value: overKafka?.latency.p50Ms ?? null, unit: 'ms', ...kafkaNote },
      { section: SECTION, name: '2xx to scope change on SSE, p99, Kafka', value: overKafka?.latency.p99Ms ?? null, unit: 'ms', target: { atMost: 500 } },
      { section: SECTION, name: 'request sent to scope change on SSE, p99, Kafka', value: overKafka?.fromRequest.p99Ms ?? null, unit: 'ms' },
    ];
    return { figures, details: { pauseBetweenProbesMs: PAUSE_BETWEEN_PROBES_MS, embedded, kafka: overKafka ?? kafka } };
  },
};

async function measure(context: BenchContext, dataDir: string, env: Record<string, string>): Promise<LiveLatencyMeasurement> {
  const { app } = await AppProcess.start(context.buildRoot, dataDir, env);
  try {
    return await probeAppOn(app.baseUrl, dataDir, context.scale.seed + 4, context.scale.liveProbes);
  } finally {
    await app.stop();
  }
}
