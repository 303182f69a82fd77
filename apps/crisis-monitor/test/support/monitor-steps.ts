import { randomUUID } from 'node:crypto';
import { Principal } from '@imera/auth';
import { collect } from '@imera/event-sourcing';
import { serialiseProjection, rebuildProjection } from '@imera/platform';
import { example, IntakeHarness, Reply } from '../../../intake/test/intake-harness';
import { analyst, councilSecretariat, memberState } from '../../../../test/support/tokens';
import { CRISIS_MONITOR_RUNNER, CRISIS_MONITOR_SETTINGS } from '../../src/crisis-monitor.module';
import { CrisisMonitorSettings } from '../../src/crisis-monitor.config';
import { CrisisMonitorProjection } from '../../src/monitor/crisis-monitor.projection';
import { ScopeModesProcessManager } from '../../src/scope-modes/scope-modes.process-manager';

export const SCOPE = 'rare-earth-magnets';

/** What the crisis-monitor tests do through the API, and what they look at inside the running app. */
export class MonitorSteps {
  constructor(readonly harness: IntakeHarness) {}

  get monitor(): CrisisMonitorProjection {
    return this.harness.app.get(CrisisMonitorProjection);
  }

  get processManager(): ScopeModesProcessManager {
    return this.harness.app.get(ScopeModesProcessManager);
  }

  at(time: string): void {
    this.harness.clock.set(time);
  }

  async scope(as: Principal = analyst): Promise<any> {
    const reply = await this.harness.request('GET', `/api/v1/scopes/${SCOPE}`, as);
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** Polls the scope until `condition` holds: the projection and the process manager work in the background. */
  async until(condition: (scope: any) => boolean, what: string): Promise<any> {
    let last: any;
    for (let attempt = 0; attempt < 400; attempt++) {
      last = await this.scope();
      if (condition(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${what} never happened; the scope is ${last?.status} with proposal ${JSON.stringify(last?.openProposal)}`);
  }

  /** Lets the process manager look at the clock now (its timer would, in real time), then waits for the monitor. */
  async tick(): Promise<void> {
    await this.settled();
    await this.processManager.kick();
    await this.settled();
  }

  /** Waits until the monitor has applied every stored event. */
  async settled(): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const all = await collect(this.harness.store.readAll());
      const last = all.at(-1)?.globalPosition ?? null;
      if (this.monitor.position === last) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the crisis monitor did not catch up');
  }

  async recordControls(): Promise<Reply> {
    return this.expectStatus(await this.harness.request('POST', '/api/v1/export-controls', analyst, example('record-export-control')), 201);
  }

  async fileNotification(state: string, operator: string, material: string, occurredAt: string): Promise<string> {
    const body = example<Record<string, any>>('file-notification');
    const notificationId = randomUUID();
    const filing = {
      ...body,
      notificationId,
      memberState: state,
      material,
      occurredAt,
      operator: { ...body.operator, id: operator, name: `${operator} magnet works`, site: { name: `${operator} plant`, country: state } },
      impact: { capacityShareAffected: 0.6, tonnesPerYearAffected: 40, expectedDurationDays: 90, stockCoverDays: 30 },
    };
    await this.expectStatus(await this.harness.request('POST', '/api/v1/notifications', memberState(state), filing), 201);
    return notificationId;
  }

  async resolveNotification(state: string, notificationId: string): Promise<void> {
    const reply = await this.harness.request('POST', `/api/v1/notifications/${notificationId}/resolution`, memberState(state), example('notification-resolution'));
    await this.expectStatus(reply, 201);
  }

  async councilAct(body: Record<string, unknown>, as: Principal = councilSecretariat): Promise<Reply> {
    return this.harness.request('POST', `/api/v1/scopes/${SCOPE}/council-acts`, as, body);
  }

  /** The live projection's state and the state a fresh projection folds from the whole log, serialised. */
  async liveAndRebuilt(): Promise<{ live: string; rebuilt: string; position: number | null }> {
    await this.settled();
    const settings = this.harness.app.get<CrisisMonitorSettings>(CRISIS_MONITOR_SETTINGS);
    const fresh = new CrisisMonitorProjection(settings);
    const position = this.monitor.position;
    await rebuildProjection(this.harness.store, fresh, position ?? undefined);
    return { live: serialiseProjection(this.monitor), rebuilt: serialiseProjection(fresh), position };
  }

  get runner() {
    return this.harness.app.get(CRISIS_MONITOR_RUNNER);
  }

  private async expectStatus(reply: Reply, status: number): Promise<Reply> {
    if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply;
  }
}
