import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModeTransition, RecordedHistoryHeader, ScopeComparison } from '@imera/domain/exercises/recorded-history';
import { policyRef, loadPolicyConfiguration } from '@imera/domain/imera-modes';
import { CouncilActOutcome, ReplayPolicy, ReplayResult } from './replay-recorded-history';
import { replayReportHtml } from './replay-report-html';

export interface ReplayReportStep {
  readonly at: string;
  readonly type: string;
  readonly mode: string;
  readonly from: string;
  readonly to: string;
  readonly modeAfter: string;
  readonly actor: string;
  readonly rationale: string | null;
}

/** The replay report: deterministic (virtual times only, fixed key order), rendered as JSON and HTML. */
export interface ReplayReport {
  readonly report: 'imera-replay';
  readonly reportVersion: 1;
  readonly outcome: {
    readonly summary: string;
    readonly identical: boolean;
    readonly differences: number;
    readonly toleranceSeconds: number;
  };
  readonly recording: {
    readonly file: string;
    readonly sha256: string;
    readonly source: RecordedHistoryHeader['source'];
    readonly events: number;
    readonly firstRecordedAt: string | null;
    readonly lastRecordedAt: string | null;
    /** The policy named in the file's header (the exporting system's). */
    readonly policy: string | null;
    /** The policies the recorded proposals say they came from. */
    readonly policiesCitedByProposals: readonly string[];
  };
  readonly policy: { readonly ref: string; readonly sha256: string; readonly source: string; readonly sameAsRecording: boolean };
  readonly replay: {
    readonly inputsAppended: number;
    readonly inputsAlreadyDecidedByNamespace: number;
    readonly councilActsRecorded: number;
    readonly councilActsRefused: number;
    readonly derivedNotCopied: Readonly<Record<string, number>>;
  };
  readonly virtualTime: { readonly from: string | null; readonly to: string | null };
  readonly councilActs: readonly CouncilActOutcome[];
  readonly scopes: ReadonlyArray<ScopeComparison & { readonly recorded: readonly ReplayReportStep[]; readonly replayed: readonly ReplayReportStep[] }>;
}

export interface ReplayReportInput {
  readonly fileName: string;
  readonly fileSha256: string;
  readonly header: RecordedHistoryHeader;
  readonly policiesCitedByProposals: readonly string[];
  readonly policy: ReplayPolicy;
  readonly result: ReplayResult;
}

export function buildReplayReport(input: ReplayReportInput): ReplayReport {
  const { header, result, policy } = input;
  const { comparison } = result;
  const timelines = (which: 'recorded' | 'replayed', scopeId: string) =>
    (result[which].find((timeline) => timeline.scopeId === scopeId)?.transitions ?? []).map(step);
  const recorded = result.councilActs.filter((act) => act.outcome === 'recorded').length;
  return {
    report: 'imera-replay',
    reportVersion: 1,
    outcome: {
      summary: summaryOf(comparison.differenceCount, comparison.scopes.filter((scope) => scope.differences.length > 0).length),
      identical: comparison.identical,
      differences: comparison.differenceCount,
      toleranceSeconds: comparison.toleranceSeconds,
    },
    recording: {
      file: input.fileName,
      sha256: input.fileSha256,
      source: header.source,
      events: header.eventCount,
      firstRecordedAt: header.firstRecordedAt,
      lastRecordedAt: header.lastRecordedAt,
      policy: header.policy?.ref ?? null,
      policiesCitedByProposals: input.policiesCitedByProposals,
    },
    policy: {
      ref: policyRef(loadPolicyConfiguration(policy.document)),
      sha256: policyHash(policy.document),
      source: policy.source,
      sameAsRecording: header.policy !== undefined && policyHash(header.policy.document) === policyHash(policy.document),
    },
    replay: {
      inputsAppended: result.inputs.appended,
      inputsAlreadyDecidedByNamespace: result.inputs.alreadyDecidedByNamespace,
      councilActsRecorded: recorded,
      councilActsRefused: result.councilActs.length - recorded,
      derivedNotCopied: result.derivedNotCopied,
    },
    virtualTime: result.virtualTime,
    councilActs: result.councilActs,
    scopes: comparison.scopes.map((scope) => ({ ...scope, recorded: timelines('recorded', scope.scopeId), replayed: timelines('replayed', scope.scopeId) })),
  };
}

function summaryOf(differences: number, scopes: number): string {
  if (differences === 0) return 'no differences: the replay reproduces the recorded mode timelines';
  return `${differences} difference${differences === 1 ? '' : 's'} in ${scopes} scope${scopes === 1 ? '' : 's'}`;
}

function step(transition: ModeTransition): ReplayReportStep {
  const { at, type, mode, from, to, modeAfter, actor, rationale } = transition;
  return { at, type, mode, from, to, modeAfter, actor, rationale };
}

/** The hash of a policy document with its keys sorted: the same thresholds give the same hash. */
export function policyHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** Writes `replay-report.json` and `replay-report.html` into the directory. */
export async function writeReplayReport(dir: string, report: ReplayReport): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'replay-report.json');
  const html = join(dir, 'replay-report.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, replayReportHtml(report));
  return { json, html };
}
