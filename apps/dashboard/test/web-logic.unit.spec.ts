import { isExerciseId as serverIsExerciseId } from '@imera/event-sourcing';
import { webModule } from './support/web-module';

type ParsedEvent = { type: string; data: string; id: string | undefined };
const { createSseParser } = webModule<{ createSseParser: (callbacks: { onEvent: (event: ParsedEvent) => void; onRetry?: (ms: number) => void; onComment?: (text: string) => void }) => { push(chunk: string): void } }>('live/sse-parser.js');
const { backOff } = webModule<{ backOff: (first: number, failures: number, random?: () => number) => number }>('live/live-stream.js');
const { daysLeft, timeUntil, formatShare } = webModule<any>('format.js');
const { formatIndicator } = webModule<any>('indicators.js');
const { evidencePath, evidenceFromHash, evidenceHref } = webModule<any>('evidence.js');
const { apiBase, isExerciseId, namespacePath } = webModule<any>('api.js');
const { reduce, initialState, mostSevereScope, ACTIVITY_KEPT } = webModule<any>('state/reducer.js');
const { describeChange } = webModule<any>('state/describe-change.js');
const { instrumentLines } = webModule<any>('state/instrument-lines.js');
const { sparklineGeometry } = webModule<any>('views/sparkline.js');

function parse(chunks: string[]): { events: ParsedEvent[]; retries: number[] } {
  const events: ParsedEvent[] = [];
  const retries: number[] = [];
  const parser = createSseParser({ onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) });
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries };
}

describe('the live stream reader', () => {
  const stream = 'retry: 2000\n\n: keep-alive\n\nevent: notification\nid: 41\ndata: {"a":1}\n\nevent: mode-changed\ndata: {"b":\ndata: 2}\n\n';

  it('reads events, their ids, multi-line data and the retry delay, ignoring comments', () => {
    const { events, retries } = parse([stream]);
    expect(retries).toEqual([2000]);
    expect(events).toEqual([
      { type: 'notification', data: '{"a":1}', id: '41' },
      { type: 'mode-changed', data: '{"b":\n2}', id: undefined },
    ]);
  });

  it('gives the same events however the bytes are split, CRLF line ends included', () => {
    const whole = parse([stream]).events;
    for (let cut = 1; cut < stream.length; cut++) expect(parse([stream.slice(0, cut), stream.slice(cut)]).events).toEqual(whole);
    const crlf = stream.replace(/\n/g, '\r\n');
    for (let cut = 1; cut < crlf.length; cut++) expect(parse([crlf.slice(0, cut), crlf.slice(cut)]).events).toEqual(whole);
  });

  it('reports nothing until an event is complete', () => {
    expect(parse(['event: notification\ndata: {}\n']).events).toEqual([]);
  });

  it('backs off from the suggested delay, doubling, capped, with jitter', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5].map((failures) => backOff(2000, failures, middle))).toEqual([2000, 4000, 8000, 10000, 10000]);
    expect(backOff(2000, 1, () => 0)).toBe(1600);
    expect(backOff(2000, 1, () => 1)).toBe(2400);
  });
});

describe('what the page shows, worked out without a browser', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  it('counts the days left of a mode, a started day counting as one', () => {
    expect(daysLeft('2026-11-23T12:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-11-23T12:00:01Z', now)).toBe(2);
    expect(daysLeft('2026-11-01T00:00:00Z', now)).toBe(0);
  });

  it('says how long until a deadline, or how long it is overdue', () => {
    expect(timeUntil('2026-11-25T15:30:00Z', now)).toEqual({ text: 'in 3 d 3 h', overdue: false, soon: false });
    expect(timeUntil('2026-11-22T13:05:00Z', now)).toEqual({ text: 'in 1 h 5 min', overdue: false, soon: true });
    expect(timeUntil('2026-11-22T11:00:00Z', now)).toEqual({ text: 'overdue by 1 h 0 min', overdue: true, soon: false });
  });

  it('formats each indicator in its unit, and an unknown value as unknown', () => {
    expect(formatIndicator('worstShareOfSupplyUnderControls', 0.5)).toBe('50 %');
    expect(formatShare(0.046)).toBe('4.6 %');
    expect(formatIndicator('lowestDaysOfStockCover', 21)).toBe('21 d');
    expect(formatIndicator('tonnesPerYearAffected', 1200)).toBe('1,200 t');
    expect(formatIndicator('operatorsAffected', null)).toBe('unknown');
  });

  it('links evidence to the record of its stream, and opens only API records of this server', () => {
    expect(evidencePath('notification-3f1c')).toBe('/api/v1/notifications/3f1c');
    expect(evidencePath('exportControl-cn-mofcom-2025-18')).toBe('/api/v1/export-controls/cn-mofcom-2025-18');
    expect(evidencePath('prr-7f3c')).toBe('/api/v1/priority-rated-requests/7f3c');
    // A redacted reference keeps only its category: no link.
    expect(evidencePath('notification')).toBeUndefined();
    expect(evidenceFromHash(evidenceHref('/api/v1/notifications/3f1c'))).toBe('/api/v1/notifications/3f1c');
    for (const hostile of ['#evidence=https%3A%2F%2Fexample.org%2Fx', '#evidence=%2Fapi%2Fv1%2F..%2Fhealth', '#evidence=%2Fmetrics', '#evidence=javascript%3Aalert(1)']) {
      expect(evidenceFromHash(hostile)).toBeUndefined();
    }
  });

  it("reads an exercise's data under its own prefix, never the live one", () => {
    expect(apiBase({ kind: 'live' })).toBe('/api/v1');
    expect(apiBase({ kind: 'exercise', exerciseId: 'stress-test-2026' })).toBe('/api/v1/exercises/stress-test-2026');
    // Evidence links are written as live paths; an exercise reads the record under its own.
    const exercise = { kind: 'exercise', exerciseId: 'stress-test-2026' };
    expect(namespacePath('/api/v1/notifications/n-1', { kind: 'live' })).toBe('/api/v1/notifications/n-1');
    expect(namespacePath('/api/v1/notifications/n-1', exercise)).toBe('/api/v1/exercises/stress-test-2026/notifications/n-1');
    expect(namespacePath('/api/v1/audit/scopes/rare-earth-magnets', exercise)).toBe('/api/v1/exercises/stress-test-2026/audit/scopes/rare-earth-magnets');
    expect(namespacePath('/scopes', exercise)).toBe('/api/v1/exercises/stress-test-2026/scopes');
    expect(namespacePath('/api/v1/exercises/stress-test-2026/scopes', exercise)).toBe('/api/v1/exercises/stress-test-2026/scopes');
    expect(isExerciseId('stress-test-2026')).toBe(true);
    expect(isExerciseId('../scopes')).toBe(false);
  });

  it("accepts the exercise ids the server accepts, and only those", () => {
    const ids = ['stress-test-2026', 'april-2025_rare-earths.v2', 'a..b', 'ex:1', '-dash', `x${'y'.repeat(99)}`, `x${'y'.repeat(100)}`, ''];
    expect(ids.map((id) => isExerciseId(id))).toEqual(ids.map((id) => serverIsExerciseId(id)));
  });

  it('lists open instruments a Member State may see with their next deadline, and leaves closed ones out', () => {
    const lines = instrumentLines('priority-rated-requests', [
      { prrId: 'p-1', status: 'issued', issue: { responseDeadline: { expiresAt: '2026-12-01T16:00:00Z' } }, deliveryDate: '2027-01-15' },
      { prrId: 'p-2', status: 'fulfilled' },
    ]);
    expect(lines).toEqual([{ kind: 'priority-rated-request', id: 'p-1', status: 'issued', nextDeadline: { what: 'response due', due: '2026-12-01T16:00:00Z' }, href: '/api/v1/priority-rated-requests/p-1' }]);
  });

  it('draws a trend as steps over time, with the enter thresholds as lines', () => {
    const geometry = sparklineGeometry(
      { points: [{ at: '2026-11-20T00:00:00Z', value: 0 }, { at: '2026-11-21T00:00:00Z', value: null }, { at: '2026-11-22T00:00:00Z', value: 4 }], thresholds: { vigilance: { enter: 3 }, emergency: { enter: 8 } } },
      now,
    );
    expect(geometry.changes).toBe(2);
    expect(geometry.path).toMatch(/^M3\.0,31\.0 H[\d.]+ V[\d.]+ H129\.0$/);
    expect(Number(geometry.emergency)).toBeLessThan(Number(geometry.vigilance));
    expect(sparklineGeometry({ points: [{ at: '2026-11-20T00:00:00Z', value: null }], thresholds: {} }, now)).toBeUndefined();
  });
});

describe('the dashboard state', () => {
  const scopes = [
    { scopeId: 'rare-earth-magnets', status: 'vigilance-proposed', mode: 'normal', indicators: { headline: { operatorsAffected: { value: 1 } } }, assessment: { reached: 'vigilance' } },
    { scopeId: 'battery-raw-materials', status: 'emergency-active', mode: 'emergency', activeSince: '2026-11-01T00:00:00Z', activeUntil: '2027-02-01T00:00:00Z' },
  ];
  const loaded = () => reduce(initialState(), { type: 'loaded', what: 'scopes', result: { availability: 'ready', value: { scopes } } });
  const change = (kind: string, data: Record<string, unknown>, id?: string) => ({ type: 'live-change', kind, change: { position: 7, at: '2026-11-22T10:00:00Z', ...data }, id, receivedAt: 1 });

  it('opens the scope in the most severe mode first', () => {
    expect(loaded().selectedScopeId).toBe('battery-raw-materials');
    expect(mostSevereScope([])).toBeUndefined();
  });

  it('shows a mode change at once, before the views are read again', () => {
    const state = reduce(loaded(), change('mode-changed', { scopeId: 'rare-earth-magnets', status: 'vigilance-active', mode: 'vigilance', activeSince: '2026-11-22T10:00:00Z', activeUntil: '2027-05-22T10:00:00Z' }, '7'));
    expect(state.scopes.value.scopes[0]).toMatchObject({ status: 'vigilance-active', mode: 'vigilance', activeUntil: '2027-05-22T10:00:00Z' });
    expect(state.lastEventId).toBe('7');
    expect(state.activity[0]).toMatchObject({ kind: 'mode-changed', title: 'Vigilance mode active', tone: 'vigilance', scopeIds: ['rare-earth-magnets'] });
  });

  it('moves the headline values and extends a loaded trend when indicators change', () => {
    let state = loaded();
    state = reduce(state, { type: 'loaded-for-scope', what: 'trends', scopeId: 'rare-earth-magnets', result: { availability: 'ready', value: { indicators: { operatorsAffected: { points: [{ at: '2026-11-21T00:00:00Z', value: 1 }], thresholds: {} } } } } });
    state = reduce(state, change('indicators-changed', { scopeId: 'rare-earth-magnets', asOf: '2026-11-22T10:00:00Z', values: { operatorsAffected: 2 }, reached: 'vigilance', holding: 'vigilance' }, '7'));
    expect(state.scopes.value.scopes[0].indicators.headline.operatorsAffected.value).toBe(2);
    expect(state.trends['rare-earth-magnets'].value.indicators.operatorsAffected.points.map((point: any) => point.value)).toEqual([1, 2]);
  });

  it("names another Member State's confidential filing without identifying it", () => {
    const line = describeChange('notification', { position: 9, at: 'x', kind: 'notification', confidential: true, material: 'dysprosium', status: 'filed', severity: 'critical', scopeIds: ['rare-earth-magnets'] }, 1);
    expect(line.detail).toContain('Confidential filing of another Member State');
    expect(line.evidence).toBeUndefined();
    const own = describeChange('notification', { position: 9, notificationId: 'n-1', memberState: 'DE', material: 'dysprosium', status: 'filed', scopeIds: [] }, 1);
    expect(own.evidence).toBe('/api/v1/notifications/n-1');
  });

  it('names the start of a suspension recorded in advance in the activity list, linked to the measure', () => {
    const line = describeChange('export-control', { position: 12, at: '2025-11-10T00:00:00.000Z', measureId: 'cn-mofcom-2025-55-58', eventType: 'ExportControlSuspensionTookEffect', scopeIds: ['rare-earth-magnets'] }, 1);
    expect(line).toMatchObject({ title: 'Export control suspension took effect', detail: 'Measure cn-mofcom-2025-55-58', evidence: '/api/v1/export-controls/cn-mofcom-2025-55-58', scopeIds: ['rare-earth-magnets'] });
  });

  it('keeps a bounded activity list, newest first, and does not list a resync', () => {
    let state = loaded();
    for (let index = 0; index < ACTIVITY_KEPT + 5; index++) state = reduce(state, change('export-control', { position: index, measureId: `m-${index}`, eventType: 'ExportControlRecorded', scopeIds: [] }, String(index)));
    expect(state.activity).toHaveLength(ACTIVITY_KEPT);
    expect(state.activity[0].detail).toBe(`Measure m-${ACTIVITY_KEPT + 4}`);
    const resynced = reduce(state, change('resync', { reason: 'history-not-kept' }, '999'));
    expect(resynced.activity).toBe(state.activity);
    expect(resynced.lastEventId).toBe('999');
  });
});
