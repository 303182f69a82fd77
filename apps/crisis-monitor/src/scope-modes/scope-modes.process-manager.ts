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
import { DecisionResult, fingerprint } from '@imera/platform';
import { CrisisScope } from '@imera/reference-data';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { nextWakeUp } from './next-wake-up';
import { ScopeModeDecisions } from './scope-mode-decisions';

/** How often the process manager looks again even when nothing changed (a safety net, and for clock jumps). */
const MAX_SLEEP_MS = 60_000;
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
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private stopped = false;
  private started = false;
  private unsubscribe: () => void = () => undefined;
  private readonly lastRefusal = new Map<string, string>();

  constructor(
    private readonly monitor: CrisisMonitorProjection,
    private readonly decisions: ScopeModeDecisions,
    private readonly clock: Clock,
    private readonly settings: { readonly policy: PolicyConfiguration; readonly scopes: readonly CrisisScope[] },
    private readonly log: ProcessManagerLog,
  ) {}

  /** Start once the monitor has caught up: the policy must judge from the complete picture. */
  start(): void {
    this.started = true;
    this.unsubscribe = this.monitor.onChanges(() => void this.kick());
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.tail;
  }

  /** Runs a pass (after the one under way; kicks that arrive meanwhile share one) and resolves when it is done. */
  kick(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.tail
      .then(() => {
        this.queued = undefined;
        return this.pass();
      })
      .catch((error: unknown) => this.log.error(`scope-modes pass failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    this.queued = next;
    this.tail = next;
    return next;
  }

  private async pass(): Promise<void> {
    if (this.stopped) return;
    const now = this.clock.now().toISOString();
    const states: Array<{ scopeId: string; modes: ScopeModeState }> = [];
    for (const scope of this.settings.scopes) states.push({ scopeId: scope.id, modes: await this.settle(scope, now) });
    this.arm(now, states);
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
    for (let step = 0; step < MAX_STEPS_PER_SCOPE && !this.stopped; step++) {
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

  /** Only a started manager wakes itself up; one that is only kicked (an exercise's) never acts on its own. */
  private arm(now: string, states: ReadonlyArray<{ scopeId: string; modes: ScopeModeState }>): void {
    if (this.stopped || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const due = states
      .map(({ scopeId, modes }) => nextWakeUp(modes, this.monitor.scope(scopeId)?.memory, this.settings.policy, now))
      .filter((at): at is number => at !== undefined);
    const sleep = due.length === 0 ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, Math.min(...due) - Date.parse(now)));
    this.timer = setTimeout(() => void this.kick(), sleep);
    this.timer.unref();
  }
}

/** A policy proposal is caused by the latest event its grounds rest on (the audit trail's "why"). */
function causeOf(command: ScopeModeCommand): string | undefined {
  if (!('grounds' in command)) return undefined;
  const latest = command.grounds.evidence.reduce<EvidenceRef | undefined>((last, ref) => (!last || ref.globalPosition > last.globalPosition ? ref : last), undefined);
  return latest?.eventId;
}
