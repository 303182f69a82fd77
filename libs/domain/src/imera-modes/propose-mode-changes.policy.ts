import { ScopeIndicators } from '@imera/domain/supply-indicators';
import {
  assessEscalation,
  atLeast,
  EscalationAssessment,
  evidenceOfReadings,
  LevelReadings,
} from './escalation-assessment';
import { PolicyConfiguration, policyRef } from './policy-configuration';
import { ModeActor, ScopeModeCommand } from './scope-mode.commands';
import { EscalatedMode, ProposalGrounds } from './scope-mode.events';
import { ScopeModeState } from './scope-mode.state';

export const ESCALATION_POLICY_ACTOR: ModeActor = { subject: 'system:escalation-policy', role: 'system' };

/** What the policy remembers between observations of one scope: plain JSON, checkpointed with it. */
export interface EscalationPolicyMemory {
  /** Since when the indicators have stayed recovered from each level, continuously; null while they hold it. */
  readonly recoveredSince: Readonly<Record<EscalatedMode, string | null>>;
}

export function initialEscalationPolicyMemory(): EscalationPolicyMemory {
  return { recoveredSince: { vigilance: null, emergency: null } };
}

export interface PolicyObservation {
  readonly now: string;
  readonly indicators: ScopeIndicators;
  readonly modes: ScopeModeState;
}

export interface PolicyOutcome {
  readonly memory: EscalationPolicyMemory;
  readonly assessment: EscalationAssessment;
  /** At most one command: the scope has at most one open proposal, so each step waits for the last. */
  readonly commands: readonly ScopeModeCommand[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The escalation policy, a process manager: scope indicators in, mode commands out. It proposes a mode when
 * its enter thresholds are reached, lets an open proposal lapse, or proposes deactivation, only once the
 * indicators have stayed past their exit thresholds for the configured time (hysteresis), and proposes an
 * extension when a mode nears its end while its level still holds. Every command records its grounds.
 */
export function proposeModeChanges(
  observation: PolicyObservation,
  memory: EscalationPolicyMemory,
  config: PolicyConfiguration,
): PolicyOutcome {
  const { assessment, memory: next } = assessScope(observation, memory, config);
  const command = decideStep(observation, assessment, next, config);
  return { memory: next, assessment, commands: command ? [command] : [] };
}

/**
 * The policy's assessment and memory after an observation, without deciding a command: for read models that
 * show where a scope stands. Cheaper than `proposeModeChanges`, which lists the grounds of any command.
 */
export function assessScope(
  observation: Pick<PolicyObservation, 'now' | 'indicators'>,
  memory: EscalationPolicyMemory,
  config: PolicyConfiguration,
): Omit<PolicyOutcome, 'commands'> {
  const assessment = assessEscalation(observation.indicators, config.escalation);
  return { assessment, memory: remember(memory, assessment, observation.now) };
}

function remember(
  memory: EscalationPolicyMemory,
  assessment: EscalationAssessment,
  now: string,
): EscalationPolicyMemory {
  const since = (mode: EscalatedMode) =>
    atLeast(assessment.holding, mode) ? null : (memory.recoveredSince[mode] ?? now);
  return { recoveredSince: { vigilance: since('vigilance'), emergency: since('emergency') } };
}

function decideStep(
  { now, indicators, modes }: PolicyObservation,
  assessment: EscalationAssessment,
  memory: EscalationPolicyMemory,
  config: PolicyConfiguration,
): ScopeModeCommand | null {
  const scopeId = indicators.scopeId;
  const base = { scopeId, actor: ESCALATION_POLICY_ACTOR, now };
  const grounds = (mode: EscalatedMode, side: keyof LevelReadings, rationale: string) =>
    groundsFor(indicators, assessment.readings[mode][side], rationale, config);
  const recoveredFor = (mode: EscalatedMode, days: number) => {
    const since = memory.recoveredSince[mode];
    return since !== null && Date.parse(now) - Date.parse(since) >= days * DAY_MS;
  };
  const proposal = modes.proposal;
  const emergencyProposed = proposal?.kind === 'activation' && proposal.mode === 'emergency';

  if (assessment.reached === 'emergency' && !modes.emergency && !emergencyProposed) {
    const rationale = reachedRationale('emergency', assessment, config);
    return {
      ...base,
      kind: 'ProposeEmergencyMode',
      proposalId: proposalId(scopeId, 'emergency', now),
      grounds: grounds('emergency', 'enter', rationale),
    };
  }
  if (proposal) {
    const { mode, kind } = proposal;
    if (kind === 'deactivation' && atLeast(assessment.reached, mode)) {
      const rationale = `${mode} thresholds are reached again before the Council decided on deactivation`;
      return {
        ...base,
        kind: 'LapseModeProposal',
        proposalId: proposal.proposalId,
        reason: 'indicators-deteriorated',
        grounds: grounds(mode, 'enter', rationale),
      };
    }
    if (kind !== 'deactivation' && recoveredFor(mode, config.deEscalation.lapseProposalAfterDays)) {
      const rationale = `Indicators have stayed past their ${mode} exit values since ${memory.recoveredSince[mode]}`;
      return {
        ...base,
        kind: 'LapseModeProposal',
        proposalId: proposal.proposalId,
        reason: 'indicators-recovered',
        grounds: grounds(mode, 'hold', rationale),
      };
    }
    return null;
  }
  if (!modes.vigilance && !modes.emergency) {
    if (assessment.reached !== 'vigilance') return null;
    const rationale = reachedRationale('vigilance', assessment, config);
    return {
      ...base,
      kind: 'ProposeVigilanceMode',
      proposalId: proposalId(scopeId, 'vigilance', now),
      grounds: grounds('vigilance', 'enter', rationale),
    };
  }
  for (const mode of ['emergency', 'vigilance'] as const) {
    const period = modes[mode];
    if (!period) continue;
    if (recoveredFor(mode, config.deEscalation.proposeDeactivationAfterDays)) {
      const rationale = `Indicators have stayed past their ${mode} exit values since ${memory.recoveredSince[mode]}`;
      return {
        ...base,
        kind: 'ProposeModeDeactivation',
        mode,
        proposalId: proposalId(scopeId, `${mode}-deactivation`, now),
        grounds: grounds(mode, 'hold', rationale),
      };
    }
    const endsSoon = Date.parse(period.until) - Date.parse(now) <= config.extension.proposeDaysBeforeEnd * DAY_MS;
    if (endsSoon && Date.parse(now) < Date.parse(period.until) && atLeast(assessment.holding, mode)) {
      const rationale = `The ${mode} period ends on ${period.until} and its indicators have not recovered`;
      return {
        ...base,
        kind: 'ProposeModeExtension',
        mode,
        proposalId: proposalId(scopeId, `${mode}-extension`, now),
        grounds: grounds(mode, 'hold', rationale),
      };
    }
  }
  return null;
}

function groundsFor(
  indicators: ScopeIndicators,
  readings: LevelReadings['enter'],
  rationale: string,
  config: PolicyConfiguration,
): ProposalGrounds {
  return {
    policyRef: policyRef(config),
    rationale,
    indicatorsAsOf: indicators.asOf,
    indicators: readings,
    evidence: evidenceOfReadings(indicators, readings),
  };
}

function reachedRationale(mode: EscalatedMode, assessment: EscalationAssessment, config: PolicyConfiguration): string {
  const met = assessment.readings[mode].enter.filter((reading) => reading.met);
  const rule = config.escalation[mode];
  return `${met.length} of ${rule.triggers.length} ${mode} triggers reached their enter values (${rule.minTriggers} needed): ${met.map((r) => r.indicator).join(', ')}`;
}

/** Deterministic, so a retried observation proposes under the same id and the append stays idempotent. */
function proposalId(scopeId: string, what: string, now: string): string {
  return `${scopeId}.${what}.${new Date(now).toISOString()}`;
}
