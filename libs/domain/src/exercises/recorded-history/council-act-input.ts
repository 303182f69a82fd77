import { RecordedEvent } from '@imera/event-sourcing';
import { EscalatedMode, OpenProposal, ProposalKind } from '@imera/domain/imera-modes';

/**
 * A recorded Council implementing act, as the Council secretariat would record it again: the body of
 * `POST /api/v1/scopes/{scopeId}/council-acts` without the proposal id, which replay takes from the
 * replayed scope's open proposal (the policy may have proposed at another time, or not at all).
 */
export interface RecordedCouncilAct {
  readonly scopeId: string;
  readonly decision: ProposalKind;
  readonly mode: EscalatedMode;
  /** The proposal the act decided in the recorded history. */
  readonly recordedProposalId: string;
  readonly body: {
    readonly decision: ProposalKind;
    readonly mode: EscalatedMode;
    readonly reference: string;
    readonly adoptedOn: string;
    readonly period?: { readonly from: string; readonly until: string };
    readonly until?: string;
    readonly goodsOfCriticalImportance?: readonly string[];
    readonly crisisRelevantGoods?: readonly string[];
  };
}

interface ActData {
  readonly scopeId: string;
  readonly proposalId: string;
  readonly act: { readonly reference: string; readonly adoptedOn: string };
  readonly period?: { readonly from: string; readonly until: string };
  readonly until?: string;
  readonly goodsOfCriticalImportance?: readonly string[];
  readonly crisisRelevantGoods?: readonly string[];
}

const DECISIONS: Readonly<Record<string, { decision: ProposalKind; mode: EscalatedMode }>> = {
  VigilanceModeActivated: { decision: 'activation', mode: 'vigilance' },
  EmergencyModeActivated: { decision: 'activation', mode: 'emergency' },
  VigilanceModeExtended: { decision: 'extension', mode: 'vigilance' },
  EmergencyModeExtended: { decision: 'extension', mode: 'emergency' },
  VigilanceModeDeactivated: { decision: 'deactivation', mode: 'vigilance' },
  EmergencyModeDeactivated: { decision: 'deactivation', mode: 'emergency' },
};

/** The act a recorded activation, extension or deactivation event stands for. */
export function recordedCouncilAct(event: Pick<RecordedEvent, 'type' | 'data'>): RecordedCouncilAct {
  const decided = DECISIONS[event.type];
  if (!decided) throw new Error(`${event.type} is not a Council act`);
  const data = event.data as unknown as ActData;
  const goods = decided.mode === 'vigilance' ? { goodsOfCriticalImportance: data.goodsOfCriticalImportance } : { crisisRelevantGoods: data.crisisRelevantGoods };
  const common = { decision: decided.decision, mode: decided.mode, reference: data.act.reference, adoptedOn: data.act.adoptedOn };
  const body =
    decided.decision === 'activation'
      ? { ...common, period: { from: data.period!.from, until: data.period!.until }, ...goods }
      : decided.decision === 'extension'
        ? { ...common, until: data.until!, ...goods }
        : common;
  return { scopeId: data.scopeId, ...decided, recordedProposalId: data.proposalId, body };
}

/**
 * The replayed scope's proposal the act decides: the open one, when it is of the act's kind and mode.
 * Otherwise the reason the act has nothing to decide in the replay.
 */
export function proposalForAct(act: RecordedCouncilAct, open: OpenProposal | null): { proposalId: string } | { refused: string } {
  if (!open) return { refused: `no open proposal: the replayed policy has not proposed ${describe(act)}` };
  if (open.kind !== act.decision || open.mode !== act.mode)
    return { refused: `the open proposal is the ${open.kind} of ${open.mode} mode, not the ${describe(act)}` };
  return { proposalId: open.proposalId };
}

function describe(act: RecordedCouncilAct): string {
  return `${act.decision} of ${act.mode} mode`;
}
