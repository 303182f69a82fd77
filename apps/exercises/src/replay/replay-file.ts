import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { RecordedEvent } from '@imera/event-sourcing';
import { RecordedHistory } from '@imera/domain/exercises/recorded-history';
import { loadPolicyConfiguration, policyRef } from '@imera/domain/imera-modes';
import { DEFAULT_POLICY_FILE } from '../../../crisis-monitor/src/crisis-monitor.config';
import { deepMerge } from '../runtime';
import { deleteExercise } from '../runner';
import { readRecordedHistory } from './read-recorded-history';
import { ReplayPolicy, replayRecordedHistory } from './replay-recorded-history';
import { buildReplayReport, ReplayReport } from './replay-report';

export interface ReplayFileOptions {
  /** A policy file laid over the recorded policy (objects merged, arrays replaced); a complete policy replaces it. */
  readonly policyFile?: string;
  readonly dataDir: string;
  readonly toleranceSeconds: number;
  /** `memory` (default) keeps nothing; `file` keeps the namespace under `$DATA_DIR/exercises/<id>/`. */
  readonly store?: 'memory' | 'file';
  /** Default: `replay-` and the start of the file's hash. */
  readonly exerciseId?: string;
}

/** Reads a recorded-history file, replays it and reports how the replayed modes differ from the recorded ones. */
export async function replayFile(path: string, options: ReplayFileOptions): Promise<{ report: ReplayReport; exerciseId: string }> {
  const { history, sha256 } = await readRecordedHistory(path);
  const cited = policiesCitedByProposals(history.events);
  const policy = replayPolicy(history, cited, options.policyFile);
  const exerciseId = options.exerciseId ?? `replay-${sha256.slice(0, 12)}`;
  const store = options.store ?? 'memory';
  // Like a scenario run, a kept replay always starts from an empty namespace.
  if (store === 'file') await deleteExercise(options.dataDir, exerciseId);
  const result = await replayRecordedHistory({ history, policy, dataDir: options.dataDir, exerciseId, store, toleranceSeconds: options.toleranceSeconds });
  const report = buildReplayReport({ fileName: basename(path), fileSha256: sha256, header: history.header, policiesCitedByProposals: cited, policy, result });
  return { report, exerciseId };
}

/**
 * The recorded policy is the one the file's header names; a file without one (an exercise's export) is
 * replayed under the shipped policy only when its proposals cite that policy (or none). `--policy` is laid
 * over it.
 */
/** No policy to replay under: a `--policy` file that cannot be read, or a recording that cites an unknown one. */
export class ReplayPolicyError extends Error {
  override readonly name = 'ReplayPolicyError';
}

export function replayPolicy(history: RecordedHistory, cited: readonly string[], policyFile?: string): ReplayPolicy {
  const base = history.header.policy ? { document: history.header.policy.document, source: 'recording' } : shippedPolicyFor(cited);
  if (!policyFile) return checked(base);
  let overlay: unknown;
  try {
    overlay = JSON.parse(readFileSync(policyFile, 'utf8'));
  } catch (error) {
    throw new ReplayPolicyError(`--policy ${policyFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (overlay === null || typeof overlay !== 'object' || Array.isArray(overlay)) throw new ReplayPolicyError(`--policy ${policyFile}: expected a JSON object`);
  return checked({ document: deepMerge(base.document, overlay) as Record<string, unknown>, source: basename(policyFile) });
}

function shippedPolicyFor(cited: readonly string[]): ReplayPolicy {
  const document = JSON.parse(readFileSync(DEFAULT_POLICY_FILE, 'utf8')) as Record<string, unknown>;
  const shipped = policyRef(loadPolicyConfiguration(document));
  const others = cited.filter((ref) => ref !== shipped);
  if (others.length > 0)
    throw new ReplayPolicyError(`The recording names no policy and its proposals cite ${others.join(', ')}, not the shipped ${shipped}: give the recorded policy with --policy`);
  return { document, source: `shipped ${shipped} (the recording names no policy)` };
}

function checked(policy: ReplayPolicy): ReplayPolicy {
  loadPolicyConfiguration(policy.document);
  return policy;
}

/** The `policyRef`s the recorded proposals give in their grounds, sorted. */
export function policiesCitedByProposals(events: readonly RecordedEvent[]): string[] {
  const refs = new Set<string>();
  for (const event of events) {
    if (!event.streamName.startsWith('scope-')) continue;
    const ref = (event.data as { grounds?: { policyRef?: unknown } }).grounds?.policyRef;
    if (typeof ref === 'string') refs.add(ref);
  }
  return [...refs].sort();
}
