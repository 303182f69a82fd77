import { collect, EventStore, NewEvent, RecordedEvent } from '@imera/event-sourcing';
import {
  AppendInputs,
  compareModeTimelines,
  modeTimelines,
  planReplay,
  proposalForAct,
  RecordCouncilAct,
  RecordedHistory,
  TimelineComparison,
  ScopeTimeline,
} from '@imera/domain/exercises/recorded-history';
import { evolveScopeMode, initialScopeModeState, scopeStream } from '@imera/domain/imera-modes';
import { loadStream } from '@imera/platform';
import { ExerciseNamespace } from '../runtime';

/** The policy a replay runs under: a complete policy document and where it came from. */
export interface ReplayPolicy {
  readonly document: Record<string, unknown>;
  /** A short label for the report: `recording` or the policy file's name. */
  readonly source: string;
}

export interface ReplayOptions {
  readonly history: RecordedHistory;
  readonly policy: ReplayPolicy;
  /** The data directory the namespace is opened under (nothing is written there with the memory store). */
  readonly dataDir: string;
  readonly exerciseId: string;
  /** `memory` (default): nothing is kept; `file`: the namespace's log stays under `$DATA_DIR/exercises/<id>/`. */
  readonly store?: 'memory' | 'file';
  /** Steps within this many seconds of each other count as at the same time. */
  readonly toleranceSeconds: number;
}

/** What happened to a recorded Council act in the replay. */
export interface CouncilActOutcome {
  readonly at: string;
  readonly scopeId: string;
  readonly decision: string;
  readonly mode: string;
  readonly reference: string;
  readonly recordedProposalId: string;
  readonly replayedProposalId: string | null;
  readonly outcome: 'recorded' | 'refused';
  readonly status: number | null;
  readonly reason: string | null;
}

export interface ReplayResult {
  readonly recorded: readonly ScopeTimeline[];
  readonly replayed: readonly ScopeTimeline[];
  readonly comparison: TimelineComparison;
  readonly inputs: { readonly appended: number; readonly alreadyDecidedByNamespace: number };
  readonly councilActs: readonly CouncilActOutcome[];
  readonly derivedNotCopied: Readonly<Record<string, number>>;
  readonly virtualTime: { readonly from: string | null; readonly to: string | null };
}

/**
 * Re-runs recorded history in a fresh exercise namespace: the recorded inputs are appended at their recorded
 * times while the virtual clock follows them (every schedule falling due on the way), real Council acts are
 * recorded again on the proposals the replayed policy made, and derived decisions are decided again by the
 * namespace's own services. Then the replayed mode timelines are compared with the recorded ones.
 */
export async function replayRecordedHistory(options: ReplayOptions): Promise<ReplayResult> {
  const { history, policy } = options;
  const plan = planReplay(history.events);
  const from = history.header.firstRecordedAt;
  const to = history.header.lastRecordedAt;
  const autoDecision = (policy.document.autoDecision as { enabled?: unknown } | undefined)?.enabled === true;
  const namespace = await ExerciseNamespace.open(options.exerciseId, {
    decisions: autoDecision ? 'auto' : 'scripted',
    start: from ?? '1970-01-01T00:00:00Z',
    policy: policy.document,
    store: options.store ?? 'memory',
    dataDir: options.dataDir,
  });
  const inputs = { appended: 0, alreadyDecidedByNamespace: 0 };
  const councilActs: CouncilActOutcome[] = [];
  let replayedEvents: RecordedEvent[];
  try {
    for (const step of plan.steps) {
      const at = latest(namespace.clock.now().toISOString(), step.at);
      await namespace.advanceTo(at);
      if (step.kind === 'append-inputs') {
        const appended = await appendInputs(namespace.store, step);
        inputs.appended += appended;
        inputs.alreadyDecidedByNamespace += step.events.length - appended;
      } else councilActs.push(await recordCouncilAct(namespace, step, at));
      await namespace.advanceTo(at);
    }
    if (to) await namespace.advanceTo(latest(namespace.clock.now().toISOString(), to));
    replayedEvents = await namespace.events();
  } finally {
    await namespace.close();
  }
  const recorded = modeTimelines(history.events);
  const replayed = modeTimelines(replayedEvents);
  return {
    recorded,
    replayed,
    comparison: compareModeTimelines(recorded, replayed, { toleranceSeconds: options.toleranceSeconds }),
    inputs,
    councilActs,
    derivedNotCopied: plan.derivedNotCopied,
    virtualTime: { from, to },
  };
}

/**
 * Appends the recorded events after whatever the namespace's stream holds now. An event already there (the
 * namespace's own schedule decided the same dated transition, with the same deterministic id) is not
 * appended twice. Returns how many were appended.
 */
async function appendInputs(store: EventStore, step: AppendInputs): Promise<number> {
  const stored = await collect(store.readStream(step.streamName));
  const ids = new Set(stored.map((event) => event.id));
  const fresh = step.events.filter((event) => !ids.has(event.id));
  if (fresh.length === 0) return 0;
  await store.appendToStream(step.streamName, fresh.map(asNewEvent), { expectedRevision: stored.length === 0 ? 'no-stream' : stored.length - 1 });
  return fresh.length;
}

/** The recorded event as a new one; an exercise's own id is kept aside, the namespace tags it with its own. */
function asNewEvent(event: RecordedEvent): NewEvent {
  const { exerciseId, ...metadata } = event.metadata;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: { ...metadata, ...(exerciseId === undefined ? {} : { recordedExerciseId: exerciseId }) } as NewEvent['metadata'],
  };
}

async function recordCouncilAct(namespace: ExerciseNamespace, step: RecordCouncilAct, at: string): Promise<CouncilActOutcome> {
  const { act } = step;
  const base = {
    at: step.at,
    scopeId: act.scopeId,
    decision: act.decision,
    mode: act.mode,
    reference: act.body.reference,
    recordedProposalId: act.recordedProposalId,
  };
  const modes = await loadStream(namespace.store, scopeStream(act.scopeId), { evolve: evolveScopeMode, initialState: initialScopeModeState });
  const target = proposalForAct(act, modes.state.proposal);
  if ('refused' in target) return { ...base, replayedProposalId: null, outcome: 'refused', status: null, reason: target.refused };
  const { status, body } = await namespace.apply(
    { at, action: 'council-act.record', params: { scopeId: act.scopeId }, as: { role: 'council-secretariat' }, data: { ...act.body, proposalId: target.proposalId } },
    `replay:${step.event.id}`,
  );
  const recorded = status === 200 || status === 201;
  return {
    ...base,
    replayedProposalId: target.proposalId,
    outcome: recorded ? 'recorded' : 'refused',
    status,
    reason: recorded ? null : refusalOf(body),
  };
}

function refusalOf(body: unknown): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : JSON.stringify(body ?? null);
}

function latest(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}
