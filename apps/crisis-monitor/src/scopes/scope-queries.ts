import { Clock } from '@imera/event-sourcing';
import {
  ActivePeriod,
  assessEscalation,
  EscalationAssessment,
  OpenProposal,
  PolicyConfiguration,
  policyRef,
  ScopeModeState,
  ScopeModeStatus,
  scopeModeStatus,
  toScopeModeSnapshot,
  ImeraMode,
} from '@imera/domain/imera-modes';
import {
  defaultIndicatorContext,
  IndicatorValue,
  MaterialIndicators,
  SCOPE_INDICATOR_NAMES,
  scopeIndicator,
  ScopeIndicatorName,
  ScopeIndicators,
  scopeIndicators,
} from '@imera/domain/supply-indicators';
import { CrisisScope } from '@imera/reference-data';
import { TimelineEntry } from '../monitor/crisis-monitor.state';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { ScopeModeDecisions } from '../scope-modes/scope-mode-decisions';
import { ProposalView, scopeHistory, TransitionView } from './scope-history';

export interface PeriodView {
  readonly since: string;
  readonly until: string;
  readonly proposalId: string;
  readonly act: ActivePeriod['act'];
  /** Goods of critical importance (vigilance) or crisis-relevant goods (emergency) of the latest act. */
  readonly goods: readonly string[];
  readonly extensions: number;
}

export interface HeadlineIndicator {
  readonly value: number | null;
  readonly unknown?: readonly string[];
  /** For worst-of indicators: the material the value was taken from. */
  readonly material?: string | null;
}

export interface ScopeSummary {
  readonly scopeId: string;
  readonly name: string;
  readonly status: ScopeModeStatus;
  readonly mode: ImeraMode;
  readonly activeSince?: string;
  readonly activeUntil?: string;
  readonly vigilance: PeriodView | null;
  readonly emergency: PeriodView | null;
  readonly openProposal: OpenProposal | null;
  readonly indicators: {
    readonly asOf: string;
    readonly baselineRef: string;
    readonly headline: Readonly<Record<ScopeIndicatorName, HeadlineIndicator>>;
  };
  /** Where the indicators stand against the escalation thresholds of the policy in force. */
  readonly assessment: { readonly policyRef: string; readonly reached: EscalationAssessment['reached']; readonly holding: EscalationAssessment['holding'] };
  /** Global position the indicators are computed at. */
  readonly position: number | null;
}

export interface ScopeDetail extends ScopeSummary {
  readonly description: string;
  readonly source: string;
  readonly materials: ReadonlyArray<{ readonly code: string; readonly why: string; readonly indicators: MaterialIndicators }>;
  /** Every scope indicator with the events it rests on. */
  readonly evidence: Readonly<Record<ScopeIndicatorName, IndicatorValue>>;
  readonly notificationsBySeverity: ScopeIndicators['notificationsBySeverity'];
  readonly readings: EscalationAssessment['readings'];
  readonly recoveredSince: Readonly<Record<'vigilance' | 'emergency', string | null>>;
  readonly lastEnded: ScopeModeState['lastEnded'];
  readonly transitions: readonly TransitionView[];
  readonly proposals: readonly ProposalView[];
  /** Every event that names the scope, its own mode events and the response instruments' alike. */
  readonly timeline: readonly TimelineEntry[];
}

/**
 * Answers the scope queries. Modes, transitions and proposals are read from the scope's stream, so a reader
 * sees a Council act as soon as it is recorded; indicators are computed now from the monitor's state.
 */
export class ScopeQueries {
  constructor(
    private readonly monitor: CrisisMonitorProjection,
    private readonly decisions: ScopeModeDecisions,
    private readonly clock: Clock,
    private readonly settings: { readonly policy: PolicyConfiguration; readonly scopes: readonly CrisisScope[] },
  ) {}

  async list(): Promise<ScopeSummary[]> {
    const summaries: ScopeSummary[] = [];
    for (const scope of this.settings.scopes) {
      const { state } = await this.decisions.load(scope.id);
      summaries.push(this.summary(scope, state, this.indicatorsOf(scope)).summary);
    }
    return summaries;
  }

  async detail(scopeId: string): Promise<ScopeDetail | undefined> {
    const scope = this.settings.scopes.find((candidate) => candidate.id === scopeId);
    if (!scope) return undefined;
    const { events } = await this.decisions.load(scope.id);
    const history = scopeHistory(events);
    const indicators = this.indicatorsOf(scope);
    const { summary, assessment } = this.summary(scope, history.modes, indicators);
    const record = this.monitor.scope(scope.id);
    return {
      ...summary,
      description: scope.description,
      source: scope.source,
      materials: scope.materials.map(({ code, why }, index) => ({ code, why, indicators: indicators.materials[index] })),
      evidence: Object.fromEntries(SCOPE_INDICATOR_NAMES.map((name) => [name, scopeIndicator(indicators, name)])) as ScopeDetail['evidence'],
      notificationsBySeverity: indicators.notificationsBySeverity,
      readings: assessment.readings,
      recoveredSince: record?.memory.recoveredSince ?? { vigilance: null, emergency: null },
      lastEnded: history.modes.lastEnded,
      transitions: history.transitions,
      proposals: history.proposals,
      timeline: record?.timeline ?? [],
    };
  }

  private indicatorsOf(scope: CrisisScope): ScopeIndicators {
    const context = defaultIndicatorContext(this.settings.policy.indicators, this.clock.now().toISOString());
    return scopeIndicators(this.monitor.state.supply, scope, context);
  }

  private summary(scope: CrisisScope, modes: ScopeModeState, indicators: ScopeIndicators): { summary: ScopeSummary; assessment: EscalationAssessment } {
    const snapshot = toScopeModeSnapshot(modes, scope.id);
    const assessment = assessEscalation(indicators, this.settings.policy.escalation);
    const summary: ScopeSummary = {
      scopeId: scope.id,
      name: scope.name,
      status: scopeModeStatus(modes),
      mode: snapshot.mode,
      ...(snapshot.activeSince ? { activeSince: snapshot.activeSince, activeUntil: snapshot.activeUntil } : {}),
      vigilance: periodView(modes.vigilance),
      emergency: periodView(modes.emergency),
      openProposal: modes.proposal,
      indicators: { asOf: indicators.asOf, baselineRef: indicators.baselineRef, headline: headline(indicators) },
      assessment: { policyRef: policyRef(this.settings.policy), reached: assessment.reached, holding: assessment.holding },
      position: this.monitor.position,
    };
    return { summary, assessment };
  }
}

function periodView(period: ActivePeriod | null): PeriodView | null {
  if (!period) return null;
  const { since, until, proposalId, act, goods, extensions } = period;
  return { since, until, proposalId, act, goods, extensions };
}

function headline(indicators: ScopeIndicators): Record<ScopeIndicatorName, HeadlineIndicator> {
  return Object.fromEntries(
    SCOPE_INDICATOR_NAMES.map((name) => {
      const indicator = scopeIndicator(indicators, name) as IndicatorValue & { material?: string | null };
      return [
        name,
        {
          value: indicator.value,
          ...(indicator.unknown ? { unknown: indicator.unknown } : {}),
          ...('material' in indicator ? { material: indicator.material } : {}),
        },
      ];
    }),
  ) as Record<ScopeIndicatorName, HeadlineIndicator>;
}
