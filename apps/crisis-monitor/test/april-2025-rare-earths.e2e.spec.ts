import { collect } from '@imera/event-sourcing';
import { example, IntakeHarness } from '../../intake/test/intake-harness';
import { analyst, councilSecretariat, memberState } from '../../../test/support/tokens';
import { MonitorSteps } from './support/monitor-steps';

/**
 * The April 2025 rare-earth controls replayed "as if" IMERA had applied then: the licence requirement for
 * seven medium and heavy rare earths (MOFCOM/GAC Announcement No. 18 of 2025) and a wave of notifications
 * from magnet makers take the rare-earth magnets scope to vigilance and emergency; after recovery, the
 * Council ends emergency and vigilance expires at the end of its period. The Council acts are exercise acts.
 */
describe('April 2025 rare-earth controls: the magnets scope through the IMERA modes and back', () => {
  let harness: IntakeHarness;
  let steps: MonitorSteps;
  const filed: Array<{ state: string; id: string }> = [];
  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2025-04-04T10:00:00Z' });
    steps = new MonitorSteps(harness);
  }, 60_000);
  afterAll(() => harness?.stop());

  const measureEventIds = async () => (await collect(harness.store.readStream('exportControl-cn-mofcom-2025-18'))).map((event) => event.id);
  const notificationEventIds = async () =>
    (await harness.allEvents()).filter((event) => event.type === 'OperatorNotificationFiled').map((event) => event.id);

  it('the controls come into force: the escalation policy proposes vigilance, citing the measure', async () => {
    await steps.recordControls();
    const scope = await steps.until((s) => s.status === 'vigilance-proposed', 'a vigilance proposal');
    expect(scope.indicators.headline.worstShareOfSupplyUnderControls).toMatchObject({ value: 0.5, material: 'heavy-rare-earth-elements' });
    expect(scope.assessment).toMatchObject({ policyRef: 'default-policy@1', reached: 'vigilance' });
    const [proposal] = scope.transitions;
    expect(proposal).toMatchObject({ type: 'VigilanceModeProposed', actor: 'system:escalation-policy', fromStatus: 'normal', toStatus: 'vigilance-proposed' });
    expect(proposal.grounds.indicators.filter((reading: any) => reading.met)).toEqual([
      expect.objectContaining({ indicator: 'worstShareOfSupplyUnderControls', value: 0.5, threshold: 0.25, material: 'heavy-rare-earth-elements' }),
    ]);
    expect(proposal.grounds.evidence.map((ref: any) => ref.eventId)).toEqual(await measureEventIds());
  });

  it('the Council activates vigilance by implementing act, listing the goods of critical importance', async () => {
    steps.at('2025-04-08T09:00:00Z');
    const { openProposal } = await steps.scope();
    const act = await steps.councilAct({
      decision: 'activation',
      mode: 'vigilance',
      proposalId: openProposal.proposalId,
      reference: 'Council Implementing Decision (EU) 2025/801 (exercise)',
      adoptedOn: '2025-04-08',
      period: { from: '2025-04-08T00:00:00Z', until: '2025-10-08T00:00:00Z' },
      goodsOfCriticalImportance: ['sintered NdFeB permanent magnets', 'dysprosium and terbium oxides and metals'],
    });
    expect(act.status).toBe(201);
    const scope = await steps.scope();
    expect(scope).toMatchObject({ status: 'vigilance-active', mode: 'vigilance', activeSince: '2025-04-08T00:00:00.000Z', activeUntil: '2025-10-08T00:00:00.000Z' });
    expect(scope.vigilance.act).toEqual({ reference: 'Council Implementing Decision (EU) 2025/801 (exercise)', adoptedOn: '2025-04-08', simulated: false });
    expect(scope.transitions.at(-1)).toMatchObject({ type: 'VigilanceModeActivated', actor: councilSecretariat.subject });
    expect(scope.transitions.at(-1).grounds.evidence.map((ref: any) => ref.eventId)).toEqual(await measureEventIds());
  });

  it('a wave of notifications from magnet makers in six Member States: the policy proposes emergency, citing them', async () => {
    const wave = [['DE', 'dysprosium'], ['DE', 'terbium'], ['FR', 'dysprosium'], ['IT', 'dysprosium'], ['ES', 'terbium'], ['NL', 'dysprosium'], ['AT', 'dysprosium'], ['AT', 'terbium'], ['FR', 'terbium']];
    for (const [index, [state, material]] of wave.entries()) {
      steps.at(`2025-04-1${index}T08:00:00Z`);
      filed.push({ state, id: await steps.fileNotification(state, `${state}-magnets-${index}`, material, '2025-04-09T00:00:00Z') });
    }
    const scope = await steps.until((s) => s.status === 'emergency-proposed', 'an emergency proposal');
    expect(scope.indicators.headline).toMatchObject({ memberStatesAffected: { value: 6 }, operatorsAffected: { value: 9 }, criticalNotifications: { value: 9 } });
    const proposal = scope.transitions.at(-1);
    expect(proposal).toMatchObject({ type: 'EmergencyModeProposed', fromStatus: 'vigilance-active', toStatus: 'emergency-proposed' });
    // Emergency needs two triggers: the controls' share and, from the third critical notification on, their count.
    const met = proposal.grounds.indicators.filter((reading: any) => reading.met).map((reading: any) => reading.indicator);
    expect(met).toEqual(expect.arrayContaining(['worstShareOfSupplyUnderControls', 'criticalNotifications']));
    const cited: string[] = proposal.grounds.evidence.map((ref: any) => ref.eventId);
    const notifications = await notificationEventIds();
    expect(cited).toEqual(expect.arrayContaining([...(await measureEventIds()), ...notifications.slice(0, 3)]));
    const measure = await measureEventIds();
    expect(cited.filter((id) => !measure.includes(id) && !notifications.includes(id))).toEqual([]);
    expect(cited.filter((id) => notifications.includes(id)).length).toBeGreaterThanOrEqual(3);
  });

  it('a Member State sees the aggregates and its own filings in the evidence, never another Member State\'s', async () => {
    const asGermany = await steps.scope(memberState('DE'));
    const evidence = asGermany.evidence.criticalNotifications.evidence;
    const germanStreams = filed.filter((f) => f.state === 'DE').map((f) => `notification-${f.id}`);
    expect(evidence.filter((ref: any) => germanStreams.includes(ref.streamName))).toHaveLength(2);
    const hidden = evidence.filter((ref: any) => ref.redacted);
    expect(hidden).toHaveLength(7);
    expect(hidden.every((ref: any) => ref.streamName === 'notification' && ref.eventId === undefined)).toBe(true);
    expect(JSON.stringify(asGermany)).not.toContain(filed.find((f) => f.state === 'FR')!.id);
    expect(asGermany.indicators.headline.operatorsAffected.value).toBe(9);
  });

  it('the Council activates emergency, listing the crisis-relevant goods (IMERA Art 18(4))', async () => {
    steps.at('2025-04-22T09:00:00Z');
    const { openProposal } = await steps.scope();
    const act = await steps.councilAct({
      decision: 'activation',
      mode: 'emergency',
      proposalId: openProposal.proposalId,
      reference: 'Council Implementing Decision (EU) 2025/877 (exercise)',
      adoptedOn: '2025-04-22',
      period: { from: '2025-04-22T00:00:00Z', until: '2025-07-22T00:00:00Z' },
      crisisRelevantGoods: ['sintered NdFeB permanent magnets'],
    });
    expect(act.status).toBe(201);
    expect(await steps.scope()).toMatchObject({ status: 'emergency-active', mode: 'emergency', emergency: { goods: ['sintered NdFeB permanent magnets'] } });
  });

  it('the licences are granted: once recovery has lasted 14 days the policy proposes to end emergency, and the Council does', async () => {
    steps.at('2025-05-20T08:00:00Z');
    for (const { state, id } of filed) await steps.resolveNotification(state, id);
    await steps.settled();
    const recovered = await steps.scope();
    expect(recovered.recoveredSince).toEqual({ vigilance: null, emergency: expect.stringMatching(/^2025-05-20/) });
    expect(recovered.status).toBe('emergency-active');

    steps.at('2025-06-02T08:00:00Z');
    await steps.tick();
    expect((await steps.scope()).openProposal).toBeNull();
    steps.at('2025-06-03T09:00:00Z');
    await steps.tick();
    const proposed = await steps.until((s) => s.openProposal?.kind === 'deactivation', 'a deactivation proposal');
    expect(proposed.openProposal).toMatchObject({ mode: 'emergency', kind: 'deactivation' });
    expect(proposed.transitions.at(-1).grounds.rationale).toMatch(/stayed past their emergency exit values since 2025-05-20/);

    steps.at('2025-06-05T09:00:00Z');
    const act = await steps.councilAct({ ...example('council-act-deactivation'), proposalId: proposed.openProposal.proposalId });
    expect(act.status).toBe(201);
    expect(await steps.scope()).toMatchObject({ status: 'vigilance-active', mode: 'vigilance', emergency: null });
  });

  it('the controls are suspended: vigilance is proposed for deactivation, the Council does not act, and the period expires', async () => {
    steps.at('2025-06-10T09:00:00Z');
    const suspension = { reference: 'Hypothetical suspension (exercise)', suspendedFrom: '2025-06-10' };
    expect((await harness.request('POST', '/api/v1/export-controls/cn-mofcom-2025-18/suspensions', undefined, suspension)).status).toBe(401);
    expect((await harness.request('POST', '/api/v1/export-controls/cn-mofcom-2025-18/suspensions', analyst, suspension)).status).toBe(201);
    await steps.settled();
    expect((await steps.scope()).assessment).toMatchObject({ reached: 'normal', holding: 'normal' });

    steps.at('2025-06-25T09:00:00Z');
    await steps.tick();
    const proposed = await steps.until((s) => s.openProposal?.kind === 'deactivation', 'a vigilance deactivation proposal');
    expect(proposed.openProposal.mode).toBe('vigilance');

    steps.at('2025-10-08T00:00:01Z');
    await steps.tick();
    const ended = await steps.until((s) => s.status === 'normal', 'the expiry');
    expect(ended).toMatchObject({ mode: 'normal', vigilance: null, emergency: null, openProposal: null, lastEnded: { vigilance: { endedBy: 'expiry', endedAt: '2025-10-08T00:00:00.000Z' }, emergency: { endedBy: 'deactivation' } } });
    expect(ended.transitions.map((t: any) => t.type)).toEqual([
      'VigilanceModeProposed',
      'VigilanceModeActivated',
      'EmergencyModeProposed',
      'EmergencyModeActivated',
      'ModeDeactivationProposed',
      'EmergencyModeDeactivated',
      'ModeDeactivationProposed',
      'ModeProposalLapsed',
      'VigilanceModeExpired',
    ]);
    expect(ended.transitions.at(-2)).toMatchObject({ reason: 'mode-ended', actor: 'system:mode-schedule' });
    expect(ended.proposals.map((p: any) => p.status)).toEqual(['adopted', 'adopted', 'adopted', 'lapsed']);
    expect(ended.timeline.map((entry: any) => entry.type)).toEqual(ended.transitions.map((t: any) => t.type));

    await steps.tick();
    expect((await steps.scope()).transitions).toHaveLength(9);
  });

  it('rebuilding the projection from zero gives exactly the state the live projection holds', async () => {
    const { live, rebuilt, position } = await steps.liveAndRebuilt();
    expect(position).not.toBeNull();
    expect(rebuilt).toBe(live);
  });

  it('after a restart the projection resumes after its stored snapshot and still equals a rebuild', async () => {
    const before = (await steps.liveAndRebuilt()).live;
    await harness.restart();
    await steps.settled();
    expect(steps.runner.resumedFrom).toBe(steps.monitor.position);
    const { live, rebuilt } = await steps.liveAndRebuilt();
    expect(live).toBe(before);
    expect(rebuilt).toBe(live);
    expect((await steps.scope()).status).toBe('normal');
  }, 60_000);
});
