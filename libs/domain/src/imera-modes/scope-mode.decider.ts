import { Decider, DomainRuleViolation } from '@imera/event-sourcing';
import {
  ActivateEmergencyMode,
  ActivateVigilanceMode,
  CouncilActCommand,
  DeactivateMode,
  ExpireMode,
  ExtendMode,
  LapseModeProposal,
  ModeActor,
  ProposeEmergencyMode,
  ProposeModeDeactivation,
  ProposeModeExtension,
  ProposeVigilanceMode,
  ScopeModeCommand,
} from './scope-mode.commands';
import { EscalatedMode, ModePeriod, ProposalKind, ScopeModeEvent } from './scope-mode.events';
import { maxPeriodMonths, ModeRules, withinMonths } from './mode-period';
import { ActivePeriod, evolveScopeMode, initialScopeModeState, OpenProposal, ScopeModeState } from './scope-mode.state';

const PROPOSERS: readonly ModeActor['role'][] = ['crisis-cell', 'system', 'exercise-runner'];
const SIMULATORS: readonly ModeActor['role'][] = ['system', 'exercise-runner'];

/**
 * A crisis scope's way through the IMERA modes (stream `scope-<id>`): the Commission proposes (by hand or
 * through the escalation policy), the Council decides by implementing act, and a period that ends without
 * extension expires. Every refusal carries a stable code.
 */
export function createScopeModeDecider(rules: ModeRules): Decider<ScopeModeCommand, ScopeModeState, ScopeModeEvent> {
  return {
    initialState: initialScopeModeState,
    evolve: evolveScopeMode,
    decide(command, state) {
      assertSameScope(command.scopeId, state);
      if (state.lastChangedAt && Date.parse(command.now) < Date.parse(state.lastChangedAt)) {
        fail(
          'out-of-order',
          `The command is dated ${command.now}, before the scope's last change at ${state.lastChangedAt}`,
        );
      }
      switch (command.kind) {
        case 'ProposeVigilanceMode':
          return proposeVigilance(command, state);
        case 'ProposeEmergencyMode':
          return proposeEmergency(command, state);
        case 'ProposeModeExtension':
          return proposeExtension(command, state);
        case 'ProposeModeDeactivation':
          return proposeDeactivation(command, state);
        case 'LapseModeProposal':
          return lapse(command, state);
        case 'ActivateVigilanceMode':
          return activateVigilance(command, state, rules);
        case 'ActivateEmergencyMode':
          return activateEmergency(command, state, rules);
        case 'ExtendMode':
          return extend(command, state, rules);
        case 'DeactivateMode':
          return deactivate(command, state);
        case 'ExpireMode':
          return expire(command, state);
      }
    },
  };
}

function proposeVigilance(command: ProposeVigilanceMode, state: ScopeModeState): ScopeModeEvent[] {
  assertProposer(command.actor);
  const active = state.emergency ? 'emergency' : state.vigilance ? 'vigilance' : null;
  if (active) fail('mode-already-active', `${active} mode is already active for ${command.scopeId}`);
  assertNoOpenProposal(state);
  const { scopeId, proposalId, grounds, now } = command;
  return [{ type: 'VigilanceModeProposed', data: { scopeId, proposalId, proposedAt: now, grounds } }];
}

/** Emergency may be proposed from normal mode when indicators are severe; it replaces any other open proposal. */
function proposeEmergency(command: ProposeEmergencyMode, state: ScopeModeState): ScopeModeEvent[] {
  assertProposer(command.actor);
  if (state.emergency) fail('mode-already-active', `emergency mode is already active for ${command.scopeId}`);
  if (state.proposal?.kind === 'activation' && state.proposal.mode === 'emergency') {
    fail('proposal-already-open', `Emergency mode is already proposed (${state.proposal.proposalId})`);
  }
  const { scopeId, proposalId, grounds, now } = command;
  const supersedes = state.proposal ? { supersedesProposalId: state.proposal.proposalId } : {};
  return [{ type: 'EmergencyModeProposed', data: { scopeId, proposalId, proposedAt: now, grounds, ...supersedes } }];
}

function proposeExtension(command: ProposeModeExtension, state: ScopeModeState): ScopeModeEvent[] {
  assertProposer(command.actor);
  const period = activePeriod(state, command.mode, 'extension-after-expiry');
  if (Date.parse(command.now) >= Date.parse(period.until))
    fail('extension-after-expiry', `The ${command.mode} period ended at ${period.until}`);
  assertNoOpenProposal(state);
  const { scopeId, proposalId, grounds, now, mode } = command;
  return [
    {
      type: 'ModeExtensionProposed',
      data: { scopeId, proposalId, mode, currentUntil: period.until, proposedAt: now, grounds },
    },
  ];
}

function proposeDeactivation(command: ProposeModeDeactivation, state: ScopeModeState): ScopeModeEvent[] {
  assertProposer(command.actor);
  activePeriod(state, command.mode, 'mode-not-active');
  assertNoOpenProposal(state);
  const { scopeId, proposalId, grounds, now, mode } = command;
  return [{ type: 'ModeDeactivationProposed', data: { scopeId, proposalId, mode, proposedAt: now, grounds } }];
}

/** A proposal lapses when its indicators recover (or, for a deactivation, worsen again) before a decision. */
function lapse(command: LapseModeProposal, state: ScopeModeState): ScopeModeEvent[] {
  assertProposer(command.actor);
  const proposal = state.proposal;
  if (!proposal || proposal.proposalId !== command.proposalId)
    fail('proposal-not-open', `Proposal ${command.proposalId} is not open`);
  const { scopeId, proposalId, reason, grounds, now } = command;
  return [
    {
      type: 'ModeProposalLapsed',
      data: { scopeId, proposalId, kind: proposal.kind, mode: proposal.mode, reason, lapsedAt: now, grounds },
    },
  ];
}

// IMERA Art 14-15: vigilance is activated by Council implementing act on a Commission proposal, for at most
// six months, listing the goods and services of critical importance.
function activateVigilance(command: ActivateVigilanceMode, state: ScopeModeState, rules: ModeRules): ScopeModeEvent[] {
  assertCouncilAct(command);
  matchingProposal(state, command.proposalId, 'activation', 'vigilance', 'activation-without-proposal');
  assertGoods(command.goodsOfCriticalImportance, 'goods of critical importance (IMERA Art 14-15)');
  assertPeriod(command.period, command.now, 'vigilance', rules);
  const { scopeId, proposalId, act, period, goodsOfCriticalImportance, now } = command;
  return [
    {
      type: 'VigilanceModeActivated',
      data: { scopeId, proposalId, act, period, goodsOfCriticalImportance, recordedAt: now },
    },
  ];
}

// IMERA Art 17-18: emergency is activated by Council implementing act on a Commission proposal; the act lists
// the crisis-relevant goods and services (Art 18(4)).
function activateEmergency(command: ActivateEmergencyMode, state: ScopeModeState, rules: ModeRules): ScopeModeEvent[] {
  assertCouncilAct(command);
  matchingProposal(state, command.proposalId, 'activation', 'emergency', 'activation-without-proposal');
  assertGoods(command.crisisRelevantGoods, 'crisis-relevant goods (IMERA Art 18(4))');
  assertPeriod(command.period, command.now, 'emergency', rules);
  const { scopeId, proposalId, act, period, crisisRelevantGoods, now } = command;
  return [
    {
      type: 'EmergencyModeActivated',
      data: { scopeId, proposalId, act, period, crisisRelevantGoods, recordedAt: now },
    },
  ];
}

function extend(command: ExtendMode, state: ScopeModeState, rules: ModeRules): ScopeModeEvent[] {
  assertCouncilAct(command);
  const period = activePeriod(state, command.mode, 'extension-after-expiry');
  if (Date.parse(command.now) >= Date.parse(period.until))
    fail('extension-after-expiry', `The ${command.mode} period ended at ${period.until}`);
  matchingProposal(state, command.proposalId, 'extension', command.mode, 'extension-without-proposal');
  if (Date.parse(command.until) <= Date.parse(period.until))
    fail('invalid-period', `An extension must end after ${period.until}`);
  assertWithinMaximum(period.until, command.until, command.mode, rules);
  if (command.goods) assertGoods(command.goods, 'goods list');
  const { scopeId, proposalId, act, until, now } = command;
  const base = { scopeId, proposalId, act, previousUntil: period.until, until, recordedAt: now };
  const goods = command.goods ?? period.goods;
  return command.mode === 'vigilance'
    ? [{ type: 'VigilanceModeExtended', data: { ...base, goodsOfCriticalImportance: goods } }]
    : [{ type: 'EmergencyModeExtended', data: { ...base, crisisRelevantGoods: goods } }];
}

function deactivate(command: DeactivateMode, state: ScopeModeState): ScopeModeEvent[] {
  assertCouncilAct(command);
  const period = activePeriod(state, command.mode, 'mode-not-active');
  if (Date.parse(command.now) >= Date.parse(period.until))
    fail('mode-period-ended', `The ${command.mode} period ended at ${period.until}: it expires`);
  matchingProposal(state, command.proposalId, 'deactivation', command.mode, 'deactivation-without-proposal');
  const { scopeId, proposalId, act, now } = command;
  const data = { scopeId, proposalId, act, deactivatedAt: now };
  return command.mode === 'vigilance'
    ? [{ type: 'VigilanceModeDeactivated', data }]
    : [{ type: 'EmergencyModeDeactivated', data }];
}

/** The period ended without extension: the mode ends by itself at its end date. Repeating it changes nothing. */
function expire(command: ExpireMode, state: ScopeModeState): ScopeModeEvent[] {
  const period = state[command.mode];
  if (!period) {
    const ended = state.lastEnded[command.mode];
    if (ended?.endedBy === 'expiry') return [];
    fail('mode-not-active', `${command.mode} mode is not active for ${command.scopeId}`);
  }
  if (Date.parse(command.now) < Date.parse(period.until))
    fail('mode-not-yet-ended', `The ${command.mode} period runs until ${period.until}`);
  const { scopeId, mode } = command;
  const expired: ScopeModeEvent =
    mode === 'vigilance'
      ? { type: 'VigilanceModeExpired', data: { scopeId, expiredAt: period.until } }
      : { type: 'EmergencyModeExpired', data: { scopeId, expiredAt: period.until } };
  const proposal = state.proposal;
  if (!proposal || proposal.mode !== mode || proposal.kind === 'activation') return [expired];
  const lapsed: ScopeModeEvent = {
    type: 'ModeProposalLapsed',
    data: {
      scopeId,
      proposalId: proposal.proposalId,
      kind: proposal.kind,
      mode,
      reason: 'mode-ended',
      lapsedAt: period.until,
    },
  };
  return [lapsed, expired];
}

function assertSameScope(scopeId: string, state: ScopeModeState): void {
  if (state.scopeId !== null && state.scopeId !== scopeId)
    fail('wrong-scope', `This stream belongs to scope ${state.scopeId}, not ${scopeId}`);
}

function assertProposer(actor: ModeActor): void {
  if (!PROPOSERS.includes(actor.role))
    fail('actor-not-permitted', `A ${actor.role} cannot make or withdraw mode proposals`);
}

/** Real acts are recorded by the Council secretariat; simulated ones only by the system or an exercise runner. */
function assertCouncilAct(command: CouncilActCommand): void {
  const { actor, act } = command;
  const permitted = act.simulated ? SIMULATORS.includes(actor.role) : actor.role === 'council-secretariat';
  if (!permitted) {
    fail(
      'actor-not-permitted',
      `A ${actor.role} cannot record a ${act.simulated ? 'simulated' : 'Council'} implementing act`,
    );
  }
  if (act.reference.trim().length === 0) fail('act-reference-missing', 'A Council act needs its reference');
}

function assertNoOpenProposal(state: ScopeModeState): void {
  if (state.proposal)
    fail(
      'proposal-already-open',
      `Proposal ${state.proposal.proposalId} (${state.proposal.kind} of ${state.proposal.mode}) is still open`,
    );
}

function matchingProposal(
  state: ScopeModeState,
  proposalId: string,
  kind: ProposalKind,
  mode: EscalatedMode,
  missingCode: string,
): OpenProposal {
  const proposal = state.proposal;
  if (!proposal) fail(missingCode, `No ${kind} of ${mode} mode has been proposed`);
  if (proposal.kind !== kind || proposal.mode !== mode) {
    fail(
      'decision-for-wrong-mode',
      `The open proposal is a ${proposal.kind} of ${proposal.mode} mode, not a ${kind} of ${mode} mode`,
    );
  }
  if (proposal.proposalId !== proposalId)
    fail('proposal-mismatch', `The open proposal is ${proposal.proposalId}, not ${proposalId}`);
  return proposal;
}

function activePeriod(state: ScopeModeState, mode: EscalatedMode, codeWhenExpired: string): ActivePeriod {
  const period = state[mode];
  if (period) return period;
  if (state.lastEnded[mode]?.endedBy === 'expiry')
    fail(codeWhenExpired, `${mode} mode expired at ${state.lastEnded[mode]!.endedAt}`);
  return fail('mode-not-active', `${mode} mode is not active`);
}

function assertGoods(goods: readonly string[], what: string): void {
  if (goods.length === 0 || goods.some((item) => item.trim().length === 0))
    fail('goods-list-missing', `The act must list the ${what}`);
}

function assertPeriod(period: ModePeriod, now: string, mode: EscalatedMode, rules: ModeRules): void {
  if (!(Date.parse(period.until) > Date.parse(period.from)))
    fail('invalid-period', 'A period must end after it starts');
  if (Date.parse(period.until) <= Date.parse(now))
    fail('invalid-period', `The period ended at ${period.until}, before it was recorded`);
  assertWithinMaximum(period.from, period.until, mode, rules);
}

function assertWithinMaximum(from: string, until: string, mode: EscalatedMode, rules: ModeRules): void {
  const months = maxPeriodMonths(mode, rules);
  if (!withinMonths(from, until, months)) {
    const basis = mode === 'vigilance' ? 'IMERA Art 14-15' : 'configured maximum, unverified';
    fail(
      'period-exceeds-maximum',
      `A ${mode} period may last at most ${months} months (${basis}); ${from} to ${until} is longer`,
    );
  }
}

function fail(code: string, message: string): never {
  throw new DomainRuleViolation(code, message);
}
