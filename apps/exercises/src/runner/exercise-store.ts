import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDirOwner } from '@imera/event-store';
import { namespaceDir } from '../runtime';
import { ExerciseReport, reportJson } from './exercise-report';
import { isExerciseId } from './exercise-id';
import { reportHtml } from './report-html';

export const REPORT_JSON = 'report.json';
export const REPORT_HTML = 'report.html';

/** One line of the namespace list. */
export interface ExerciseSummary {
  readonly id: string;
  readonly scenario: string | null;
  /** `complete` once the report is written; `running` while the API runs it; `incomplete` for a run that never finished. */
  readonly state: 'complete' | 'running' | 'incomplete';
  readonly passed: boolean | null;
}

/** Writes report.json and report.html into a directory (the namespace's, or the one the CLI was given). */
export async function writeReport(dir: string, report: ExerciseReport): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, REPORT_JSON);
  const html = join(dir, REPORT_HTML);
  await writeFile(json, reportJson(report));
  await writeFile(html, reportHtml(report));
  return { json, html };
}

/** The exercise namespaces under `$DATA_DIR/exercises/`, by id. */
export async function listExercises(dataDir: string): Promise<ExerciseSummary[]> {
  const root = join(dataDir, 'exercises');
  const entries = await readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const ids = entries.filter((entry) => entry.isDirectory() && isExerciseId(entry.name)).map((entry) => entry.name).sort();
  return Promise.all(ids.map((id) => summaryOf(dataDir, id)));
}

export async function exerciseExists(dataDir: string, id: string): Promise<boolean> {
  return (await stat(namespaceDir(dataDir, id)).catch(() => undefined))?.isDirectory() ?? false;
}

export async function readReportFile(dataDir: string, id: string, format: 'json' | 'html'): Promise<string | undefined> {
  return readFile(join(namespaceDir(dataDir, id), format === 'json' ? REPORT_JSON : REPORT_HTML), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** Removes a namespace: its event log, projections and report. Refused while a process has its log open. */
export async function deleteExercise(dataDir: string, id: string): Promise<void> {
  if (!isExerciseId(id)) throw new Error(`not an exercise id: ${id}`);
  const owner = await namespaceOwner(dataDir, id);
  if (owner !== undefined) throw new NamespaceInUseError(id, owner);
  await rm(namespaceDir(dataDir, id), { recursive: true, force: true });
}

export class NamespaceInUseError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly pid: number,
  ) {
    super(`Exercise ${exerciseId} is in use by process ${pid}`);
  }
}

/** The process that holds the namespace's event log open (its LOCK file names it), if it still runs. */
export async function namespaceOwner(dataDir: string, id: string): Promise<number | undefined> {
  return dataDirOwner(join(namespaceDir(dataDir, id), 'event-log'));
}

async function summaryOf(dataDir: string, id: string): Promise<ExerciseSummary> {
  const text = await readReportFile(dataDir, id, 'json');
  if (text === undefined) return { id, scenario: null, state: 'incomplete', passed: null };
  const report = JSON.parse(text) as ExerciseReport;
  return { id, scenario: report.exercise.scenario, state: 'complete', passed: report.outcome.passed };
}
