import { BenchSection, SectionName } from './section';

/**
 * A section whose system under test is still being built: it reports its figures as not measured, so the
 * table shows what is missing, and is replaced by the real measurement once the feature exists.
 */
function notYetMeasured(name: SectionName, title: string, figures: readonly { name: string; unit: string; atLeast?: number; atMost?: number }[], why: string): BenchSection {
  return {
    name,
    title,
    async run() {
      return {
        figures: figures.map((figure, index) => ({
          section: title,
          name: figure.name,
          value: null,
          unit: figure.unit,
          target: figure.atLeast !== undefined || figure.atMost !== undefined ? { atLeast: figure.atLeast, atMost: figure.atMost } : undefined,
          ...(index === 0 ? { note: `not yet measured: ${why}` } : {}),
        })),
        details: { measured: false, why },
      };
    },
  };
}

export const ingestionSection = notYetMeasured(
  'ingestion',
  'Ingestion',
  [
    { name: 'notifications/s over HTTP, embedded', unit: 'req/s', atLeast: 5_000 },
    { name: 'p50 latency, embedded', unit: 'ms' },
    { name: 'p99 latency, embedded', unit: 'ms', atMost: 50 },
    { name: 'notifications/s over HTTP, Kafka', unit: 'req/s' },
    { name: 'p99 latency, Kafka', unit: 'ms' },
  ],
  'the HTTP intake is still being built; this section will drive it with a load generator at fixed concurrency',
);

export const liveLatencySection = notYetMeasured(
  'live-latency',
  'Live latency',
  [
    { name: '2xx to mode change on SSE, p50, embedded', unit: 'ms' },
    { name: '2xx to mode change on SSE, p99, embedded', unit: 'ms', atMost: 100 },
    { name: '2xx to mode change on SSE, p99, Kafka', unit: 'ms', atMost: 500 },
  ],
  'the mode projection and the server-sent-events stream are still being built',
);
