import { RecordedEvent } from '@imera/event-sourcing';
import {
  CouncilAct,
  EscalatedMode,
  evolveScopeMode,
  initialScopeModeState,
  ProposalGrounds,
  ProposalKind,
  ScopeModeEvent,
  ScopeModeState,
  ScopeModeStatus,
  scopeModeStatus,
} from '@imera/domain/imera-modes';

/** One step of a scope through the modes, with what it rests on. */
export interface TransitionView {
  readonly eventId: string;
  readonly globalPosition: number;
  readonly type: ScopeModeEvent['type'];
  /** When it took effect: proposed, recorded, deactivated, lapsed, or the end of the period for an expiry. */
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly fromStatus: ScopeModeStatus;
  readonly toStatus: ScopeModeStatus;
  readonly proposalId?: string;
  readonly mode?: EscalatedMode;
  readonly act?: CouncilAct;
  readonly period?: { readonly from: string; readonly until: string };
  readonly previousUntil?: string;
  readonly until?: string;
  readonly goods?: readonly string[];
  readonly reason?: string;
  /** The indicator readings and the events behind them: of the proposal itself, or of the proposal decided. */
  readonly grounds?: ProposalGrounds;
}

export type ProposalStatus = 'open' | 'adopted' | 'lapsed' | 'superseded';

export interface ProposalView {
  readonly proposalId: string;
  readonly kind: ProposalKind;
  readonly mode: EscalatedMode;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly status: ProposalStatus;
  readonly grounds: ProposalGrounds;
  readonly currentUntil?: string;
  /** The event that closed it: the Council act, the lapse, or the proposal that replaced it. */
  readonly closedBy?: { readonly eventId: string; readonly type: string; readonly at: string; readonly reason?: string };
}

export interface ScopeHistory {
  readonly modes: ScopeModeState;
  readonly transitions: readonly TransitionView[];
  readonly proposals: readonly ProposalView[];
}

/** Reads a scope's stream into its transitions and proposals, oldest first. Pure. */
export function scopeHistory(events: readonly RecordedEvent[]): ScopeHistory {
  let modes = initialScopeModeState();
  const transitions: TransitionView[] = [];
  const proposals = new Map<string, ProposalView>();
  for (const recorded of events) {
    const event = recorded as unknown as ScopeModeEvent & RecordedEvent;
    const before = modes;
    modes = evolveScopeMode(modes, event);
    const common = {
      eventId: recorded.id,
      globalPosition: recorded.globalPosition,
      type: event.type,
      recordedAt: recorded.recordedAt,
      actor: recorded.metadata.actor,
      fromStatus: scopeModeStatus(before),
      toStatus: scopeModeStatus(modes),
    };
    const { transition, proposal } = describe(event, common, proposals, before);
    transitions.push(transition);
    if (proposal) proposals.set(proposal.proposalId, proposal);
  }
  return { modes, transitions, proposals: [...proposals.values()] };
}

type Common = Pick<TransitionView, 'eventId' | 'globalPosition' | 'type' | 'recordedAt' | 'actor' | 'fromStatus' | 'toStatus'>;

function describe(
  event: ScopeModeEvent,
  common: Common,
  proposals: Map<string, ProposalView>,
  before: ScopeModeState,
): { transition: TransitionView; proposal?: ProposalView } {
  const closing = (proposalId: string, status: ProposalStatus, at: string, reason?: string): ProposalView | undefined => {
    const open = proposals.get(proposalId);
    if (!open) return undefined;
    return { ...open, status, closedBy: { eventId: common.eventId, type: event.type, at, ...(reason ? { reason } : {}) } };
  };
  switch (event.type) {
    case 'VigilanceModeProposed':
    case 'EmergencyModeProposed':
    case 'ModeExtensionProposed':
    case 'ModeDeactivationProposed': {
      const { proposalId, proposedAt, grounds } = event.data;
      const open = evolveScopeMode(before, event).proposal!;
      const currentUntil = event.type === 'ModeExtensionProposed' ? { currentUntil: event.data.currentUntil } : {};
      const replaced = event.type === 'EmergencyModeProposed' && event.data.supersedesProposalId;
      if (replaced) {
        const superseded = closing(replaced, 'superseded', proposedAt);
        if (superseded) proposals.set(replaced, superseded);
      }
      const proposal: ProposalView = {
        proposalId,
        kind: open.kind,
        mode: open.mode,
        proposedAt,
        proposedBy: common.actor,
        status: 'open',
        grounds,
        ...currentUntil,
      };
      return { transition: { ...common, at: proposedAt, proposalId, mode: open.mode, grounds }, proposal };
    }
    case 'ModeProposalLapsed': {
      const { proposalId, mode, reason, lapsedAt, grounds } = event.data;
      return {
        transition: { ...common, at: lapsedAt, proposalId, mode, reason, ...(grounds ? { grounds } : {}) },
        proposal: closing(proposalId, 'lapsed', lapsedAt, reason),
      };
    }
    case 'VigilanceModeActivated':
    case 'EmergencyModeActivated': {
      const { proposalId, act, period, recordedAt } = event.data;
      const goods = event.type === 'VigilanceModeActivated' ? event.data.goodsOfCriticalImportance : event.data.crisisRelevantGoods;
      const mode = event.type === 'VigilanceModeActivated' ? 'vigilance' : 'emergency';
      return decided(common, proposals, closing(proposalId, 'adopted', recordedAt), { at: recordedAt, proposalId, mode, act, period, goods });
    }
    case 'VigilanceModeExtended':
    case 'EmergencyModeExtended': {
      const { proposalId, act, previousUntil, until, recordedAt } = event.data;
      const goods = event.type === 'VigilanceModeExtended' ? event.data.goodsOfCriticalImportance : event.data.crisisRelevantGoods;
      const mode = event.type === 'VigilanceModeExtended' ? 'vigilance' : 'emergency';
      return decided(common, proposals, closing(proposalId, 'adopted', recordedAt), { at: recordedAt, proposalId, mode, act, previousUntil, until, goods });
    }
    case 'VigilanceModeDeactivated':
    case 'EmergencyModeDeactivated': {
      const { proposalId, act, deactivatedAt } = event.data;
      const mode = event.type === 'VigilanceModeDeactivated' ? 'vigilance' : 'emergency';
      return decided(common, proposals, closing(proposalId, 'adopted', deactivatedAt), { at: deactivatedAt, proposalId, mode, act });
    }
    case 'VigilanceModeExpired':
    case 'EmergencyModeExpired': {
      const mode = event.type === 'VigilanceModeExpired' ? 'vigilance' : 'emergency';
      return { transition: { ...common, at: event.data.expiredAt, mode } };
    }
  }
}

/** A Council act: the transition shows the grounds of the proposal it adopted. */
function decided(
  common: Common,
  proposals: Map<string, ProposalView>,
  adopted: ProposalView | undefined,
  details: Omit<TransitionView, keyof Common>,
): { transition: TransitionView; proposal?: ProposalView } {
  const grounds = adopted?.grounds ?? (details.proposalId ? proposals.get(details.proposalId)?.grounds : undefined);
  return { transition: { ...common, ...details, ...(grounds ? { grounds } : {}) }, proposal: adopted };
}
