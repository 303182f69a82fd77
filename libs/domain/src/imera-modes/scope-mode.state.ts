import { CouncilAct, EscalatedMode, ProposalKind, ScopeModeEvent } from './scope-mode.events';

/** A mode in force, from its activating act, as extended since. */
export interface ActivePeriod {
  readonly proposalId: string;
  readonly act: CouncilAct;
  readonly since: string;
  readonly until: string;
  /** Goods of critical importance (vigilance) or crisis-relevant goods (emergency) of the latest act. */
  readonly goods: readonly string[];
  readonly extensions: number;
}

export interface EndedPeriod {
  readonly since: string;
  readonly endedAt: string;
  readonly endedBy: 'deactivation' | 'expiry';
}

export interface OpenProposal {
  readonly proposalId: string;
  readonly kind: ProposalKind;
  readonly mode: EscalatedMode;
  readonly proposedAt: string;
}

/**
 * A scope's IMERA modes. Vigilance and emergency are separate acts with their own periods: emergency may be
 * active with or without vigilance, and the scope's mode is the higher one in force. One proposal at a time.
 */
export interface ScopeModeState {
  readonly scopeId: string | null;
  readonly vigilance: ActivePeriod | null;
  readonly emergency: ActivePeriod | null;
  readonly proposal: OpenProposal | null;
  readonly lastEnded: { readonly vigilance?: EndedPeriod; readonly emergency?: EndedPeriod };
  /** Time of the latest change; commands dated earlier are refused. */
  readonly lastChangedAt: string | null;
}

/** The states a crisis-cell officer names: normal, vigilance proposed or active, emergency proposed or active. */
export type ScopeModeStatus =
  'normal' | 'vigilance-proposed' | 'vigilance-active' | 'emergency-proposed' | 'emergency-active';

export function scopeModeStatus(state: ScopeModeState): ScopeModeStatus {
  const proposed = state.proposal?.kind === 'activation' ? state.proposal.mode : null;
  if (state.emergency) return 'emergency-active';
  if (proposed === 'emergency') return 'emergency-proposed';
  if (state.vigilance) return 'vigilance-active';
  if (proposed === 'vigilance') return 'vigilance-proposed';
  return 'normal';
}

export function initialScopeModeState(): ScopeModeState {
  return { scopeId: null, vigilance: null, emergency: null, proposal: null, lastEnded: {}, lastChangedAt: null };
}

export function evolveScopeMode(state: ScopeModeState, event: ScopeModeEvent): ScopeModeState {
  const base = { ...state, scopeId: event.data.scopeId };
  switch (event.type) {
    case 'VigilanceModeProposed':
    case 'EmergencyModeProposed': {
      const mode = event.type === 'VigilanceModeProposed' ? 'vigilance' : 'emergency';
      const { proposalId, proposedAt } = event.data;
      return {
        ...base,
        proposal: { proposalId, kind: 'activation', mode, proposedAt },
        lastChangedAt: later(state.lastChangedAt, proposedAt),
      };
    }
    case 'ModeExtensionProposed':
    case 'ModeDeactivationProposed': {
      const kind = event.type === 'ModeExtensionProposed' ? 'extension' : 'deactivation';
      const { proposalId, proposedAt, mode } = event.data;
      return {
        ...base,
        proposal: { proposalId, kind, mode, proposedAt },
        lastChangedAt: later(state.lastChangedAt, proposedAt),
      };
    }
    case 'ModeProposalLapsed':
      return { ...base, proposal: null, lastChangedAt: later(state.lastChangedAt, event.data.lapsedAt) };
    case 'VigilanceModeActivated':
      return activated(base, 'vigilance', event.data, event.data.goodsOfCriticalImportance);
    case 'EmergencyModeActivated':
      return activated(base, 'emergency', event.data, event.data.crisisRelevantGoods);
    case 'VigilanceModeExtended':
      return extended(base, 'vigilance', event.data, event.data.goodsOfCriticalImportance);
    case 'EmergencyModeExtended':
      return extended(base, 'emergency', event.data, event.data.crisisRelevantGoods);
    case 'VigilanceModeDeactivated':
      return ended(base, 'vigilance', event.data.deactivatedAt, 'deactivation');
    case 'EmergencyModeDeactivated':
      return ended(base, 'emergency', event.data.deactivatedAt, 'deactivation');
    case 'VigilanceModeExpired':
      return ended(base, 'vigilance', event.data.expiredAt, 'expiry');
    case 'EmergencyModeExpired':
      return ended(base, 'emergency', event.data.expiredAt, 'expiry');
  }
}

function activated(
  state: ScopeModeState,
  mode: EscalatedMode,
  data: { proposalId: string; act: CouncilAct; period: { from: string; until: string }; recordedAt: string },
  goods: readonly string[],
): ScopeModeState {
  const period: ActivePeriod = {
    proposalId: data.proposalId,
    act: data.act,
    since: data.period.from,
    until: data.period.until,
    goods,
    extensions: 0,
  };
  return { ...state, [mode]: period, proposal: null, lastChangedAt: later(state.lastChangedAt, data.recordedAt) };
}

function extended(
  state: ScopeModeState,
  mode: EscalatedMode,
  data: { until: string; recordedAt: string },
  goods: readonly string[],
): ScopeModeState {
  const current = state[mode];
  if (!current) return state;
  return {
    ...state,
    [mode]: { ...current, until: data.until, goods, extensions: current.extensions + 1 },
    proposal: null,
    lastChangedAt: later(state.lastChangedAt, data.recordedAt),
  };
}

function ended(
  state: ScopeModeState,
  mode: EscalatedMode,
  endedAt: string,
  endedBy: EndedPeriod['endedBy'],
): ScopeModeState {
  const current = state[mode];
  if (!current) return state;
  const proposal = endedBy === 'deactivation' ? null : state.proposal;
  return {
    ...state,
    [mode]: null,
    proposal,
    lastEnded: { ...state.lastEnded, [mode]: { since: current.since, endedAt, endedBy } },
    lastChangedAt: later(state.lastChangedAt, endedAt),
  };
}

function later(current: string | null, next: string): string {
  return current !== null && Date.parse(current) > Date.parse(next) ? current : next;
}
