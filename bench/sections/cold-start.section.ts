import { join } from 'node:path';
import { runInChild } from '../child/run-in-child';
import { AppProcess, AppStart } from '../http/app-process';
import { LiveLatencyMeasurement, PAUSE_BETWEEN_PROBES_MS, probeAppOn } from '../live-latency/live-probes';
import { Figure, MB } from '../report/figures';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Cold start';
/** Every projection saves its checkpoint this often while the probes run (the read models' default is 2 minutes). */
const SAVE_EVERY_MS = 10_000;
const SAVED_OFTEN = { PROJECTION_SNAPSHOT_EVERY_MS: String(SAVE_EVERY_MS), READ_MODEL_SNAPSHOT_EVERY_MS: String(SAVE_EVERY_MS) };
const SAVES_NOTE = 'the live-latency probes on the app that resumed, while each projection saves its checkpoint every 10 s';

/**
 * The compiled all-in-one app starting on a data directory that already holds N events: first with no
 * stored checkpoints (every projection folds the whole log and saves its snapshot), then again on the same
 * data, when every projection resumes after its snapshot. The second start is the cold start of a deployed
 * system; the first is a rebuild. The resumed app is then probed for live latency while every projection
 * saves its checkpoint (each as large as the log makes it), which must not hold up the live stream.
 */
export const coldStartSection: BenchSection = {
  name: 'cold-start',
  title: 'Cold start of the all-in-one app until /health is ready',
  async run(context: BenchContext): Promise<SectionResult> {
    const { scale, log } = context;
    const dataDir = join(context.workDir, 'cold-start');
    const fixture = { seed: scale.seed + 2, events: scale.coldStartEvents };
    const events = fixture.events.toLocaleString('en-GB');
    log(`cold start: writing ${events} events`);
    const fill = (await runInChild('fill-file-log', { dir: join(dataDir, 'event-log'), fixture })).result;

    log('cold start: first start, no checkpoints (every projection folds the log)');
    const rebuild = await startAndStop(context, dataDir);
    log('cold start: second start, projections resume from their checkpoints');
    const { app, start: resume } = await AppProcess.start(context.buildRoot, dataDir, SAVED_OFTEN);
    let live: LiveLatencyMeasurement;
    try {
      log(`cold start: ${scale.storedLiveProbes} live-latency probes on the ${events} events while every checkpoint is saved`);
      live = await probeAppOn(app.baseUrl, dataDir, scale.seed + 5, scale.storedLiveProbes);
    } finally {
      await app.stop();
    }
    const stored = `with ${events} events stored`;
    const figures: Figure[] = [
      { section: SECTION, name: `/health ready with ${events} events, from checkpoints`, value: resume.seconds, unit: 's' },
      { section: SECTION, name: 'peak RSS of the app at ready, from checkpoints', value: resume.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: `/health ready with ${events} events, no checkpoints (rebuild)`, value: rebuild.seconds, unit: 's' },
      { section: SECTION, name: 'peak RSS of the app at ready, rebuild', value: rebuild.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: 'rebuild vs resume', value: rebuild.seconds / resume.seconds, unit: 'x' },
      { section: SECTION, name: `2xx to scope change on SSE, p99, ${stored}`, value: live.latency.p99Ms, unit: 'ms', target: { atMost: 100 }, note: SAVES_NOTE },
      { section: SECTION, name: `request sent to scope change on SSE, p99, ${stored}`, value: live.fromRequest.p99Ms, unit: 'ms' },
      { section: SECTION, name: `request sent to scope change on SSE, longest, ${stored}`, value: live.fromRequest.maxMs, unit: 'ms' },
    ];
    return { figures, details: { events: fixture.events, logBytes: fill.bytes, rebuild, resume, live: { pauseBetweenProbesMs: PAUSE_BETWEEN_PROBES_MS, savedEveryMs: SAVE_EVERY_MS, ...live } } };
  },
};

async function startAndStop(context: BenchContext, dataDir: string): Promise<AppStart> {
  const { app, start } = await AppProcess.start(context.buildRoot, dataDir);
  await app.stop();
  return start;
}
