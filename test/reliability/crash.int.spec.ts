import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '@imera/auth';
import { buildToTemp } from '../support/compiled';
import { RunningSystem, startSystem } from '../support/system-process';
import { analyst, memberState, tokenIssuerFor } from '../support/tokens';
import { invalidNotification, Outcome, SentNotification, validNotification } from './crash/notification-load';
import { checkLog, LogCheck, sortById } from './crash/offline-check';
import { checkStoredSnapshots } from './crash/snapshot-check';
import { Seeded } from './support/seeded';

const SEED = Number(process.env.IMERA_CRASH_SEED ?? 20260601);
const KILLS = Number(process.env.IMERA_CRASH_KILLS ?? 20);
const WORKERS = 4;
/** Every third cycle the load pauses before the kill, so the live list can be compared with a fresh fold. */
const QUIET_EVERY = 3;
/** IMERA_CRASH_TRACE=<file>: one line per step, to follow a long run as it goes. */
const trace = (line: string) => process.env.IMERA_CRASH_TRACE && appendFileSync(process.env.IMERA_CRASH_TRACE, `${new Date().toISOString()} ${line}\n`);

/**
 * The compiled all-in-one system as a child process under a steady load of notifications over HTTP, killed
 * with SIGKILL at seeded random points. After each kill the event log is checked offline: every filing that
 * got a 2xx is stored exactly once, none that got an error is, no event is stored twice; after each restart
 * the projection rebuilt from the log equals a fresh fold, and requests whose answer was lost are re-sent.
 */
describe('crash: SIGKILL under load', () => {
  let buildDir: string;
  let dataDir: string;
  const random = new Seeded(SEED);
  const sent: SentNotification[] = [];
  const totals = { kills: 0, requests: 0, acknowledged: 0, rejected: 0, unknown: 0, resent: 0, eventsChecked: 0, listComparisons: 0, liveComparisons: 0, snapshotChecks: 0 };

  beforeAll(() => {
    buildDir = buildToTemp();
    dataDir = mkdtempSync(join(tmpdir(), 'imera-crash-'));
  }, 180_000);
  let running: RunningSystem | undefined;
  afterAll(async () => {
    // A failed check leaves the system up: stop it, or the test run never ends.
    await running?.kill('SIGKILL');
    console.log(
      `crash: ${totals.kills} kills survived (seed ${SEED}); ${totals.requests} filings sent: ${totals.acknowledged} acknowledged, ` +
        `${totals.rejected} refused, ${totals.unknown} without an answer (re-sent ${totals.resent}); ${totals.eventsChecked} events checked; ` +
        `rebuilt list equal to a fresh fold after ${totals.listComparisons} restarts, live list equal to it before ${totals.liveComparisons} kills; ` +
        `stored projection snapshot equal to a rebuild after ${totals.snapshotChecks} kills`,
    );
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged filing exactly once across ${KILLS} kills`, async () => {
    const env = { DATA_DIR: dataDir, KAFKA_BROKERS: '', EVENT_STORE: 'file', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn' };
    let expected: LogCheck | undefined;
    for (let cycle = 0; cycle <= KILLS; cycle++) {
      trace(`cycle ${cycle}: starting`);
      const system = await startSystem(buildDir, env, { timeoutMs: 60_000 });
      running = system;
      trace(`cycle ${cycle}: healthy at ${system.url}`);
      const client = await Client.for(system, dataDir);
      if (expected) {
        expect(await client.list()).toEqual(expected.rebuilt);
        totals.listComparisons++;
      }
      await resendUnanswered(client);
      if (cycle === KILLS) {
        await system.kill('SIGTERM');
        break;
      }
      const quiet = cycle % QUIET_EVERY === QUIET_EVERY - 1;
      const live = await runLoadAndKill(client, system, random.between(300, 1_500), quiet);
      totals.kills++;
      trace(`cycle ${cycle}: killed (${JSON.stringify(totals)})`);
      expected = await checkLog(dataDir, sent);
      trace(`cycle ${cycle}: log checked, ${expected.events} events, ${expected.problems.length} problems`);
      totals.eventsChecked += expected.events;
      expect(expected.problems).toEqual([]);
      const snapshots = checkStoredSnapshots(buildDir, dataDir);
      trace(`cycle ${cycle}: stored snapshots: ${snapshots.report}`);
      if (snapshots.ran) expect({ matches: snapshots.matches !== false, report: snapshots.report }).toEqual({ matches: true, report: snapshots.report });
      if (snapshots.matches === true) totals.snapshotChecks++;
      if (live) {
        expect(live).toEqual(expected.rebuilt);
        totals.liveComparisons++;
      }
    }
    const final = await checkLog(dataDir, sent);
    totals.eventsChecked += final.events;
    expect(final.problems).toEqual([]);
    expect(sent.filter((notification) => notification.outcome.kind === 'unknown')).toEqual([]);
    expect(totals.acknowledged).toBeGreaterThan(KILLS * 10);
  }, 600_000);

  /** Filings whose answer was lost in a kill are sent again, as a filer would: the second answer is final. */
  async function resendUnanswered(client: Client): Promise<void> {
    for (const notification of sent.filter((candidate) => candidate.outcome.kind === 'unknown')) {
      notification.outcome = await client.file(notification);
      totals.resent++;
      const expected = notification.valid ? { kind: 'acknowledged', status: expect.any(Number) } : { kind: 'rejected', status: 400 };
      expect({ id: notification.notificationId, outcome: notification.outcome }).toEqual({ id: notification.notificationId, outcome: expected });
      if (notification.valid) expect([200, 201]).toContain((notification.outcome as { status: number }).status);
    }
  }

  /** Workers file until the kill; in a quiet cycle they stop first and the live list is read before the kill. */
  async function runLoadAndKill(client: Client, system: RunningSystem, killAfterMs: number, quiet: boolean) {
    let stopping = false;
    const worker = async () => {
      while (!stopping) {
        const notification = random.next() < 0.85 ? validNotification(random) : invalidNotification(random);
        sent.push(notification);
        totals.requests++;
        notification.outcome = await client.file(notification);
        count(notification.outcome);
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    let live;
    if (quiet) {
      stopping = true;
      await Promise.all(workers);
      live = await client.list();
    }
    await system.kill('SIGKILL');
    stopping = true;
    await Promise.all(workers);
    return live;
  }

  function count(outcome: Outcome): void {
    if (outcome.kind === 'acknowledged') totals.acknowledged++;
    else if (outcome.kind === 'rejected') totals.rejected++;
    else totals.unknown++;
  }
});

/** Talks to one running system with tokens from the data directory's key. */
class Client {
  private constructor(private readonly system: RunningSystem, private readonly tokens: Map<string, string>) {}

  static async for(system: RunningSystem, dataDir: string): Promise<Client> {
    const issue = await tokenIssuerFor(dataDir);
    const principals: Principal[] = [analyst, ...['DE', 'FR', 'IT', 'PL', 'NL', 'ES'].map((code) => memberState(code))];
    const tokens = new Map(await Promise.all(principals.map(async (principal) => [principal.subject, await issue(principal)] as const)));
    return new Client(system, tokens);
  }

  async file(notification: SentNotification): Promise<Outcome> {
    try {
      const response = await fetch(`${this.system.url}/api/v1/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.tokens.get(memberState(notification.memberState).subject)}` },
        body: JSON.stringify(notification.body),
      });
      await response.arrayBuffer();
      return response.status < 300 ? { kind: 'acknowledged', status: response.status } : { kind: 'rejected', status: response.status };
    } catch (error) {
      return { kind: 'unknown', error: String(error) };
    }
  }

  async list() {
    const response = await fetch(`${this.system.url}/api/v1/notifications`, { headers: { authorization: `Bearer ${this.tokens.get(analyst.subject)}` } });
    return sortById(((await response.json()) as { notifications: Parameters<typeof sortById>[0] }).notifications);
  }
}
