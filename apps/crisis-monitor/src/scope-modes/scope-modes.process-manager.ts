import { Clock, DomainRuleViolation } from '@imera/event-sourcing';
import {
  autoCouncilDecision,
  dueModeExpiries,
  initialEscalationPolicyMemory,
  PolicyConfiguration,
  proposeModeChanges,
  ScopeModeCommand,
  ScopeModeState,
} from '@imera/domain/imera-modes';
import { defaultIndicatorContext, EvidenceRef, scopeIndicators } from '@imera/domain/supply-indicators';
import { DecisionResult, DueSchedule, earliestDue, fingerprint } from '@imera/platform';
import { CrisisScope } from '@imera/reference-data';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { nextWakeUp } from './next-wake-up';
import { ScopeModeDecisions } from './scope-mode-decisions';

/** Commands sent for one scope in one pass before it waits for the next: a guard against loops. */
const MAX_STEPS_PER_SCOPE = 4;

interface NextCommand {
  readonly command: ScopeModeCommand;
  /** Identifies the request: the same one is recorded once, whenever and however often it is sent. */
  readonly requestFingerprint: string;
  readonly metadata?: Record<string, string>;
}

export interface ProcessManagerLog {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The scope-modes process manager: indicators and modes in, commands out. On every change of the crisis
 * monitor, on a timer set to the next moment something falls due, and when kicked, it sends per scope
 * what is due: the expiry of a period that ended, the escalation policy's proposal, lapse or deactivation
 * proposal, and (for exercises, when enabled) the simulated Council act. Commands go through the same
 * decision path as Council acts; the decider refuses what no longer holds.
 */
export class ScopeModesProcessManager {
  private readonly schedule: DueSchedule;
  private readonly lastRefusal = new Map<string, string>();

  constructor(
    private readonly monitor: CrisisMonitorProjection,
    private readonly decisions: ScopeModeDecisions,
    clock: Clock,
    private readonly settings: { readonly policy: PolicyConfiguration; readonly scopes: readonly CrisisScope[] },
    private readonly log: ProcessManagerLog,
  ) {
    const reportFailure = (error: unknown) => log.error(`scope-modes pass failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    this.schedule = new DueSchedule((now) => this.pass(now), clock, reportFailure);
  }

  /** Start once the monitor has caught up: the policy must judge from the complete picture. */
  start(): void {
    this.schedule.start((listener) => this.monitor.onChanges(listener));
  }

  stop(): Promise<void> {
    return this.schedule.stop();
  }

  /** Runs a pass (after the one under way; kicks that arrive meanwhile share one) and resolves when it is done. */
  kick(): Promise<void> {
    return this.schedule.kick();
  }

  /** Settles every scope and answers when the next of them has something due. */
  private async pass(now: string): Promise<number | undefined> {
    const due: Array<number | undefined> = [];
    for (const scope of this.settings.scopes) {
      const modes = await this.settle(scope, now);
      due.push(nextWakeUp(modes, this.monitor.scope(scope.id)?.memory, this.settings.policy, now));
    }
    return earliestDue(due);
  }

  /**
   * Sends what is due for the scope, one command at a time, and returns the modes it ends with. When the
   * monitor's picture shows nothing due, the scope's stream is not read: the monitor kicks a pass for every
   * event it folds, so a scope event it has not folded yet gets its own pass once it has.
   */
  private async settle(scope: CrisisScope, now: string): Promise<ScopeModeState> {
    const seen = this.monitor.scope(scope.id)?.modes;
    if (seen && !this.nextCommand(scope, seen, now)) return seen;
    let modes = (await this.decisions.load(scope.id)).state;
    for (let step = 0; step < MAX_STEPS_PER_SCOPE && !this.schedule.stopped; step++) {
      const next = this.nextCommand(scope, modes, now);
      if (!next) break;
      const result = await this.send(scope.id, next, now);
      modes = (await this.decisions.load(scope.id)).state;
      if (result?.outcome !== 'recorded') break;
    }
    return modes;
  }

  private nextCommand(scope: CrisisScope, modes: ScopeModeState, now: string): NextCommand | undefined {
    const [expiry] = dueModeExpiries(modes, now);
    if (expiry) return { command: expiry, requestFingerprint: `ExpireMode:${expiry.mode}@${modes[expiry.mode]!.until}` };
    const { policy } = this.settings;
    const indicators = scopeIndicators(this.monitor.state.supply, scope, defaultIndicatorContext(policy.indicators, now));
    const memory = this.monitor.scope(scope.id)?.memory ?? initialEscalationPolicyMemory();
    const [proposed] = proposeModeChanges({ now, indicators, modes }, memory, policy).commands;
    if (proposed) return { command: proposed, requestFingerprint: fingerprint({ ...proposed, now: undefined }) };
    const goods = scope.materials.map((material) => material.code);
    const act = autoCouncilDecision({ scopeId: scope.id, now, modes, goods }, policy);
    if (act) return { command: act, requestFingerprint: `simulated:${act.kind}:${act.proposalId}`, metadata: { simulated: 'true' } };
    return undefined;
  }

  private async send(scopeId: string, next: NextCommand, now: string): Promise<DecisionResult | undefined> {
    const { command } = next;
    const cause = causeOf(command);
    const context = { actor: command.actor.subject, correlationId: `scope-modes:${scopeId}:${command.kind}:${now}`, ...(cause ? { causationId: cause } : {}) };
    try {
      const result = await this.decisions.decide(command, context, next.requestFingerprint, next.metadata);
      this.lastRefusal.delete(scopeId);
      return result;
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      const refusal = `${command.kind}: ${error.code}`;
      if (this.lastRefusal.get(scopeId) !== refusal) this.log.warn(`Scope ${scopeId}: ${command.kind} refused (${error.code}): ${error.message}`);
      this.lastRefusal.set(scopeId, refusal);
      return undefined;
    }
  }
}

/** A policy proposal is caused by the latest event its grounds rest on (the audit trail's "why"). */
function causeOf(command: ScopeModeCommand): string | undefined {
  if (!('grounds' in command)) return undefined;
  const latest = command.grounds.evidence.reduce<EvidenceRef | undefined>((last, ref) => (!last || ref.globalPosition > last.globalPosition ? ref : last), undefined);
  return latest?.eventId;
}
