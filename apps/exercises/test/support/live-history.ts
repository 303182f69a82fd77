import { randomUUID } from 'node:crypto';
import { DiscoveryService } from '@nestjs/core';
import { projectionRunnersOf } from '@imera/platform';
import { example, IntakeHarness, Reply } from '../../../intake/test/intake-harness';
import { analyst, councilSecretariat, memberState } from '../../../../test/support/tokens';
import { VirtualTime } from '../../src/runtime';

export const SCOPE = 'rare-earth-magnets';

/**
 * The all-in-one app live (file log, in-process bus, manual clock), driven through its HTTP API. Between
 * requests the clock moves the way a running system's timers would: to each instant something falls due.
 */
export class LiveHistory {
  private constructor(
    readonly harness: IntakeHarness,
    private readonly time: VirtualTime,
  ) {}

  static async start(now: string): Promise<LiveHistory> {
    const harness = await IntakeHarness.start({ now });
    const runners = projectionRunnersOf(harness.app.get(DiscoveryService));
    const time = new VirtualTime(harness.app, harness.clock, harness.store, runners);
    await time.settle();
    return new LiveHistory(harness, time);
  }

  at(instant: string): Promise<void> {
    return this.time.advanceTo(instant);
  }

  async post(url: string, as: Parameters<IntakeHarness['request']>[2], body: unknown): Promise<Reply> {
    const reply = await this.harness.request('POST', url, as, body);
    if (reply.status !== 201) throw new Error(`POST ${url}: expected 201, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    await this.time.settle();
    return reply;
  }

  async openProposal(): Promise<{ proposalId: string; kind: string; mode: string } | null> {
    const reply = await this.harness.request('GET', `/api/v1/scopes/${SCOPE}`, analyst);
    return reply.body.openProposal;
  }

  async councilAct(body: Record<string, unknown>): Promise<void> {
    const proposal = await this.openProposal();
    if (!proposal) throw new Error('no open proposal for the Council act');
    await this.post(`/api/v1/scopes/${SCOPE}/council-acts`, councilSecretariat, { ...body, proposalId: proposal.proposalId });
  }

  async fileNotification(state: string, operator: string, material: string): Promise<string> {
    const body = example<Record<string, any>>('file-notification');
    const notificationId = randomUUID();
    await this.post('/api/v1/notifications', memberState(state), {
      ...body,
      notificationId,
      memberState: state,
      material,
      occurredAt: '2025-04-09T00:00:00Z',
      operator: { ...body.operator, id: operator, name: `${operator} magnet works`, site: { name: `${operator} plant`, country: state } },
      impact: { capacityShareAffected: 0.6, tonnesPerYearAffected: 40, expectedDurationDays: 90, stockCoverDays: 30 },
    });
    return notificationId;
  }

  /**
   * The April 2025 rare-earth controls (as the crisis monitor's scenario test plays them): the licence
   * requirement, Council acts on the policy's proposals, a wave of notifications from magnet makers, their
   * resolution, a suspension of the controls that runs out, and the end of vigilance's period.
   */
  async playApril2025(): Promise<void> {
    await this.at('2025-04-04T10:00:00Z');
    await this.post('/api/v1/export-controls', analyst, example('record-export-control'));
    await this.at('2025-04-08T09:00:00Z');
    await this.councilAct({ ...example('council-act-activation'), proposalId: undefined });
    const wave = [['DE', 'dysprosium'], ['DE', 'terbium'], ['FR', 'dysprosium'], ['IT', 'dysprosium'], ['ES', 'terbium'], ['NL', 'dysprosium']];
    const filed: Array<{ state: string; id: string }> = [];
    for (const [index, [state, material]] of wave.entries()) {
      await this.at(`2025-04-1${index}T08:00:00Z`);
      filed.push({ state, id: await this.fileNotification(state, `${state}-magnets-${index}`, material) });
    }
    await this.at('2025-04-22T09:00:00Z');
    await this.councilAct({
      decision: 'activation',
      mode: 'emergency',
      reference: 'Council Implementing Decision (EU) 2025/877 (exercise)',
      adoptedOn: '2025-04-22',
      period: { from: '2025-04-22T00:00:00Z', until: '2025-07-22T00:00:00Z' },
      crisisRelevantGoods: ['sintered NdFeB permanent magnets'],
    });
    await this.at('2025-05-20T08:00:00Z');
    for (const { state, id } of filed) await this.post(`/api/v1/notifications/${id}/resolution`, memberState(state), example('notification-resolution'));
    await this.at('2025-06-05T09:00:00Z');
    await this.councilAct({ ...example('council-act-deactivation'), proposalId: undefined });
    await this.at('2025-06-10T09:00:00Z');
    await this.post('/api/v1/export-controls/cn-mofcom-2025-18/suspensions', analyst, {
      reference: 'Hypothetical suspension (exercise)',
      suspendedFrom: '2025-06-10',
      suspendedUntil: '2025-08-10',
    });
    await this.at('2025-10-09T00:00:00Z');
  }
}
