import { Clock, DomainRuleViolation } from '@imera/event-sourcing';
import { CouncilAct, CouncilActCommand, ModeActor } from '@imera/domain/imera-modes';
import { DecisionResult, fingerprint, RequestContext } from '@imera/platform';
import { CrisisScope } from '@imera/reference-data';
import { ScopeModeDecisions } from '../scope-modes/scope-mode-decisions';
import { CouncilActDto } from './council-act.dto';

export const SCOPE_NOT_FOUND = 'scope-not-found';

/** Records Council implementing acts for a scope: the act decides an open proposal, or is refused with the rule's code. */
export class CouncilActIntake {
  constructor(
    private readonly decisions: ScopeModeDecisions,
    private readonly clock: Clock,
    private readonly scopes: readonly CrisisScope[],
  ) {}

  async record(scopeId: string, dto: CouncilActDto, context: RequestContext): Promise<DecisionResult> {
    if (!this.scopes.some((scope) => scope.id === scopeId)) throw new DomainRuleViolation(SCOPE_NOT_FOUND, `There is no crisis scope ${scopeId}`);
    const requestFingerprint = fingerprint({ councilActFor: scopeId, ...dto });
    const actor: ModeActor = { subject: context.actor, role: 'council-secretariat' };
    const command = councilActCommand(scopeId, dto, actor, this.clock.now().toISOString());
    return this.decisions.decide(command, context, requestFingerprint);
  }
}

/** The command an act stands for; times are stored as full ISO-8601 instants. */
export function councilActCommand(scopeId: string, dto: CouncilActDto, actor: ModeActor, now: string): CouncilActCommand {
  const act: CouncilAct = { reference: dto.reference.trim(), adoptedOn: dto.adoptedOn, simulated: false };
  const base = { scopeId, proposalId: dto.proposalId, act, actor, now };
  switch (dto.decision) {
    case 'activation': {
      const period = { from: instant(dto.period!.from), until: instant(dto.period!.until) };
      return dto.mode === 'vigilance'
        ? { ...base, kind: 'ActivateVigilanceMode', period, goodsOfCriticalImportance: dto.goodsOfCriticalImportance! }
        : { ...base, kind: 'ActivateEmergencyMode', period, crisisRelevantGoods: dto.crisisRelevantGoods! };
    }
    case 'extension': {
      const goods = dto.mode === 'vigilance' ? dto.goodsOfCriticalImportance : dto.crisisRelevantGoods;
      return { ...base, kind: 'ExtendMode', mode: dto.mode, until: instant(dto.until!), ...(goods ? { goods } : {}) };
    }
    case 'deactivation':
      return { ...base, kind: 'DeactivateMode', mode: dto.mode };
  }
}

function instant(value: string): string {
  return new Date(value).toISOString();
}
