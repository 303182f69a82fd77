import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join('apps', 'crisis-monitor', 'src', 'cli', 'projections-rebuild.main.js');

export interface SnapshotCheck {
  /** False when the build has no such command (the projection has no stored checkpoints). */
  readonly ran: boolean;
  /** Whether a stored snapshot existed and, resumed to the end of the log, equals a rebuild from zero. */
  readonly matches?: boolean;
  readonly report: string;
}

/**
 * Runs the crisis monitor's `projections:rebuild --check` from the compiled build against the data
 * directory while the system is down: the snapshot it stored before the kill, resumed, must equal a rebuild.
 */
export function checkStoredSnapshots(buildDir: string, dataDir: string): SnapshotCheck {
  const cli = join(buildDir, CLI);
  if (!existsSync(cli)) return { ran: false, report: 'no projections:rebuild command in this build' };
  const run = spawnSync(process.execPath, [cli, '--check'], { env: { ...process.env, DATA_DIR: dataDir, KAFKA_BROKERS: '', EVENT_STORE: 'file' }, encoding: 'utf8', timeout: 60_000 });
  const report = `${run.stdout}${run.stderr}`.trim();
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let matches: boolean | undefined;
  try {
    matches = (JSON.parse(line) as { matches?: boolean }).matches;
  } catch {
    matches = undefined;
  }
  if (run.status !== 0) return { ran: true, matches: false, report };
  return { ran: true, matches, report };
}
