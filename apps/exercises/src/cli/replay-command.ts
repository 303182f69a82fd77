import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { RecordedHistoryFormatError, UnclassifiedEventsError } from '@imera/domain/exercises/recorded-history';
import { PolicyConfigurationError } from '@imera/domain/imera-modes';
import { loadAppConfig } from '@imera/platform';
import { isExerciseId, NamespaceInUseError } from '../runner';
import { replayFile, ReplayPolicyError } from '../replay/replay-file';
import { writeReplayReport } from '../replay/replay-report';

export const EXIT_REPLAY_DIFFERS = 1;
export const EXIT_BAD_RECORDING = 2;

interface ReplayFlags {
  readonly policy?: string;
  readonly report: string;
  readonly toleranceSeconds: number;
  readonly keep?: string;
  readonly expectIdentical?: boolean;
}

/** `exercise replay <file> [--policy <file>] [--report <dir>]` */
export function replayCommand(): Command {
  return new Command('replay')
    .description('Re-run recorded history (npm run events:export) in a fresh namespace, under the recorded or another policy, and report where the modes differ')
    .argument('<file>', 'a recorded-history file (JSON Lines, imera-events version 1)')
    .option('--policy <file>', 'a policy laid over the recorded one (objects merged, arrays replaced); a complete policy file replaces it')
    .option('--report <dir>', 'where to write replay-report.json and replay-report.html', '.')
    .option('--tolerance-seconds <n>', 'steps this close in time count as at the same time (live decisions lag their cause by up to a minute)', seconds, 60)
    .option('--keep <exercise-id>', 'keep the replay as an exercise namespace under $DATA_DIR/exercises/<id>/ (default: in memory, nothing kept)')
    .option('--expect-identical', 'exit 1 when the replayed modes differ from the recorded ones')
    .action(async (file: string, flags: ReplayFlags) => {
      process.exitCode = await replay(file, flags);
    });
}

async function replay(file: string, flags: ReplayFlags): Promise<number> {
  const began = process.hrtime.bigint();
  if (flags.keep !== undefined && !isExerciseId(flags.keep)) return badRecording(file, new Error(`--keep: not an exercise id: ${flags.keep}`));
  let replayed;
  try {
    replayed = await replayFile(resolve(file), {
      policyFile: flags.policy ? resolve(flags.policy) : undefined,
      dataDir: loadAppConfig().dataDir,
      toleranceSeconds: flags.toleranceSeconds,
      store: flags.keep ? 'file' : 'memory',
      exerciseId: flags.keep,
    });
  } catch (error) {
    if (error instanceof NamespaceInUseError) return badRecording(file, error);
    if (error instanceof RecordedHistoryFormatError || error instanceof UnclassifiedEventsError || isPolicyProblem(error)) return badRecording(file, error);
    throw error;
  }
  const { report } = replayed;
  const written = await writeReplayReport(resolve(flags.report), report);
  for (const scope of report.scopes)
    for (const difference of scope.differences)
      process.stdout.write(`${difference.kind.padEnd(7)} ${scope.scopeId} ${difference.type} (${difference.to}): recorded ${difference.recordedAt ?? '-'}, replayed ${difference.replayedAt ?? '-'}\n`);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  process.stdout.write(`Replay of ${report.recording.file} under ${report.policy.ref} (${report.policy.source}): ${report.outcome.summary}; ${seconds.toFixed(2)} s wall-clock\n`);
  process.stdout.write(`Report: ${written.json} and ${written.html}\n`);
  return flags.expectIdentical && !report.outcome.identical ? EXIT_REPLAY_DIFFERS : 0;
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('a number of seconds >= 0');
  return parsed;
}

function isPolicyProblem(error: unknown): boolean {
  return error instanceof ReplayPolicyError || error instanceof PolicyConfigurationError;
}

function badRecording(file: string, error: unknown): number {
  process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_BAD_RECORDING;
}
