import { RecordedEvent } from '@imera/event-sourcing';
import {
  EscalationPolicyMemory,
  evolveScopeMode,
  initialEscalationPolicyMemory,
  initialScopeModeState,
  loadPolicyConfiguration,
  PolicyConfiguration,
  proposeModeChanges,
  ScopeModeEvent,
  ScopeModeState,
  scopeModeStatus,
} from '@imera/domain/imera-modes';
import {
  defaultIndicatorContext,
  evolveSupplyIndicators,
  IndicatorContext,
  initialSupplyIndicatorsState,
  scopeIndicators,
  stockReportsOf,
  SupplyIndicatorsState,
} from '@imera/domain/supply-indicators';
import { CrisisScope, defaultCrisisScopes } from '@imera/reference-data';
import policyFile from '../../config/policy/default-policy.v1.json';

/** What a replay ends with; two replays of the same events must give the same summary. */
export interface ReplaySummary {
  readonly events: number;
  readonly measuresTracked: number;
  readonly openNotifications: number;
  readonly stockReports: number;
  readonly scopeModes: Readonly<Record<string, string>>;
  readonly policyObservations: number;
  readonly commandsProposed: number;
}

/**
 * The work a replay does per event: the supply-indicators projection, the scope-mode projection, and the
 * escalation policy observing every crisis scope once per virtual day (at the first event of a new day), as
 * a stress-test runner replaying years of history does.
 */
export class ReplayPipeline {
  private indicators: SupplyIndicatorsState = initialSupplyIndicatorsState();
  private readonly modes = new Map<string, ScopeModeState>();
  private readonly memory = new Map<string, EscalationPolicyMemory>();
  private readonly config: PolicyConfiguration;
  private readonly context: IndicatorContext;
  private readonly scopes: readonly CrisisScope[];
  private day = '';
  private events = 0;
  private observations = 0;
  private commands = 0;

  constructor(scopes: readonly CrisisScope[] = defaultCrisisScopes()) {
    this.config = loadPolicyConfiguration(policyFile);
    this.context = defaultIndicatorContext(this.config.indicators, '1970-01-01T00:00:00.000Z');
    this.scopes = scopes;
  }

  apply(event: RecordedEvent): void {
    const day = event.recordedAt.slice(0, 10);
    if (day !== this.day) {
      if (this.day !== '') this.observe(`${day}T00:00:00.000Z`);
      this.day = day;
    }
    this.indicators = evolveSupplyIndicators(this.indicators, event);
    if (event.streamName.startsWith('scope-')) {
      const scopeId = event.streamName.slice('scope-'.length);
      this.modes.set(scopeId, evolveScopeMode(this.modes.get(scopeId) ?? initialScopeModeState(), event as unknown as ScopeModeEvent));
    }
    this.events++;
  }

  summary(): ReplaySummary {
    const open = this.indicators.openNotifications.reduce((sum, [, bucket]) => sum + bucket.length, 0);
    return {
      events: this.events,
      measuresTracked: Object.keys(this.indicators.measures).length,
      openNotifications: open,
      stockReports: stockReportsOf(this.indicators).length,
      scopeModes: Object.fromEntries(this.scopes.map((scope) => [scope.id, scopeModeStatus(this.modes.get(scope.id) ?? initialScopeModeState())])),
      policyObservations: this.observations,
      commandsProposed: this.commands,
    };
  }

  private observe(now: string): void {
    const context = { ...this.context, asOf: now };
    for (const scope of this.scopes) {
      const indicators = scopeIndicators(this.indicators, scope, context);
      const modes = this.modes.get(scope.id) ?? initialScopeModeState();
      const outcome = proposeModeChanges({ now, indicators, modes }, this.memory.get(scope.id) ?? initialEscalationPolicyMemory(), this.config);
      this.memory.set(scope.id, outcome.memory);
      this.commands += outcome.commands.length;
      this.observations++;
    }
  }
}
