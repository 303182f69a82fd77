import { join } from 'node:path';
import { runInChild } from '../child/run-in-child';
import { AppProcess, AppStart } from '../http/app-process';
import { Figure, MB } from '../report/figures';
import { BenchContext, BenchSection, SectionResult } from './section';

const SECTION = 'Cold start';

/**
 * The compiled all-in-one app starting on a data directory that already holds N events: first with no
 * stored checkpoints (every projection folds the whole log and saves its snapshot), then again on the same
 * data, when every projection resumes after its snapshot. The second start is the cold start of a deployed
 * system; the first is a rebuild.
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
    const resume = await startAndStop(context, dataDir);
    const figures: Figure[] = [
      { section: SECTION, name: `/health ready with ${events} events, from checkpoints`, value: resume.seconds, unit: 's' },
      { section: SECTION, name: 'peak RSS of the app at ready, from checkpoints', value: resume.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: `/health ready with ${events} events, no checkpoints (rebuild)`, value: rebuild.seconds, unit: 's' },
      { section: SECTION, name: 'peak RSS of the app at ready, rebuild', value: rebuild.peakRssBytes / MB, unit: 'MB' },
      { section: SECTION, name: 'rebuild vs resume', value: rebuild.seconds / resume.seconds, unit: 'x' },
    ];
    return { figures, details: { events: fixture.events, logBytes: fill.bytes, rebuild, resume } };
  },
};

async function startAndStop(context: BenchContext, dataDir: string): Promise<AppStart> {
  const { app, start } = await AppProcess.start(context.buildRoot, dataDir);
  await app.stop();
  return start;
}
