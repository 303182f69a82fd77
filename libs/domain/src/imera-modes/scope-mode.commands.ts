import { CouncilAct, EscalatedMode, ModePeriod, ProposalGrounds } from './scope-mode.events';

/**
 * Who sends a command, in which role. Proposals come from the crisis cell or the escalation policy
 * (`system`); Council acts are recorded by the Council secretariat; simulated acts only by the system's
 * auto-decision rule or an exercise runner.
 */
export interface ModeActor {
  readonly subject: string;
  readonly role: 'crisis-cell' | 'council-secretariat' | 'exercise-runner' | 'system';
}

interface Base {
  readonly scopeId: string;
  readonly actor: ModeActor;
  /** When the command is decided: the scheduler's or the clock's time, never read inside the decider. */
  readonly now: string;
}

export interface ProposeVigilanceMode extends Base {
  readonly kind: 'ProposeVigilanceMode';
  readonly proposalId: string;
  readonly grounds: ProposalGrounds;
}

export interface ProposeEmergencyMode extends Base {
  readonly kind: 'ProposeEmergencyMode';
  readonly proposalId: string;
  readonly grounds: ProposalGrounds;
}

export interface ProposeModeExtension extends Base {
  readonly kind: 'ProposeModeExtension';
  readonly proposalId: string;
  readonly mode: EscalatedMode;
  readonly grounds: ProposalGrounds;
}

export interface ProposeModeDeactivation extends Base {
  readonly kind: 'ProposeModeDeactivation';
  readonly proposalId: string;
  readonly mode: EscalatedMode;
  readonly grounds: ProposalGrounds;
}

export interface LapseModeProposal extends Base {
  readonly kind: 'LapseModeProposal';
  readonly proposalId: string;
  readonly reason: 'indicators-recovered' | 'indicators-deteriorated';
  readonly grounds: ProposalGrounds;
}

export interface ActivateVigilanceMode extends Base {
  readonly kind: 'ActivateVigilanceMode';
  readonly proposalId: string;
  readonly act: CouncilAct;
  readonly period: ModePeriod;
  readonly goodsOfCriticalImportance: readonly string[];
}

export interface ActivateEmergencyMode extends Base {
  readonly kind: 'ActivateEmergencyMode';
  readonly proposalId: string;
  readonly act: CouncilAct;
  readonly period: ModePeriod;
  readonly crisisRelevantGoods: readonly string[];
}

export interface ExtendMode extends Base {
  readonly kind: 'ExtendMode';
  readonly proposalId: string;
  readonly mode: EscalatedMode;
  readonly act: CouncilAct;
  readonly until: string;
  /** A new list adopted with the extension; the current list stays when absent. */
  readonly goods?: readonly string[];
}

export interface DeactivateMode extends Base {
  readonly kind: 'DeactivateMode';
  readonly proposalId: string;
  readonly mode: EscalatedMode;
  readonly act: CouncilAct;
}

/** Sent by the scheduler when a mode's period has ended; refused before the end. */
export interface ExpireMode extends Base {
  readonly kind: 'ExpireMode';
  readonly mode: EscalatedMode;
}

export type ScopeModeCommand =
  | ProposeVigilanceMode
  | ProposeEmergencyMode
  | ProposeModeExtension
  | ProposeModeDeactivation
  | LapseModeProposal
  | ActivateVigilanceMode
  | ActivateEmergencyMode
  | ExtendMode
  | DeactivateMode
  | ExpireMode;

export type CouncilActCommand = ActivateVigilanceMode | ActivateEmergencyMode | ExtendMode | DeactivateMode;
