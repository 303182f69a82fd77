import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadAppConfig } from '@imera/platform';
import { namespaceDir } from '../runtime';
import { deleteExercise, exerciseIdFromName, isExerciseId, NamespaceInUseError, runExercise, writeReport } from '../runner';
import { BadScenarioError, parseScenario } from '../scenario/parse-scenario';

export const EXIT_EXPECTATION_FAILED = 1;
export const EXIT_BAD_SCENARIO = 2;

interface RunFlags {
  readonly report?: string;
  readonly memory?: boolean;
  readonly id?: string;
}

/** `exercise run <scenario-file> [--report <dir>] [--memory] [--id <exercise-id>]` */
export function runCommand(): Command {
  return new Command('run')
    .description('Run a scenario in its own exercise namespace on virtual time and write its report')
    .argument('<scenario-file>', 'the scenario (JSON, see docs/exercises/README.md)')
    .option('--report <dir>', 'also write report.json and report.html into this directory')
    .option('--memory', 'keep the namespace in memory (nothing written under $DATA_DIR/exercises/)')
    .option('--id <exercise-id>', 'the namespace id (default: from the scenario name)')
    .action(async (file: string, flags: RunFlags) => {
      process.exitCode = await run(file, flags);
    });
}

async function run(file: string, flags: RunFlags): Promise<number> {
  const began = process.hrtime.bigint();
  const dataDir = loadAppConfig().dataDir;
  let parsed;
  try {
    parsed = parseScenario(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    return badScenario(file, error);
  }
  const exerciseId = flags.id ?? exerciseIdFromName(parsed.scenario.name);
  if (!isExerciseId(exerciseId)) return badScenario(file, new Error(`--id: not an exercise id: ${exerciseId}`));
  const store = flags.memory ? 'memory' : 'file';
  // A re-run replaces the namespace of the same id: a run always starts from an empty store.
  if (store === 'file') {
    try {
      await deleteExercise(dataDir, exerciseId);
    } catch (error) {
      if (error instanceof NamespaceInUseError) return badScenario(file, error);
      throw error;
    }
  }
  let report;
  try {
    report = await runExercise(parsed, { exerciseId, dataDir, store });
  } catch (error) {
    if (error instanceof BadScenarioError) return badScenario(file, error);
    throw error;
  }
  const written = [];
  if (store === 'file') written.push(await writeReport(namespaceDir(dataDir, exerciseId), report));
  if (flags.report) written.push(await writeReport(resolve(flags.report), report));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  for (const result of report.expectations) process.stdout.write(`${result.met ? 'met   ' : 'FAILED'} ${result.label}: ${result.reason}\n`);
  process.stdout.write(
    `Exercise ${exerciseId}: ${report.outcome.passed ? 'passed' : 'FAILED'} (${report.outcome.expectationsMet}/${report.outcome.expectations} expectations met, ` +
      `${report.outcome.inputs} inputs, ${report.outcome.eventsRecorded} events, ${report.virtualTime.days} virtual days) in ${seconds.toFixed(2)} s wall-clock\n`,
  );
  for (const paths of written) process.stdout.write(`Report: ${paths.json} and ${paths.html}\n`);
  return report.outcome.passed ? 0 : EXIT_EXPECTATION_FAILED;
}

function badScenario(file: string, error: unknown): number {
  process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_BAD_SCENARIO;
}
