import { addMonthsUtc } from './mode-period';
import { PolicyConfiguration } from './policy-configuration';
import { CouncilActCommand, ModeActor } from './scope-mode.commands';
import { CouncilAct } from './scope-mode.events';
import { ScopeModeState } from './scope-mode.state';

export const AUTO_COUNCIL_ACTOR: ModeActor = { subject: 'system:auto-council-decision', role: 'system' };

const HOUR_MS = 60 * 60 * 1000;

export interface AutoDecisionInput {
  readonly scopeId: string;
  readonly now: string;
  readonly modes: ScopeModeState;
  /** The goods the simulated act lists (the scope's goods, as the exercise defines them). */
  readonly goods: readonly string[];
}

/**
 * For demonstrations and exercises only: once a proposal has waited the configured delay, yields the
 * Council act that decides it, marked as simulated (`act.simulated`), so a scope can move through the
 * modes without a Council. Disabled by default; never a substitute for a real act.
 */
export function autoCouncilDecision(input: AutoDecisionInput, config: PolicyConfiguration): CouncilActCommand | null {
  const settings = config.autoDecision;
  const proposal = input.modes.proposal;
  if (!settings.enabled || !proposal) return null;
  if (Date.parse(input.now) - Date.parse(proposal.proposedAt) < settings.delayHours * HOUR_MS) return null;
  const { scopeId, now, goods } = input;
  const act: CouncilAct = {
    reference: `Simulated Council implementing act on proposal ${proposal.proposalId}`,
    adoptedOn: now.slice(0, 10),
    simulated: true,
  };
  const base = { scopeId, proposalId: proposal.proposalId, act, actor: AUTO_COUNCIL_ACTOR, now };
  const months = settings.periodMonths[proposal.mode];
  switch (proposal.kind) {
    case 'activation': {
      const period = { from: now, until: addMonthsUtc(now, months).toISOString() };
      return proposal.mode === 'vigilance'
        ? { ...base, kind: 'ActivateVigilanceMode', period, goodsOfCriticalImportance: goods }
        : { ...base, kind: 'ActivateEmergencyMode', period, crisisRelevantGoods: goods };
    }
    case 'extension': {
      const current = input.modes[proposal.mode];
      if (!current || Date.parse(now) >= Date.parse(current.until)) return null;
      return {
        ...base,
        kind: 'ExtendMode',
        mode: proposal.mode,
        until: addMonthsUtc(current.until, months).toISOString(),
      };
    }
    case 'deactivation': {
      const current = input.modes[proposal.mode];
      if (!current || Date.parse(now) >= Date.parse(current.until)) return null;
      return { ...base, kind: 'DeactivateMode', mode: proposal.mode };
    }
  }
}
