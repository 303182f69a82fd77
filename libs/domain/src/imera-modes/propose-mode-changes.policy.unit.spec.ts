import { foldEvents } from '@imera/event-sourcing';
import { crisisScope } from '@imera/reference-data';
import {
  defaultIndicatorContext,
  IndicatorValue,
  projectSupplyIndicators,
  ScopeIndicatorName,
  ScopeIndicators,
  scopeIndicators,
} from '@imera/domain/supply-indicators';
import { ANNOUNCEMENT_18_2025, IntakeLog, magnetMaker } from '@imera/domain/supply-indicators/testing/intake-log';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { loadPolicyConfiguration, modeRulesOf, PolicyConfiguration } from './policy-configuration';
import {
  EscalationPolicyMemory,
  initialEscalationPolicyMemory,
  proposeModeChanges,
} from './propose-mode-changes.policy';
import { ScopeModeCommand } from './scope-mode.commands';
import { createScopeModeDecider } from './scope-mode.decider';
import { ScopeModeEvent } from './scope-mode.events';
import { ScopeModeState } from './scope-mode.state';

const config = loadPolicyConfiguration(policyFile);
const decider = createScopeModeDecider(modeRulesOf(config));
const scopeId = 'rare-earth-magnets';
const day = (n: number) => new Date(Date.UTC(2026, 5, 1) + n * 86_400_000).toISOString();

/** Scope indicators with chosen values; each value cites one made-up event so evidence can be followed. */
function indicators(values: Partial<Record<ScopeIndicatorName, number | null>>, asOf: string): ScopeIndicators {
  const value = (name: ScopeIndicatorName, position: number): IndicatorValue => {
    const v = values[name] ?? (name === 'lowestDaysOfStockCover' ? null : 0);
    return {
      value: v,
      evidence: v ? [{ eventId: `evt-${name}`, globalPosition: position, streamName: 'x-1', type: 'Test' }] : [],
    };
  };
  return {
    scopeId,
    asOf,
    baselineRef: 'eu-supply-baseline@1',
    materials: [],
    worstShareOfSupplyUnderControls: {
      ...value('worstShareOfSupplyUnderControls', 1),
      material: 'heavy-rare-earth-elements',
    },
    worstShareOfConsumptionAffected: { ...value('worstShareOfConsumptionAffected', 2), material: null },
    lowestDaysOfStockCover: { ...value('lowestDaysOfStockCover', 3), material: null },
    tonnesPerYearAffected: value('tonnesPerYearAffected', 4),
    memberStatesAffected: value('memberStatesAffected', 5),
    operatorsAffected: value('operatorsAffected', 6),
    significantNotifications: value('significantNotifications', 7),
    criticalNotifications: value('criticalNotifications', 8),
    activeControls: value('activeControls', 9),
    notificationsBySeverity: { low: 0, medium: 0, high: 0, critical: 0 },
    shortestOperatorStockCoverDays: { value: null, evidence: [] },
  };
}

/** Feeds observations through the policy and the decider, as a runner would; returns what happened. */
class Scope {
  events: ScopeModeEvent[] = [];
  memory: EscalationPolicyMemory = initialEscalationPolicyMemory();
  issued: ScopeModeCommand[] = [];

  constructor(private readonly policy: PolicyConfiguration = config) {}

  get modes(): ScopeModeState {
    return foldEvents(decider, this.events);
  }

  observe(now: string, values: Partial<Record<ScopeIndicatorName, number | null>>): ScopeModeCommand[] {
    const outcome = proposeModeChanges(
      { now, indicators: indicators(values, now), modes: this.modes },
      this.memory,
      this.policy,
    );
    this.memory = outcome.memory;
    this.issued.push(...outcome.commands);
    for (const command of outcome.commands) this.decide(command);
    return [...outcome.commands];
  }

  decide(command: ScopeModeCommand): void {
    this.events.push(...decider.decide(command, this.modes));
  }

  council(kind: 'activateVigilance' | 'activateEmergency' | 'extend' | 'deactivate', now: string): void {
    const proposal = this.modes.proposal!;
    const act = {
      reference: `Council Implementing Decision (EU) ${now.slice(0, 4)}/${this.events.length}`,
      adoptedOn: now.slice(0, 10),
      simulated: false,
    };
    const base = {
      scopeId,
      proposalId: proposal.proposalId,
      act,
      actor: { subject: 'gsc', role: 'council-secretariat' as const },
      now,
    };
    const until = new Date(Date.parse(now) + 150 * 86_400_000).toISOString();
    if (kind === 'activateVigilance')
      this.decide({
        ...base,
        kind: 'ActivateVigilanceMode',
        period: { from: now, until },
        goodsOfCriticalImportance: ['NdFeB magnets'],
      });
    if (kind === 'activateEmergency')
      this.decide({
        ...base,
        kind: 'ActivateEmergencyMode',
        period: { from: now, until },
        crisisRelevantGoods: ['NdFeB magnets'],
      });
    if (kind === 'extend')
      this.decide({
        ...base,
        kind: 'ExtendMode',
        mode: proposal.mode,
        until: new Date(Date.parse(this.modes[proposal.mode]!.until) + 90 * 86_400_000).toISOString(),
      });
    if (kind === 'deactivate') this.decide({ ...base, kind: 'DeactivateMode', mode: proposal.mode });
  }
}

const kinds = (commands: readonly ScopeModeCommand[]) => commands.map((command) => command.kind);

describe('escalation policy: thresholds and evidence', () => {
  it("proposes vigilance for the April 2025 rare-earth controls and the magnet makers' notifications, citing their events", () => {
    const log = new IntakeLog();
    const recorded = log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
    const filed = [
      log.file(
        'n-de-1',
        'DE',
        magnetMaker('op-de-1', 'DE', 'Hanau'),
        'dysprosium',
        { capacityShareAffected: 0.4, tonnesPerYearAffected: 30, expectedDurationDays: 60, stockCoverDays: 30 },
        '2025-04-22T08:00:00Z',
      ),
      log.file(
        'n-ee-1',
        'EE',
        magnetMaker('op-ee-1', 'EE', 'Narva'),
        'terbium',
        { capacityShareAffected: 0.3, tonnesPerYearAffected: 5, expectedDurationDays: 90 },
        '2025-04-25T08:00:00Z',
      ),
    ];
    const now = '2025-04-26T00:00:00Z';
    const scope = scopeIndicators(
      projectSupplyIndicators(log.events),
      crisisScope(scopeId)!,
      defaultIndicatorContext(config.indicators, now),
    );
    const { commands } = proposeModeChanges(
      { now, indicators: scope, modes: decider.initialState() },
      initialEscalationPolicyMemory(),
      config,
    );

    expect(kinds(commands)).toEqual(['ProposeVigilanceMode']);
    const grounds = (commands[0] as Extract<ScopeModeCommand, { kind: 'ProposeVigilanceMode' }>).grounds;
    expect(grounds.policyRef).toBe('default-policy@1');
    expect(grounds.indicatorsAsOf).toBe(now);
    expect(grounds.indicators.filter((reading) => reading.met)).toEqual([
      {
        indicator: 'worstShareOfSupplyUnderControls',
        value: 0.5,
        direction: 'above',
        threshold: 0.25,
        met: true,
        material: 'heavy-rare-earth-elements',
      },
      { indicator: 'significantNotifications', value: 2, direction: 'above', threshold: 2, met: true },
    ]);
    expect(grounds.evidence.map((ref) => ref.eventId)).toEqual([
      recorded.id,
      log.events[1].id,
      ...filed.map((event) => event.id),
    ]);
    expect(grounds.rationale).toMatch(/2 of 5 vigilance triggers/);
  });

  it('proposes nothing below the enter thresholds, and unknown values never trigger', () => {
    expect(new Scope().observe(day(0), { worstShareOfSupplyUnderControls: 0.24, operatorsAffected: 2 })).toEqual([]);
    expect(
      new Scope().observe(day(0), { worstShareOfSupplyUnderControls: null, lowestDaysOfStockCover: null }),
    ).toEqual([]);
  });

  it('proposes emergency straight from normal when enough emergency triggers are reached', () => {
    const scope = new Scope();
    expect(kinds(scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.5, criticalNotifications: 3 }))).toEqual([
      'ProposeEmergencyMode',
    ]);
  });

  it('escalates an open vigilance proposal to emergency, superseding it', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    expect(kinds(scope.observe(day(1), { worstShareOfSupplyUnderControls: 0.5, memberStatesAffected: 6 }))).toEqual([
      'ProposeEmergencyMode',
    ]);
    expect(scope.events.at(-1)?.data).toMatchObject({
      supersedesProposalId: 'rare-earth-magnets.vigilance.2026-06-01T00:00:00.000Z',
    });
  });

  it('proposes under the same id when the same observation is repeated', () => {
    const run = () =>
      proposeModeChanges(
        { now: day(0), indicators: indicators({ operatorsAffected: 4 }, day(0)), modes: decider.initialState() },
        initialEscalationPolicyMemory(),
        config,
      );
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});

describe('escalation policy: hysteresis', () => {
  it('keeps an open proposal while indicators sit between exit and enter values', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    for (let d = 1; d <= 10; d++) expect(scope.observe(day(d), { worstShareOfSupplyUnderControls: 0.2 })).toEqual([]);
  });

  it('lets a proposal lapse only after indicators stayed recovered for the set time', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    expect(scope.observe(day(1), { worstShareOfSupplyUnderControls: 0.1 })).toEqual([]);
    expect(scope.memory.recoveredSince.vigilance).toBe(day(1));
    expect(scope.observe(day(3), { worstShareOfSupplyUnderControls: 0.1 })).toEqual([]);
    const lapse = scope.observe(day(4), { worstShareOfSupplyUnderControls: 0.1 });
    expect(lapse).toMatchObject([{ kind: 'LapseModeProposal', reason: 'indicators-recovered' }]);
    expect(scope.events.at(-1)).toMatchObject({
      type: 'ModeProposalLapsed',
      data: { reason: 'indicators-recovered', kind: 'activation', mode: 'vigilance' },
    });
  });

  it('starts the recovery clock again when indicators bounce back', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    scope.observe(day(1), { worstShareOfSupplyUnderControls: 0.1 });
    scope.observe(day(2), { worstShareOfSupplyUnderControls: 0.2 });
    scope.observe(day(3), { worstShareOfSupplyUnderControls: 0.1 });
    expect(scope.observe(day(5), { worstShareOfSupplyUnderControls: 0.1 })).toEqual([]);
    expect(kinds(scope.observe(day(6), { worstShareOfSupplyUnderControls: 0.1 }))).toEqual(['LapseModeProposal']);
  });

  it('proposes deactivation of an active mode after the indicators stayed recovered for the set time', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    scope.council('activateVigilance', day(2));
    scope.observe(day(10), { worstShareOfSupplyUnderControls: 0.1 });
    expect(scope.observe(day(23), { worstShareOfSupplyUnderControls: 0.1 })).toEqual([]);
    const proposed = scope.observe(day(24), { worstShareOfSupplyUnderControls: 0.1 });
    expect(proposed).toMatchObject([{ kind: 'ProposeModeDeactivation', mode: 'vigilance' }]);
    scope.council('deactivate', day(26));
    expect(scope.modes.vigilance).toBeNull();
  });

  it('withdraws a deactivation proposal when the thresholds are reached again', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    scope.council('activateVigilance', day(2));
    scope.observe(day(10), { worstShareOfSupplyUnderControls: 0.1 });
    scope.observe(day(24), { worstShareOfSupplyUnderControls: 0.1 });
    expect(scope.observe(day(25), { worstShareOfSupplyUnderControls: 0.2 })).toEqual([]);
    expect(scope.observe(day(26), { worstShareOfSupplyUnderControls: 0.3 })).toMatchObject([
      { kind: 'LapseModeProposal', reason: 'indicators-deteriorated' },
    ]);
  });

  it('steps emergency down to the vigilance still in force', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    scope.council('activateVigilance', day(1));
    scope.observe(day(5), { worstShareOfSupplyUnderControls: 0.5, criticalNotifications: 4 });
    scope.council('activateEmergency', day(6));
    scope.observe(day(10), { worstShareOfSupplyUnderControls: 0.3 });
    expect(kinds(scope.observe(day(24), { worstShareOfSupplyUnderControls: 0.3 }))).toEqual([
      'ProposeModeDeactivation',
    ]);
    scope.council('deactivate', day(25));
    expect(scope.modes.emergency).toBeNull();
    expect(scope.modes.vigilance).not.toBeNull();
  });
});

describe('escalation policy: extension', () => {
  it('proposes an extension when the period nears its end and the level still holds', () => {
    const scope = new Scope();
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    scope.council('activateVigilance', day(1)); // until day 151
    expect(scope.observe(day(129), { worstShareOfSupplyUnderControls: 0.2 })).toEqual([]);
    expect(scope.observe(day(130), { worstShareOfSupplyUnderControls: 0.2 })).toMatchObject([
      { kind: 'ProposeModeExtension', mode: 'vigilance' },
    ]);
    scope.council('extend', day(140));
    expect(scope.modes.vigilance?.extensions).toBe(1);
  });

  it('does not propose an extension once the indicators have recovered', () => {
    const scope = new Scope(
      loadPolicyConfiguration({
        ...policyFile,
        deEscalation: { ...policyFile.deEscalation, proposeDeactivationAfterDays: 60 },
      }),
    );
    scope.observe(day(0), { worstShareOfSupplyUnderControls: 0.3 });
    scope.council('activateVigilance', day(1));
    expect(scope.observe(day(135), { worstShareOfSupplyUnderControls: 0.1 })).toEqual([]);
  });
});

describe('policy configuration', () => {
  it('is versioned and labelled as defaults, not law', () => {
    expect(config.policy).toBe('default-policy');
    expect(config.version).toBe(1);
    expect(config.label).toMatch(/^Defaults, not law/);
    expect(config.modes.label).toMatch(/^Unverified/);
  });

  it('refuses exit values that give no hysteresis and simulated periods beyond the maximum', () => {
    const loose = JSON.parse(JSON.stringify(policyFile));
    loose.escalation.vigilance.triggers[0].exit = 0.3;
    expect(() => loadPolicyConfiguration(loose)).toThrow(/exit 0.3 lies beyond enter 0.25/);
    const tooLong = JSON.parse(JSON.stringify(policyFile));
    tooLong.autoDecision.periodMonths.vigilance = 7;
    expect(() => loadPolicyConfiguration(tooLong)).toThrow(/IMERA Art 14-15/);
  });

  it('refuses an unknown indicator name', () => {
    const unknown = JSON.parse(JSON.stringify(policyFile));
    unknown.escalation.emergency.triggers[0].indicator = 'vibes';
    expect(() => loadPolicyConfiguration(unknown)).toThrow(/malformed/);
  });
});
