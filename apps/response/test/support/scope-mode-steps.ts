import { randomUUID } from 'node:crypto';
import { Event, EventStore, foldEvents, NewEvent } from '@imera/event-sourcing';
import {
  createScopeModeDecider,
  ModeActor,
  SCOPE_MODE_SCHEMA_VERSION,
  ScopeModeCommand,
  ScopeModeEvent,
  scopeStream,
} from '@imera/domain/imera-modes';
import { loadStream } from '@imera/platform';

/**
 * Test helper: drives a scope through the IMERA modes with the scope-mode decider itself, standing in for the
 * crisis monitor's Council-act API. Every event is one the real decider would record.
 */
const decider = createScopeModeDecider({ emergencyMaxPeriodMonths: 6 });
const crisisCell: ModeActor = { subject: 'crisis-cell-1', role: 'crisis-cell' };
const council: ModeActor = { subject: 'council-1', role: 'council-secretariat' };
const grounds = { rationale: 'Test scenario', indicatorsAsOf: '2026-01-01T00:00:00Z', indicators: [], evidence: [] };

const act = (reference: string, now: string) => ({ reference, adoptedOn: now.slice(0, 10), simulated: false });

export function activation(scopeId: string, mode: 'vigilance' | 'emergency', goods: readonly string[], now: string, until: string): ScopeModeCommand[] {
  const proposalId = `${mode}-activation-${now}`;
  const propose: ScopeModeCommand =
    mode === 'vigilance'
      ? { kind: 'ProposeVigilanceMode', scopeId, actor: crisisCell, now, proposalId, grounds }
      : { kind: 'ProposeEmergencyMode', scopeId, actor: crisisCell, now, proposalId, grounds };
  const base = { scopeId, actor: council, now, proposalId, act: act(`Council Implementing Decision activating ${mode} mode`, now), period: { from: now, until } };
  const activate: ScopeModeCommand =
    mode === 'vigilance'
      ? { ...base, kind: 'ActivateVigilanceMode', goodsOfCriticalImportance: goods }
      : { ...base, kind: 'ActivateEmergencyMode', crisisRelevantGoods: goods };
  return [propose, activate];
}

export function deactivation(scopeId: string, mode: 'vigilance' | 'emergency', now: string): ScopeModeCommand[] {
  const proposalId = `${mode}-deactivation-${now}`;
  return [
    { kind: 'ProposeModeDeactivation', scopeId, actor: crisisCell, now, proposalId, mode, grounds },
    { kind: 'DeactivateMode', scopeId, actor: council, now, proposalId, mode, act: act(`Council Implementing Decision ending ${mode} mode`, now) },
  ];
}

/** The events the commands decide, one after the other, starting from the events already recorded. */
export function decideScopeModes(recorded: readonly Event[], commands: readonly ScopeModeCommand[]): ScopeModeEvent[] {
  let state = foldEvents(decider, recorded as readonly ScopeModeEvent[]);
  const decided: ScopeModeEvent[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      decided.push(event);
      state = decider.evolve(state, event);
    }
  }
  return decided;
}

/** Appends the decided scope-mode events to `scope-<id>` in the store, as the crisis monitor would. */
export async function recordScopeModes(store: EventStore, scopeId: string, commands: readonly ScopeModeCommand[]): Promise<void> {
  const streamName = scopeStream(scopeId);
  const loaded = await loadStream(store, streamName, decider);
  const events: NewEvent[] = decideScopeModes(loaded.events as unknown as Event[], commands).map((event) => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: SCOPE_MODE_SCHEMA_VERSION,
    data: event.data,
    metadata: { correlationId: randomUUID(), actor: 'test:scope-mode-steps' },
  }));
  await store.appendToStream(streamName, events, { expectedRevision: loaded.revision < 0 ? 'no-stream' : loaded.revision });
}
