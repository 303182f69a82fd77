import { DomainRuleViolation } from '@imera/event-sourcing';
import { AcceptJointProcurement, RefuseJointProcurement, RequestJointProcurement } from './joint-procurement.commands';
import { JointProcurementEvent } from './joint-procurement.events';
import { requireInstant, requireKnown, requireText, requireVigilanceOrEmergency } from './joint-procurement.rules';
import { JointProcurementState, KnownProcurement } from './joint-procurement.state';

export function request(command: RequestJointProcurement, state: JointProcurementState): JointProcurementEvent[] {
  if (state.status !== 'none')
    throw new DomainRuleViolation('already-requested', `Joint procurement ${command.procurementId} exists`);
  requireInstant(command.requestedAt, 'requestedAt');
  const mode = requireVigilanceOrEmergency(command.scope, command.requestedAt);
  const requesting = [...new Set(command.requestingMemberStates)].sort();
  // IMERA Art 36+: the Commission buys on behalf of Member States only when at least two of them ask.
  if (requesting.length < 2) {
    throw new DomainRuleViolation(
      'at-least-two-member-states',
      'At least two different Member States must ask for joint procurement',
    );
  }
  if (command.materials.length === 0) throw new DomainRuleViolation('materials-required', 'Name at least one material');
  const materials = new Set(command.materials.map((m) => m.material));
  if (materials.size !== command.materials.length)
    throw new DomainRuleViolation('duplicate-material', 'A material is listed twice');
  for (const m of command.materials) requireText(m.unit, 'unit-required', `The unit of ${m.material}`);
  requireText(command.rationale, 'rationale-required', 'The rationale');
  return [
    {
      type: 'JointProcurementRequested',
      data: {
        procurementId: command.procurementId,
        scopeId: command.scope.scopeId,
        requestedInMode: mode,
        requestingMemberStates: requesting,
        materials: command.materials.map((m) => ({ material: m.material, unit: m.unit })),
        rationale: command.rationale,
        requestedAt: command.requestedAt,
        requestedBy: command.requestedBy,
      },
    },
  ];
}

function requireUndecided(state: JointProcurementState, procurementId: string): KnownProcurement {
  const known = requireKnown(state, procurementId);
  if (known.status !== 'requested')
    throw new DomainRuleViolation('already-decided', `Joint procurement ${procurementId} is ${known.status}`);
  return known;
}

export function accept(command: AcceptJointProcurement, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireUndecided(state, command.procurementId);
  if (command.scope.scopeId !== known.scopeId)
    throw new DomainRuleViolation('wrong-scope', `${known.procurementId} belongs to ${known.scopeId}`);
  requireVigilanceOrEmergency(command.scope, command.decidedAt);
  requireInstant(command.decidedAt, 'decidedAt');
  requireInstant(command.demandDeadline, 'demandDeadline');
  // IMERA Art 36+ requires reasons for a refusal; an acceptance records its reasons too, for the audit trail.
  requireText(command.reasons, 'reasons-required', 'The reasons for accepting');
  if (Date.parse(command.demandDeadline) <= Date.parse(command.decidedAt)) {
    throw new DomainRuleViolation('deadline-not-in-future', 'The demand deadline must be after the decision');
  }
  const invited = [...new Set(command.memberStates)].sort();
  const missing = known.requestingMemberStates.filter((ms) => !invited.includes(ms));
  if (missing.length > 0)
    throw new DomainRuleViolation('requesting-member-state-not-invited', `Not invited: ${missing.join(', ')}`);
  return [
    {
      type: 'JointProcurementAccepted',
      data: {
        procurementId: known.procurementId,
        scopeId: known.scopeId,
        reasons: command.reasons,
        decidedAt: command.decidedAt,
        decidedBy: command.decidedBy,
      },
    },
    {
      // IMERA Art 36+: once accepted, all Member States are invited to take part.
      type: 'MemberStatesInvitedToJointProcurement',
      data: {
        procurementId: known.procurementId,
        invitedMemberStates: invited,
        materials: known.materials,
        demandDeadline: command.demandDeadline,
        invitedAt: command.decidedAt,
      },
    },
  ];
}

export function refuse(command: RefuseJointProcurement, state: JointProcurementState): JointProcurementEvent[] {
  const known = requireUndecided(state, command.procurementId);
  requireInstant(command.decidedAt, 'decidedAt');
  requireText(command.reasons, 'reasons-required', 'The reasons for refusing');
  return [
    {
      type: 'JointProcurementRefused',
      data: {
        procurementId: known.procurementId,
        scopeId: known.scopeId,
        reasons: command.reasons,
        decidedAt: command.decidedAt,
        decidedBy: command.decidedBy,
      },
    },
  ];
}
