import { Principal } from '@imera/auth';
import { IntakeHarness } from '../../intake/test/intake-harness';
import { analyst, memberState, operatorPrincipal, TokenFor, tokenIssuerFor } from '../../../test/support/tokens';
import { LiveClient, ReceivedEvent } from './support/live-client';
import { MonitorSteps } from './support/monitor-steps';

describe('live stream (server-sent events)', () => {
  let harness: IntakeHarness;
  let steps: MonitorSteps;
  let tokenFor: TokenFor;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    harness = await IntakeHarness.start({ now: '2025-04-04T10:00:00Z' });
    steps = new MonitorSteps(harness);
    tokenFor = await tokenIssuerFor(harness.dataDir, harness.clock);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await harness?.stop();
  });

  const connect = async (as: Principal, lastEventId?: string) => {
    const client = await LiveClient.connect(`${harness.baseUrl}/api/v1/stream`, await tokenFor(as), lastEventId);
    clients.push(client);
    return client;
  };
  const position = (event: ReceivedEvent) => Number(event.data.position);
  let afterVigilance: string;

  it('delivers the proposal and the mode change as they happen, with the global position as the event id', async () => {
    const live = await connect(analyst);
    expect(live.status).toBe(200);
    await steps.recordControls();
    const proposal = await live.waitFor((event) => event.event === 'proposal' && event.data.status === 'open');
    expect(proposal.data).toMatchObject({ scopeId: 'rare-earth-magnets', proposalKind: 'activation', mode: 'vigilance', grounds: { policyRef: 'default-policy@1' } });
    expect(live.events.find((event) => event.event === 'indicators-changed' && event.data.reached === 'vigilance')).toBeDefined();

    steps.at('2025-04-08T09:00:00Z');
    const act = await steps.councilAct({
      decision: 'activation',
      mode: 'vigilance',
      proposalId: proposal.data.proposalId,
      reference: 'Council Implementing Decision (EU) 2025/801 (exercise)',
      adoptedOn: '2025-04-08',
      period: { from: '2025-04-08T00:00:00Z', until: '2025-10-08T00:00:00Z' },
      goodsOfCriticalImportance: ['sintered NdFeB permanent magnets'],
    });
    const changed = await live.waitFor((event) => event.event === 'mode-changed');
    expect(changed.data).toMatchObject({ scopeId: 'rare-earth-magnets', previousStatus: 'vigilance-proposed', status: 'vigilance-active', mode: 'vigilance', act: { simulated: false } });
    expect(changed.lastEventId).toBe(String(act.body.events[0].globalPosition));
    afterVigilance = changed.lastEventId!;
    await live.close();
  });

  it('resumes after a reconnect with Last-Event-ID: what was missed, in order, and nothing from before', async () => {
    steps.at('2025-04-10T08:00:00Z');
    for (const [state, operator] of [['DE', 'DE-1'], ['FR', 'FR-1'], ['IT', 'IT-1']]) await steps.fileNotification(state, operator, 'dysprosium', '2025-04-09T00:00:00Z');
    const proposed = await steps.until((scope) => scope.status === 'emergency-proposed', 'the emergency proposal');
    steps.at('2025-04-15T09:00:00Z');
    await steps.councilAct({
      decision: 'activation',
      mode: 'emergency',
      proposalId: proposed.openProposal.proposalId,
      reference: 'Council Implementing Decision (EU) 2025/877 (exercise)',
      adoptedOn: '2025-04-15',
      period: { from: '2025-04-15T00:00:00Z', until: '2025-07-15T00:00:00Z' },
      crisisRelevantGoods: ['sintered NdFeB permanent magnets'],
    });

    const resumed = await connect(analyst, afterVigilance);
    const emergency = await resumed.waitFor((event) => event.event === 'mode-changed');
    expect(emergency.data).toMatchObject({ status: 'emergency-active', previousStatus: 'emergency-proposed' });
    const positions = resumed.events.map(position);
    expect(positions.every((value) => value > Number(afterVigilance))).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(resumed.events.filter((event) => event.event === 'notification').map((event) => event.data.memberState)).toEqual(['DE', 'FR', 'IT']);
    expect(resumed.events.some((event) => event.event === 'proposal' && event.data.mode === 'emergency')).toBe(true);
    expect(JSON.stringify(resumed.events)).not.toMatch(/magnet works|plant|DE-1/);
  });

  it("shows a Member State another Member State's confidential notification without who filed it", async () => {
    const france = await connect(memberState('FR'), afterVigilance);
    await france.waitFor((event) => event.event === 'mode-changed');
    const notifications = france.events.filter((event) => event.event === 'notification');
    expect(notifications.map((event) => event.data.memberState)).toEqual([undefined, 'FR', undefined]);
    expect(notifications.every((event) => event.data.material === 'dysprosium' && event.data.severity === 'critical')).toBe(true);
    expect(notifications.filter((event) => event.data.notificationId !== undefined)).toHaveLength(1);
  });

  it('tells a client whose Last-Event-ID it cannot place to resynchronise, with the state of every scope', async () => {
    const lost = await connect(analyst, '999999999999');
    const resync = await lost.waitFor((event) => event.event === 'resync');
    expect(resync.data).toMatchObject({ reason: 'unknown-position' });
    expect(resync.data.scopes.find((scope: { scopeId: string }) => scope.scopeId === 'rare-earth-magnets')).toMatchObject({ status: 'emergency-active' });
    expect(resync.lastEventId).toBe(String(resync.data.position));
  });

  it('refuses operators, clients that do not ask for a stream, and a malformed Last-Event-ID', async () => {
    const url = `${harness.baseUrl}/api/v1/stream`;
    const get = async (as: Principal, headers: Record<string, string>) =>
      (await fetch(url, { headers: { authorization: `Bearer ${await tokenFor(as)}`, ...headers } })).status;
    expect(await get(operatorPrincipal('DE-magnets-0042'), { accept: 'text/event-stream' })).toBe(403);
    expect(await get(analyst, {})).toBe(406);
    expect(await get(analyst, { accept: 'text/event-stream', 'last-event-id': 'yesterday' })).toBe(400);
  });
});
