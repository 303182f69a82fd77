import { randomUUID } from 'node:crypto';
import { collect, Event, ManualClock, RecordedEvent } from '@imera/event-sourcing';
import { InMemoryEventStore } from '@imera/event-store';
import { loadPolicyConfiguration, modeRulesOf, PolicyConfiguration, ProposalGrounds } from '@imera/domain/imera-modes';
import { ANNOUNCEMENT_18_2025 } from '@imera/domain/supply-indicators/testing/intake-log';
import { ConsumerHandle, InProcessMessageBus, silentMessagingLogger, Topics, topicSpecs } from '@imera/messaging';
import { DecisionPublisher, ProjectionRunner, recordingHandler } from '@imera/platform';
import { defaultCrisisScopes } from '@imera/reference-data';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { ScopeModeDecisions } from './scope-mode-decisions';
import { ScopeModesProcessManager } from './scope-modes.process-manager';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SCOPE = 'rare-earth-magnets';

/** The process manager over an in-memory store and bus, with the recorder appending what it publishes. */
class Rig {
  readonly clock = new ManualClock('2025-04-04T10:00:00Z');
  readonly store = new InMemoryEventStore(this.clock);
  readonly bus = new InProcessMessageBus({ topics: topicSpecs([Topics.scopeModes], 1), logger: silentMessagingLogger });
  readonly monitor: CrisisMonitorProjection;
  readonly runner: ProjectionRunner;
  readonly manager: ScopeModesProcessManager;
  readonly warnings: string[] = [];
  private recorder!: ConsumerHandle;

  constructor(policy: PolicyConfiguration) {
    const settings = { policy, scopes: defaultCrisisScopes() };
    this.monitor = new CrisisMonitorProjection(settings);
    this.runner = new ProjectionRunner(this.monitor, { store: this.store });
    const decisions = new ScopeModeDecisions(this.store, new DecisionPublisher(this.store, this.bus), modeRulesOf(policy));
    this.manager = new ScopeModesProcessManager(this.monitor, decisions, this.clock, settings, {
      warn: (message) => this.warnings.push(message),
      error: (message) => this.warnings.push(message),
    });
  }

  async start(): Promise<this> {
    this.recorder = await this.bus.consume({ groupId: 'recorder', topics: [Topics.scopeModes], handle: recordingHandler(this.store, ['scope']) });
    this.runner.start();
    await this.runner.caughtUp;
    return this;
  }

  async stop(): Promise<void> {
    await this.manager.stop();
    await this.runner.stop();
    await this.recorder.stop();
    await this.bus.close();
  }

  async append(streamName: string, ...events: Event[]): Promise<void> {
    const stored = events.map((event) => ({ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: { correlationId: randomUUID(), actor: 'analyst-1' } }));
    const { lastGlobalPosition } = await this.store.appendToStream(streamName, stored, { expectedRevision: 'any' });
    while ((this.runner.position ?? -1) < lastGlobalPosition) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  async controlsInForce(): Promise<void> {
    const { measureId, effectiveFrom, materials } = ANNOUNCEMENT_18_2025;
    await this.append(
      `exportControl-${measureId}`,
      { type: 'ExportControlRecorded', data: { ...ANNOUNCEMENT_18_2025, issuingAuthority: 'MOFCOM', recordedAt: this.clock.now().toISOString() } },
      { type: 'ExportControlEnteredIntoForce', data: { measureId, effectiveFrom, materials } },
    );
  }

  /** Kicks the process manager, then waits until the projection has seen everything it recorded. */
  async pass(): Promise<RecordedEvent[]> {
    await this.manager.kick();
    const all = await collect(this.store.readAll());
    while ((this.runner.position ?? -1) < all.at(-1)!.globalPosition) await new Promise((resolve) => setTimeout(resolve, 1));
    return this.scopeEvents();
  }

  async scopeEvents(): Promise<RecordedEvent[]> {
    return collect(this.store.readStream(`scope-${SCOPE}`));
  }
}

const policy = loadPolicyConfiguration(policyFile);
const withAutoDecision = loadPolicyConfiguration({ ...policyFile, autoDecision: { ...policyFile.autoDecision, enabled: true } });

describe('scope-modes process manager', () => {
  let rig: Rig;
  afterEach(() => rig?.stop());

  it('proposes vigilance when the April 2025 controls come into force, citing the readings and the events', async () => {
    rig = await new Rig(policy).start();
    await rig.controlsInForce();
    const [proposed, ...rest] = await rig.pass();
    expect(rest).toEqual([]);
    expect(proposed).toMatchObject({ type: 'VigilanceModeProposed', metadata: { actor: 'system:escalation-policy' } });
    const grounds = proposed.data.grounds as ProposalGrounds;
    expect(grounds.policyRef).toBe('default-policy@1');
    expect(grounds.indicators.find((reading) => reading.met)).toMatchObject({ indicator: 'worstShareOfSupplyUnderControls', value: 0.5, threshold: 0.25 });
    const measureEvents = (await collect(rig.store.readStream('exportControl-cn-mofcom-2025-18'))).map((event) => event.id);
    expect(grounds.evidence.map((ref) => ref.eventId)).toEqual(measureEvents);

    rig.clock.advance(HOUR);
    expect(await rig.pass()).toHaveLength(1);
  });

  it('lets the proposal lapse once the indicators have stayed recovered for the configured days', async () => {
    rig = await new Rig(policy).start();
    await rig.controlsInForce();
    await rig.pass();
    rig.clock.advance(DAY);
    await rig.append('exportControl-cn-mofcom-2025-18', { type: 'ExportControlLifted', data: { measureId: 'cn-mofcom-2025-18', reference: 'hypothetical', liftedOn: '2025-04-05' } });
    rig.clock.advance(2 * DAY);
    expect((await rig.pass()).map((event) => event.type)).toEqual(['VigilanceModeProposed']);
    rig.clock.advance(DAY);
    const lapsed = (await rig.pass()).at(-1)!;
    expect(lapsed).toMatchObject({ type: 'ModeProposalLapsed', data: { reason: 'indicators-recovered', lapsedAt: '2025-04-08T10:00:00.000Z' } });
  });

  it('records the simulated Council act after the delay (exercises only), marked simulated, once', async () => {
    rig = await new Rig(withAutoDecision).start();
    await rig.controlsInForce();
    await rig.pass();
    rig.clock.advance(47 * HOUR);
    expect(await rig.pass()).toHaveLength(1);
    rig.clock.advance(HOUR);
    await Promise.all([rig.pass(), rig.pass()]);
    const events = await rig.pass();
    expect(events.map((event) => event.type)).toEqual(['VigilanceModeProposed', 'VigilanceModeActivated']);
    expect(events[1]).toMatchObject({
      data: { act: { simulated: true }, goodsOfCriticalImportance: ['rare-earths-for-magnets', 'light-rare-earth-elements', 'heavy-rare-earth-elements', 'boron'] },
      metadata: { actor: 'system:auto-council-decision', simulated: 'true' },
    });
  });

  it('proposes deactivation 14 days after a suspension recorded in advance takes effect, with no other event in between', async () => {
    rig = await new Rig(withAutoDecision).start();
    await rig.controlsInForce();
    await rig.pass();
    rig.clock.advance(48 * HOUR);
    expect((await rig.pass()).map((event) => event.type)).toEqual(['VigilanceModeProposed', 'VigilanceModeActivated']);

    const { measureId, materials } = ANNOUNCEMENT_18_2025;
    const suspension = { measureId, reference: 'hypothetical suspension', suspendedFrom: '2025-04-10', suspendedUntil: '2026-04-10' };
    rig.clock.set('2025-04-07T12:00:00Z');
    await rig.append(`exportControl-${measureId}`, { type: 'ExportControlSuspended', data: { ...suspension, recordedAt: rig.clock.now().toISOString() } });
    expect(rig.monitor.scope(SCOPE)!.reached).toBe('vigilance');

    // The schedule's event on the start date is the only event after the announcement.
    rig.clock.set('2025-04-10T00:00:00Z');
    await rig.append(`exportControl-${measureId}`, { type: 'ExportControlSuspensionTookEffect', data: { ...suspension, materials } });
    expect(rig.monitor.scope(SCOPE)).toMatchObject({ reached: 'normal', indicatorsAsOf: '2025-04-10T00:00:00.000Z' });

    rig.clock.set('2025-04-23T23:59:00Z');
    expect((await rig.pass()).map((event) => event.type)).not.toContain('ModeDeactivationProposed');
    rig.clock.set('2025-04-24T00:00:00Z');
    const proposal = (await rig.pass()).at(-1)!;
    expect(proposal).toMatchObject({ type: 'ModeDeactivationProposed', recordedAt: '2025-04-24T00:00:00.000Z' });
    expect((proposal.data.grounds as ProposalGrounds).rationale).toContain('since 2025-04-10T00:00:00');
  });

  it('expires a period that ends without extension, once however often it is kicked, and proposes again while the level holds', async () => {
    rig = await new Rig(withAutoDecision).start();
    await rig.controlsInForce();
    await rig.pass();
    rig.clock.advance(48 * HOUR);
    const activated = (await rig.pass()).at(-1)!;
    const until = (activated.data.period as { until: string }).until;
    rig.clock.set(new Date(Date.parse(until) + 1000));
    await Promise.all([rig.manager.kick(), rig.manager.kick(), rig.manager.kick()]);
    const events = await rig.pass();
    expect(events.filter((event) => event.type === 'VigilanceModeExpired')).toHaveLength(1);
    expect(events.find((event) => event.type === 'VigilanceModeExpired')!.data).toMatchObject({ expiredAt: until });
    expect(events.at(-1)!.type).toBe('VigilanceModeProposed');
  });
});
