#!/usr/bin/env node
// The benchmark suite: `npm run bench` (full figures) or `npm run bench -- --quick` (smoke run for CI).
// Prints a table and writes bench/results.json. Fails only when a measurement errs, never on a timing.
import { Command, Option } from 'commander';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Figure, verdict } from './report/figures';
import { renderTable } from './report/table';
import { DEFAULT_SEED, scaleFor } from './scale';
import { coldStartSection } from './sections/cold-start.section';
import { durableAppendSection } from './sections/durable-append.section';
import { ingestionSection } from './sections/ingestion.section';
import { KafkaChoice, KafkaForRun } from './sections/kafka-for-run';
import { liveLatencySection } from './sections/live-latency.section';
import { replaySection } from './sections/replay.section';
import { BenchSection, SECTION_NAMES, SectionName } from './sections/section';

const SECTIONS: readonly BenchSection[] = [replaySection, durableAppendSection, ingestionSection, liveLatencySection, coldStartSection];
const BUILD_ROOT = resolve(__dirname, '..');
/** The folder holding package.json above the build (dist/ or a test's private build under .tmp/). */
const PROJECT_ROOT = projectRootAbove(BUILD_ROOT);

function projectRootAbove(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) throw new Error(`no package.json above ${dir}`);
  }
}

interface CliOptions {
  quick?: boolean;
  only?: SectionName[];
  seed: number;
  results: string;
  workDir?: string;
  keep?: boolean;
  kafka: KafkaChoice;
  replayEvents?: number;
  coldStartEvents?: number;
}

async function main(options: CliOptions): Promise<number> {
  const overrides = { ...(options.replayEvents ? { replayEvents: options.replayEvents } : {}), ...(options.coldStartEvents ? { coldStartEvents: options.coldStartEvents } : {}) };
  const scale = scaleFor(options.quick ? 'quick' : 'full', options.seed, overrides);
  const workDir = options.workDir ? resolve(options.workDir) : mkdtempSync(join(tmpdir(), 'imera-bench-'));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const chosen = SECTIONS.filter((section) => !options.only || options.only.includes(section.name));
  const startedAt = new Date();
  const loadBefore = loadavg();
  const figures: Figure[] = [];
  const sections: Record<string, unknown> = {};
  const failures: { section: string; error: string }[] = [];
  log(`${scale.mode} run, seed ${scale.seed}, scratch directory ${workDir}`);
  const kafka = new KafkaForRun(options.kafka, scale.mode, PROJECT_ROOT, workDir, log);
  try {
    for (const section of chosen) {
      const sectionStart = process.hrtime.bigint();
      try {
        const context = { scale, workDir: join(workDir, section.name), buildRoot: BUILD_ROOT, log, kafka: () => kafka.availability() };
        const result = await section.run(context);
        figures.push(...result.figures);
        sections[section.name] = { ...result.details, seconds: Number(process.hrtime.bigint() - sectionStart) / 1e9 };
      } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        failures.push({ section: section.name, error: message });
        log(`${section.name} FAILED: ${message}`);
      }
    }
  } finally {
    await kafka.stop().catch((error: unknown) => failures.push({ section: 'kafka', error: String(error) }));
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
  const finishedAt = new Date();
  process.stdout.write(`\n${renderTable(figures)}\n`);
  const results = {
    mode: scale.mode,
    scale,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    totalSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    machine: machine(loadBefore),
    figures: figures.map((figure) => ({ ...figure, verdict: verdict(figure) })),
    sections,
    failures,
  };
  writeFileSync(options.results, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${scale.mode} run finished in ${results.totalSeconds.toFixed(0)} s; results in ${options.results}\n`);
  if (failures.length > 0) process.stderr.write(`${failures.length} section(s) failed: ${failures.map((failure) => failure.section).join(', ')}\n`);
  return failures.length > 0 ? 1 : 0;
}

function machine(loadBefore: number[]) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg(),
  };
}

const program = new Command('bench')
  .description('Benchmark suite: replay, durable append, ingestion, live latency and cold start')
  .option('--quick', 'scale every figure down for a smoke run (CI)')
  .addOption(new Option('--only <sections...>', 'run only these sections').choices(SECTION_NAMES))
  .option('--seed <n>', 'seed of the synthetic events', (value) => Number.parseInt(value, 10), DEFAULT_SEED)
  .option('--results <path>', 'where to write the results', join(PROJECT_ROOT, 'bench', 'results.json'))
  .option('--work-dir <dir>', 'scratch directory for fixtures (default: a new temporary directory)')
  .option('--keep', 'keep the scratch directory after the run')
  .option('--replay-events <n>', 'events replayed (full: 1,000,000; the issue asks for 5,000,000)', (value) => Number.parseInt(value, 10))
  .option('--cold-start-events <n>', 'events in the store at cold start (full: 1,000,000, the size the issue asks for)', (value) => Number.parseInt(value, 10))
  .addOption(new Option('--kafka <when>', 'real Kafka broker for ingestion and live latency (auto: full runs only)').choices(['auto', 'on', 'off']).default('auto'))
  .parse();

main(program.opts<CliOptions>()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
