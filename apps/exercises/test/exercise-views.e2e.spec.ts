import { spawn, ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '@imera/auth';
import { AppHarness } from '../../../test/reliability/support/app-harness';
import { analyst, crisisCell, memberState } from '../../../test/support/tokens';
import { example } from '../../intake/test/intake-harness';
import { runExercise, writeReport } from '../src/runner';
import { namespaceDir } from '../src/runtime';
import { parseScenario } from '../src/scenario/parse-scenario';
import { ExerciseReaders } from '../src/views/exercise-readers';

const FIXTURE_TEXT = readFileSync(join(__dirname, 'fixtures', 'small-rare-earth-controls.json'), 'utf8');
const FIXTURE = JSON.parse(FIXTURE_TEXT);
const runner = (exerciseId?: string): Principal =>
  ({ role: 'exercise-runner', subject: `runner-${exerciseId ?? 'any'}`, ...(exerciseId ? { exerciseId } : {}) }) as Principal;
const BOUND = runner('watch-1');
const OTHER = runner('watch-2');
const ANY = runner();
const SCOPE = 'rare-earth-magnets';
const base = (id: string) => `/api/v1/exercises/${id}`;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Reads a server-sent event stream until `done` says enough, then hangs up; the text and the status. */
async function readStream(harness: AppHarness, url: string, as: Principal, done: (text: string) => boolean, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${harness.baseUrl}${url}`, {
    headers: { authorization: `Bearer ${await harness.token(as)}`, accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  let text = '';
  try {
    if (!response.ok || !response.body) return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    while (!done(text)) {
      const { value, done: ended } = await reader.read();
      if (ended) return { status: response.status, contentType: response.headers.get('content-type'), text, ended: true };
      text += value;
    }
    return { status: response.status, contentType: response.headers.get('content-type'), text, ended: false };
  } finally {
    abort.abort();
  }
}

/**
 * A finished exercise watched through `/api/v1/exercises/:id/...`: its views come from its own namespace
 * (opened read-only), for exercise runners only, and live data never crosses in either direction.
 */
describe('watching a finished exercise on the dashboard paths', () => {
  let live: AppHarness;
  let logBefore: string;

  beforeAll(async () => {
    live = await AppHarness.start({ now: '2025-06-02T08:00:00Z' });
    expect((await live.request('POST', '/api/v1/exercises', { as: BOUND, body: FIXTURE })).status).toBe(201);
    logBefore = sha256(join(namespaceDir(live.dataDir, 'watch-1'), 'event-log', 'events.log'));
  }, 60_000);
  let stopped = false;
  afterAll(() => (stopped ? undefined : live?.stop()));

  it("serves the exercise's scopes, scope detail, trends and export controls to its bound runner and to an unbound one", async () => {
    for (const as of [BOUND, ANY]) {
      const scopes = await live.request('GET', `${base('watch-1')}/scopes`, { as });
      expect(scopes.status).toBe(200);
      const scope = scopes.body.scopes.find((candidate: any) => candidate.scopeId === SCOPE);
      expect(scope).toMatchObject({ mode: 'vigilance' });
      const detail = await live.request('GET', `${base('watch-1')}/scopes/${SCOPE}`, { as });
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ scopeId: SCOPE, mode: 'vigilance' });
      const trends = await live.request('GET', `${base('watch-1')}/dashboard/scopes/${SCOPE}/trends`, { as });
      expect(trends.status).toBe(200);
      const controls = await live.request('GET', `${base('watch-1')}/export-controls`, { as });
      expect(controls.body.measures.map((entry: any) => entry.state.measure.measureId)).toEqual(['cn-mofcom-2025-18']);
      expect((await live.request('GET', `${base('watch-1')}/scopes/no-such-scope`, { as })).status).toBe(404);
      // What the page's evidence links open, under the exercise's paths.
      const measure = await live.request('GET', `${base('watch-1')}/export-controls/cn-mofcom-2025-18`, { as });
      expect(measure.status).toBe(200);
      expect(JSON.stringify(measure.body)).toContain('cn-mofcom-2025-18');
      const trail = await live.request('GET', `${base('watch-1')}/audit/scopes/${SCOPE}`, { as });
      expect(trail.status).toBe(200);
      expect(JSON.stringify(trail.body)).toMatch(/VigilanceMode/);
      expect((await live.request('GET', `${base('watch-1')}/information-requests/0d9f3b52-7c1e-4a8b-9f2d-6e5a4c3b2a19`, { as })).status).toBe(404);
      expect((await live.request('GET', `${base('watch-1')}/keys/signing`, { as })).status).toBe(404);
    }
    expect((await live.request('GET', '/api/v1/export-controls/cn-mofcom-2025-18', { as: analyst })).status).toBe(404);
    // The live system never saw the exercise: its scope is still normal and it has no export control.
    const liveScope = await live.request('GET', `/api/v1/scopes/${SCOPE}`, { as: analyst });
    expect(liveScope.body.mode).toBe('normal');
    expect((await live.request('GET', '/api/v1/export-controls', { as: analyst })).body.measures).toEqual([]);
  }, 30_000);

  it('shows a live change only live, and the exercise only under its path', async () => {
    const before = (await live.request('GET', `${base('watch-1')}/scopes/${SCOPE}`, { as: BOUND })).body;
    const filing = { ...example<Record<string, unknown>>('file-notification'), occurredAt: '2025-06-01T00:00:00Z' };
    expect((await live.request('POST', '/api/v1/notifications', { as: memberState('DE'), body: filing })).status).toBe(201);
    let liveScope: any;
    for (let attempt = 0; attempt < 200; attempt++) {
      liveScope = (await live.request('GET', `/api/v1/scopes/${SCOPE}`, { as: analyst })).body;
      if (liveScope.indicators.headline.operatorsAffected.value > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await live.request('GET', '/api/v1/notifications', { as: analyst })).body.notifications).toHaveLength(1);
    expect((await live.request('GET', `${base('watch-1')}/notifications`, { as: BOUND })).body.notifications).toEqual([]);
    expect(liveScope.indicators.headline.operatorsAffected.value).toBeGreaterThan(0);
    expect(liveScope.mode).toBe('normal');
    const after = (await live.request('GET', `${base('watch-1')}/scopes/${SCOPE}`, { as: BOUND })).body;
    expect(after.indicators.headline.operatorsAffected.value).toBe(0);
    expect(after).toEqual(before);
  }, 30_000);

  it('streams what the live stream sends on connect: the retry delay, and after a Last-Event-ID every scope of the exercise', async () => {
    const fresh = await readStream(live, `${base('watch-1')}/stream`, BOUND, (text) => text.includes('\n\n'));
    expect(fresh).toMatchObject({ status: 200, ended: false });
    expect(fresh.contentType).toMatch(/^text\/event-stream/);
    expect(fresh.text).toMatch(/^retry: \d+\n\n/);
    const resumed = await readStream(live, `${base('watch-1')}/stream`, ANY, (text) => /event: resync[\s\S]*\n\n/.test(text), { 'last-event-id': '1' });
    expect(resumed.status).toBe(200);
    const data = JSON.parse(/event: resync\n(?:id: .*\n)?data: (.*)\n/.exec(resumed.text)![1]);
    expect(data.scopes.scopes ?? data.scopes).toEqual(expect.arrayContaining([expect.objectContaining({ scopeId: SCOPE, mode: 'vigilance' })]));
    expect((await live.request('GET', `${base('watch-1')}/stream`, { as: BOUND })).status).toBe(406);
  }, 30_000);

  it('finds nothing for a runner bound to another exercise, and refuses live roles', async () => {
    for (const path of ['/scopes', `/scopes/${SCOPE}`, `/dashboard/scopes/${SCOPE}/trends`, '/export-controls', '/export-controls/cn-mofcom-2025-18', `/audit/scopes/${SCOPE}`]) {
      expect((await live.request('GET', `${base('watch-1')}${path}`, { as: OTHER })).status).toBe(404);
      for (const as of [crisisCell, analyst, memberState('DE')]) expect((await live.request('GET', `${base('watch-1')}${path}`, { as })).status).toBe(403);
    }
    expect((await readStream(live, `${base('watch-1')}/stream`, OTHER, () => true)).status).toBe(404);
    expect((await readStream(live, `${base('watch-1')}/stream`, crisisCell, () => true)).status).toBe(403);
    expect((await live.request('GET', `${base('no-such-exercise')}/scopes`, { as: ANY })).status).toBe(404);
  });

  it('writes nothing to the namespace it reads, and answers POST with no route', async () => {
    expect(sha256(join(namespaceDir(live.dataDir, 'watch-1'), 'event-log', 'events.log'))).toBe(logBefore);
    expect((await live.request('POST', `${base('watch-1')}/scopes/${SCOPE}/council-acts`, { as: BOUND, body: example('council-act-activation') })).status).toBe(404);
    const report = (await live.request('GET', `${base('watch-1')}/report`, { as: BOUND })).body;
    expect(report.outcome.eventsRecorded).toBe(4);
  });

  it('answers 409 for a namespace another process holds, or one that never finished', async () => {
    const other: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const held = join(live.dataDir, 'exercises', 'held-1');
    try {
      expect((await live.request('POST', '/api/v1/exercises?id=held-1', { as: ANY, body: FIXTURE })).status).toBe(201);
      writeFileSync(join(held, 'event-log', 'LOCK'), String(other.pid));
      const reply = await live.request('GET', `${base('held-1')}/scopes`, { as: ANY });
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ error: 'exercise-in-use', message: expect.stringContaining(`process ${other.pid}`) });
    } finally {
      other.kill();
    }
    mkdirSync(join(live.dataDir, 'exercises', 'half-1', 'event-log'), { recursive: true });
    const unfinished = await live.request('GET', `${base('half-1')}/scopes`, { as: ANY });
    expect(unfinished.status).toBe(409);
    expect(unfinished.body).toMatchObject({ error: 'exercise-unfinished', message: expect.stringMatching(/no report/) });
  }, 30_000);

  it('deletes a namespace that is open for viewing', async () => {
    expect((await live.request('GET', `${base('watch-1')}/scopes`, { as: BOUND })).status).toBe(200);
    expect((await live.request('DELETE', base('watch-1'), { as: BOUND })).status).toBe(204);
    expect((await live.request('GET', `${base('watch-1')}/scopes`, { as: BOUND })).status).toBe(404);
  }, 30_000);

  it('ends the streams of exercises on view when the server stops', async () => {
    expect((await live.request('POST', '/api/v1/exercises?id=watch-3', { as: ANY, body: FIXTURE })).status).toBe(201);
    const response = await fetch(`${live.baseUrl}${base('watch-3')}/stream`, { headers: { authorization: `Bearer ${await live.token(ANY)}`, accept: 'text/event-stream' } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toMatch(/^retry: /);
    stopped = true;
    const stoppedInTime = await Promise.race([live.stop().then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000).unref())]);
    expect(stoppedInTime).toBe(true);
    let ended = false;
    for (let chunk = await reader.read().catch(() => ({ done: true })); !ended; chunk = await reader.read().catch(() => ({ done: true }))) ended = chunk.done === true;
    expect(ended).toBe(true);
  }, 30_000);
});

describe('namespaces open for viewing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'imera-exercise-readers-'));
  beforeAll(async () => {
    for (const id of ['first', 'second']) {
      const report = await runExercise(parseScenario(FIXTURE_TEXT), { exerciseId: id, dataDir, store: 'file' });
      await writeReport(namespaceDir(dataDir, id), report);
    }
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps at most the limit open, closes the one unused longest to make room, and closes idle ones', async () => {
    const readers = new ExerciseReaders(dataDir, { maxOpen: 1, idleMs: 100 });
    try {
      const first = await readers.lease('first');
      expect((await first.namespace.view('/api/v1/scopes')).status).toBe(200);
      const event = { id: 'b8f1c0de-0000-4000-8000-000000000001', type: 'VigilanceModeProposed', schemaVersion: 1, data: {}, metadata: {} };
      await expect(first.namespace.store.appendToStream('scope-rare-earth-magnets', [event as any], { expectedRevision: 'any' })).rejects.toThrow(/reading only/);
      await expect(readers.lease('second')).rejects.toMatchObject({ reason: 'too-many-open' });
      first.release();
      const second = await readers.lease('second');
      expect(readers.openIds()).toEqual(['second']);
      second.release();
      for (let attempt = 0; attempt < 100 && readers.openIds().length > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(readers.openIds()).toEqual([]);
    } finally {
      await readers.closeAll();
    }
  }, 30_000);
});
