import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Principal } from '@imera/auth';
import { memberState, TokenFor } from '../../../../test/support/tokens';

const ROOT = join(__dirname, '..', '..', '..', '..');
const example = (name: string): Record<string, any> => JSON.parse(readFileSync(join(ROOT, 'docs', 'api', 'examples', `${name}.json`), 'utf8'));

export const MAGNETS = 'rare-earth-magnets';
const DAY_MS = 86_400_000;

export interface Filing {
  readonly notificationId: string;
  readonly memberState: string;
  readonly operatorName: string;
  readonly description: string;
}

/** What the browser tests do through the API, as the other actors would, on the system under test. */
export class Scenario {
  constructor(private readonly url: () => string, private readonly tokenFor: TokenFor) {}

  async request(method: 'GET' | 'POST', path: string, as: Principal, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.tokenFor(as)}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const reply = await fetch(`${this.url()}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await reply.text();
    return { status: reply.status, body: text ? JSON.parse(text) : undefined };
  }

  /** China's 2023-2025 measures, as `npm run seed` loads them. */
  async seedExportControls(analyst: Principal): Promise<void> {
    const seed = JSON.parse(readFileSync(join(ROOT, 'apps', 'intake', 'seed', 'export-controls-cn.v1.json'), 'utf8'));
    for (const measure of seed.measures) await this.expect(this.request('POST', '/api/v1/export-controls', analyst, measure), [201, 202]);
    for (const change of seed.statusChanges) {
      await this.expect(this.request('POST', `/api/v1/export-controls/${change.measureId}/suspensions`, analyst, change.body), [201, 202]);
    }
  }

  /** A notification about a magnet maker of the authority's own Member State; critical when most capacity is hit. */
  async fileNotification(state: string, options: { confidential?: boolean; capacityShareAffected?: number } = {}): Promise<Filing> {
    const body = example('file-notification');
    const notificationId = randomUUID();
    const operatorName = `${state} Magnet Works ${notificationId.slice(0, 6)}`;
    const description = `Dysprosium oxide licences pending for ${operatorName}; sintered line ${notificationId.slice(0, 8)} at reduced output.`;
    const filing = {
      ...body,
      notificationId,
      memberState: state,
      occurredAt: new Date(Date.now() - DAY_MS).toISOString(),
      description,
      confidential: options.confidential ?? true,
      operator: { ...body.operator, id: `${state}-magnets-${notificationId.slice(0, 4)}`, name: operatorName, site: { name: `${operatorName} plant`, country: state } },
      impact: { ...body.impact, capacityShareAffected: options.capacityShareAffected ?? 0.6 },
    };
    await this.expect(this.request('POST', '/api/v1/notifications', memberState(state), filing), [201, 202]);
    return { notificationId, memberState: state, operatorName, description };
  }

  async scope(as: Principal, scopeId = MAGNETS): Promise<any> {
    return (await this.expect(this.request('GET', `/api/v1/scopes/${scopeId}`, as), [200])).body;
  }

  /** Polls the scope until `condition` holds: the escalation policy proposes in the background. */
  async until(as: Principal, condition: (scope: any) => boolean, what: string): Promise<any> {
    let last: any;
    for (let attempt = 0; attempt < 300; attempt++) {
      last = await this.scope(as);
      if (condition(last)) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${what} never happened; the scope is ${last?.status}`);
  }

  /** The Council adopts the open proposal for the scope (IMERA Art 14-15, 17-18). */
  async adoptOpenProposal(council: Principal, reader: Principal, mode: 'vigilance' | 'emergency', months: number): Promise<void> {
    const { openProposal } = await this.until(reader, (scope) => scope.openProposal?.mode === mode && scope.openProposal?.kind === 'activation', `a ${mode} proposal`);
    const now = new Date();
    const until = new Date(now);
    until.setUTCMonth(until.getUTCMonth() + months);
    const goods = mode === 'vigilance' ? { goodsOfCriticalImportance: ['sintered NdFeB permanent magnets', 'dysprosium oxide'] } : { crisisRelevantGoods: ['sintered NdFeB permanent magnets'] };
    await this.expect(
      this.request('POST', `/api/v1/scopes/${MAGNETS}/council-acts`, council, {
        decision: 'activation',
        mode,
        proposalId: openProposal.proposalId,
        reference: `Council Implementing Decision activating ${mode} mode for rare-earth permanent magnets (test)`,
        adoptedOn: now.toISOString().slice(0, 10),
        period: { from: now.toISOString(), until: until.toISOString() },
        ...goods,
      }),
      [201, 202],
    );
  }

  /** The crisis cell asks two magnet makers for their output and stocks (IMERA Art 27), answers due in ten days. */
  async issueInformationRequest(crisisCell: Principal): Promise<string> {
    const requestId = randomUUID();
    const deadline = new Date(Date.now() + 10 * DAY_MS).toISOString();
    const body = { ...example('issue-information-request'), requestId, goods: ['sintered NdFeB permanent magnets'], deadline };
    await this.expect(this.request('POST', '/api/v1/information-requests', crisisCell, body), [201, 202]);
    return requestId;
  }

  async openDistributionRound(crisisCell: Principal): Promise<string> {
    const roundId = randomUUID();
    await this.expect(this.request('POST', '/api/v1/stock-distributions', crisisCell, { ...example('open-distribution-round'), roundId }), [201, 202]);
    return roundId;
  }

  private async expect(pending: Promise<{ status: number; body: any }>, statuses: number[]): Promise<{ status: number; body: any }> {
    const reply = await pending;
    if (!statuses.includes(reply.status)) throw new Error(`expected ${statuses.join(' or ')}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply;
  }
}
