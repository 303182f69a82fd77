import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Principal } from '@imera/auth';
import { collect, ManualClock } from '@imera/event-sourcing';
import { FileLogEventStore } from '@imera/event-store';
import { AppHarness } from '../../../test/reliability/support/app-harness';
import { analyst, crisisCell, memberState } from '../../../test/support/tokens';
import { example } from '../../intake/test/intake-harness';
import { discoverRoutes, routeKey } from '../../../test/reliability/support/routes';
import { runExercise } from '../src/runner';
import { ACTIONS } from '../src/runtime';
import { parseScenario } from '../src/scenario/parse-scenario';

const FIXTURE_TEXT = readFileSync(join(__dirname, 'fixtures', 'small-rare-earth-controls.json'), 'utf8');
const FIXTURE = JSON.parse(FIXTURE_TEXT);
const runner = (exerciseId?: string): Principal =>
  ({ role: 'exercise-runner', subject: `runner-${exerciseId ?? 'any'}`, ...(exerciseId ? { exerciseId } : {}) }) as Principal;
const DRILL = runner('drill-1');
const OTHER = runner('drill-2');
const ANY = runner();

/** Every file of a directory tree, by path, as sha256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[full.slice(dir.length)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/**
 * The all-in-one app over a file log holding live events, with exercises run beside it: through its HTTP API
 * by exercise runners, and by the runner directly on the same data directory (as the CLI does).
 */
describe('exercises beside live data', () => {
  let live: AppHarness;
  const liveViews = async () => {
    const views: Record<string, unknown> = {};
    for (const url of ['/api/v1/scopes', '/api/v1/scopes/rare-earth-magnets', '/api/v1/export-controls', '/api/v1/notifications', '/api/v1/stock-reports']) {
      views[url] = (await live.request('GET', url, { as: analyst })).body;
    }
    views['open-instruments'] = (await live.request('GET', '/api/v1/scopes/rare-earth-magnets/open-instruments', { as: crisisCell })).body;
    return views;
  };
  const liveState = async () => ({
    log: fingerprint(join(live.dataDir, 'event-log')),
    keys: fingerprint(join(live.dataDir, 'keys')),
    events: JSON.stringify(await live.allEvents()),
    views: await liveViews(),
  });

  beforeAll(async () => {
    live = await AppHarness.start({ now: '2025-04-04T10:00:00Z' });
    expect((await live.request('POST', '/api/v1/export-controls', { as: analyst, body: example('record-export-control') })).status).toBe(201);
    live.clock.set('2025-04-21T08:00:00Z');
    const filing = { ...example<Record<string, unknown>>('file-notification'), occurredAt: '2025-04-20T00:00:00Z' };
    expect((await live.request('POST', '/api/v1/notifications', { as: memberState('DE'), body: filing })).status).toBe(201);
    // Wait until the live system has done what it does with these (the policy proposes vigilance).
    for (let attempt = 0; attempt < 400; attempt++) {
      const scope = (await live.request('GET', '/api/v1/scopes/rare-earth-magnets', { as: analyst })).body;
      if (scope.status === 'vigilance-proposed') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }, 60_000);
  afterAll(() => live?.stop());

  describe('isolation', () => {
    let before: Awaited<ReturnType<typeof liveState>>;
    let apiReport: any;
    let directReport: any;
    beforeAll(async () => {
      before = await liveState();
      expect(JSON.parse(before.events).length).toBeGreaterThanOrEqual(4);
      expect(before.views['/api/v1/scopes/rare-earth-magnets']).toMatchObject({ status: 'vigilance-proposed' });
      const posted = await live.request('POST', '/api/v1/exercises', { as: runner('isolation-api'), body: FIXTURE });
      expect(posted.status).toBe(201);
      apiReport = posted.body;
      directReport = await runExercise(parseScenario(FIXTURE_TEXT), { exerciseId: 'isolation-direct', dataDir: live.dataDir, store: 'file' });
    }, 60_000);

    it('leaves the live event log, streams, projections and keys unchanged, byte for byte', async () => {
      const after = await liveState();
      expect(after.log).toEqual(before.log);
      expect(after.keys).toEqual(before.keys);
      expect(after.events).toBe(before.events);
      expect(after.views).toEqual(before.views);
      expect(JSON.parse(after.events).filter((event: any) => event.metadata.exerciseId !== undefined)).toEqual([]);
    });

    it("stores the exercise's events in its namespace only, each carrying the exercise id", async () => {
      expect(readdirSync(join(live.dataDir, 'exercises')).sort()).toEqual(['isolation-api', 'isolation-direct']);
      for (const id of ['isolation-api', 'isolation-direct']) {
        const store = await FileLogEventStore.open({ dir: join(live.dataDir, 'exercises', id, 'event-log'), clock: new ManualClock('2030-01-01T00:00:00Z') });
        try {
          const events = await collect(store.readAll());
          expect(events.length).toBe(apiReport.outcome.eventsRecorded);
          expect(events.every((event) => event.metadata.exerciseId === id)).toBe(true);
          expect(events.map((event) => event.type)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce', 'VigilanceModeProposed', 'VigilanceModeActivated']);
        } finally {
          await store.close();
        }
      }
    });

    it('gives the same report through the API as the direct run, but for the id and the hash of what was sent', async () => {
      const stored = JSON.parse(readFileSync(join(live.dataDir, 'exercises', 'isolation-api', 'report.json'), 'utf8'));
      expect(stored).toEqual(apiReport);
      const { exercise: apiExercise, ...apiRest } = apiReport;
      const { exercise: directExercise, ...directRest } = directReport;
      expect(directRest).toEqual(apiRest);
      expect({ ...directExercise, id: 'isolation-api', scenarioFileSha256: apiExercise.scenarioFileSha256 }).toEqual(apiExercise);
      expect(apiReport.outcome).toMatchObject({ passed: true, expectationsMet: 5 });
    });
  });

  it("names only POST routes the app has in the scenario actions' catalogue", () => {
    const routes = new Set(discoverRoutes(live.app).map(routeKey));
    const missing = Object.entries(ACTIONS).filter(([, entry]) => !routes.has(`POST ${entry.route.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(missing).toEqual([]);
    expect(Object.keys(ACTIONS).length).toBeGreaterThanOrEqual(13);
  });

  describe('HTTP API for exercise runners', () => {
    it('runs a scenario in the namespace of the runner\'s exercise and answers the report', async () => {
      const reply = await live.request('POST', '/api/v1/exercises', { as: DRILL, body: FIXTURE });
      expect(reply.status).toBe(201);
      expect(reply.body.exercise).toMatchObject({ id: 'drill-1', scenario: 'Small rare-earth controls drill' });
      expect((await live.request('POST', '/api/v1/exercises', { as: DRILL, body: FIXTURE })).status).toBe(409);
    }, 30_000);

    it('refuses a bad scenario with the paths at fault, and keeps nothing', async () => {
      const bad = { ...FIXTURE, decisions: 'sometimes', inputs: [{ ...FIXTURE.inputs[0], data: { ...FIXTURE.inputs[0].data, materials: ['unobtainium'] } }] };
      const reply = await live.request('POST', '/api/v1/exercises', { as: runner('bad-1'), body: bad });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: 'bad-scenario', problems: [{ path: 'decisions', message: expect.any(String) }] });
      const refused = await live.request('POST', '/api/v1/exercises', { as: runner('bad-2'), body: { ...bad, decisions: 'auto' } });
      expect(refused.status).toBe(400);
      expect(refused.body.problems).toEqual([{ path: 'inputs[0].data.materials', message: expect.stringMatching(/raw-material code/) }]);
      expect(existsSync(join(live.dataDir, 'exercises', 'bad-1'))).toBe(false);
      expect(existsSync(join(live.dataDir, 'exercises', 'bad-2'))).toBe(false);
    }, 30_000);

    it('serves the report as JSON and as an HTML page', async () => {
      const json = await live.request('GET', '/api/v1/exercises/drill-1/report', { as: DRILL });
      expect(json.status).toBe(200);
      expect(json.body.outcome.passed).toBe(true);
      const html = await live.request('GET', '/api/v1/exercises/drill-1/report?format=html', { as: DRILL });
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html.text).toContain('EXERCISE drill-1: not live data');
    });

    it('shows a token bound to another exercise nothing of this one', async () => {
      expect((await live.request('GET', '/api/v1/exercises/drill-1/report', { as: OTHER })).status).toBe(404);
      expect((await live.request('DELETE', '/api/v1/exercises/drill-1', { as: OTHER })).status).toBe(404);
      expect((await live.request('POST', '/api/v1/exercises?id=drill-1', { as: OTHER, body: FIXTURE })).status).toBe(403);
      expect((await live.request('GET', '/api/v1/exercises', { as: OTHER })).body).toEqual({ exercises: [] });
    });

    it('refuses live roles: a Member State or the crisis cell gets 403', async () => {
      for (const as of [memberState('DE'), crisisCell]) {
        expect((await live.request('POST', '/api/v1/exercises', { as, body: FIXTURE })).status).toBe(403);
        expect((await live.request('GET', '/api/v1/exercises', { as })).status).toBe(403);
        expect((await live.request('GET', '/api/v1/exercises/drill-1/report', { as })).status).toBe(403);
        expect((await live.request('DELETE', '/api/v1/exercises/drill-1', { as })).status).toBe(403);
      }
    });

    it('lists namespaces (a bound token its own only) and deletes one with its store and report', async () => {
      const all = await live.request('GET', '/api/v1/exercises', { as: ANY });
      expect(all.body.exercises).toEqual([
        { id: 'drill-1', scenario: 'Small rare-earth controls drill', state: 'complete', passed: true },
        { id: 'isolation-api', scenario: 'Small rare-earth controls drill', state: 'complete', passed: true },
        { id: 'isolation-direct', scenario: null, state: 'incomplete', passed: null },
      ]);
      expect((await live.request('GET', '/api/v1/exercises', { as: DRILL })).body.exercises.map((summary: any) => summary.id)).toEqual(['drill-1']);
      const logBefore = fingerprint(join(live.dataDir, 'event-log'));
      expect((await live.request('DELETE', '/api/v1/exercises/drill-1', { as: DRILL })).status).toBe(204);
      expect(existsSync(join(live.dataDir, 'exercises', 'drill-1'))).toBe(false);
      expect((await live.request('GET', '/api/v1/exercises/drill-1/report', { as: DRILL })).status).toBe(404);
      expect((await live.request('DELETE', '/api/v1/exercises/drill-1', { as: DRILL })).status).toBe(404);
      expect((await live.request('GET', '/api/v1/exercises', { as: ANY })).body.exercises.map((summary: any) => summary.id)).toEqual(['isolation-api', 'isolation-direct']);
      expect(fingerprint(join(live.dataDir, 'event-log'))).toEqual(logBefore);
    });
  });
});
