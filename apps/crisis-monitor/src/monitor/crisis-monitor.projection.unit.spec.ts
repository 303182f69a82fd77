import { RecordedEvent } from '@imera/event-sourcing';
import { loadPolicyConfiguration } from '@imera/domain/imera-modes';
import { ANNOUNCEMENT_18_2025, IntakeLog, magnetMaker } from '@imera/domain/supply-indicators/testing/intake-log';
import { rebuildProjection, serialiseProjection } from '@imera/platform';
import { InMemoryEventStore } from '@imera/event-store';
import { defaultCrisisScopes } from '@imera/reference-data';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { CrisisMonitorProjection } from './crisis-monitor.projection';
import { MonitorChange } from './monitor-change';

const rules = { policy: loadPolicyConfiguration(policyFile), scopes: defaultCrisisScopes() };
const grounds = { rationale: 'test', indicatorsAsOf: '2025-04-04T10:00:00Z', indicators: [], evidence: [] };

/** April 2025: the rare-earth controls, a proposal, a wave of notifications, an instrument, a resolution. */
function april2025(): IntakeLog {
  const log = new IntakeLog();
  log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
  log.append('scope-rare-earth-magnets', { type: 'VigilanceModeProposed', data: { scopeId: 'rare-earth-magnets', proposalId: 'p1', proposedAt: '2025-04-04T10:00:00Z', grounds } }, '2025-04-04T10:00:01Z');
  const states = ['DE', 'FR', 'IT', 'ES', 'NL', 'EE'];
  states.forEach((memberState, i) =>
    log.file(`n-${i}`, memberState, magnetMaker(`${memberState}-op`, memberState, 'plant'), 'dysprosium', { capacityShareAffected: 0.6, tonnesPerYearAffected: 10, expectedDurationDays: 60 }, `2025-04-1${i}T08:00:00Z`),
  );
  log.append('prr-1', { type: 'PriorityRatedRequestProposed', data: { scopeId: 'rare-earth-magnets', prrId: '1' } }, '2025-04-20T08:00:00Z');
  for (const [i, memberState] of states.entries()) {
    log.notification({ type: 'OperatorNotificationResolved', data: { notificationId: `n-${i}`, memberState, material: 'dysprosium', description: 'licences granted', resolvedAt: '2025-05-20T00:00:00Z' } }, '2025-05-20T08:00:00Z');
  }
  return log;
}

function fold(events: readonly RecordedEvent[], projection = new CrisisMonitorProjection(rules)): { projection: CrisisMonitorProjection; changes: MonitorChange[] } {
  const changes: MonitorChange[] = [];
  projection.onChanges((batch) => changes.push(...batch));
  for (const event of events) projection.apply(event);
  return { projection, changes };
}

describe('crisis monitor projection', () => {
  it('tells live clients when the controls move a scope, naming the reached level and the event behind it', () => {
    const log = april2025();
    const { changes } = fold(log.events.slice(0, 2));
    const moved = changes.filter((change) => change.kind === 'indicators-changed' && change.scopeId === 'rare-earth-magnets');
    // The recorded measure is not in force yet: the first values are all zero; its entry into force moves them.
    expect(moved.map((change) => change.position)).toEqual([log.events[0].globalPosition, log.events[1].globalPosition]);
    expect(moved[0]).toMatchObject({ reached: 'normal', values: { worstShareOfSupplyUnderControls: 0 } });
    expect(moved[1]).toMatchObject({ position: log.events[1].globalPosition, reached: 'vigilance', holding: 'vigilance', values: { worstShareOfSupplyUnderControls: 0.5, activeControls: 1 } });
    expect(changes.filter((change) => change.kind === 'export-control').map((change) => change.eventType)).toEqual(['ExportControlRecorded', 'ExportControlEnteredIntoForce']);
  });

  it('reassesses the scope on the start of a suspension recorded in advance, and tells live clients', () => {
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
    const { measureId, materials } = ANNOUNCEMENT_18_2025;
    const suspension = { measureId, reference: 'hypothetical suspension', suspendedFrom: '2025-04-10', suspendedUntil: '2026-04-10' };
    log.control({ type: 'ExportControlSuspended', data: { ...suspension, recordedAt: '2025-04-07T12:00:00Z' } }, '2025-04-07T12:00:00Z');
    const announced = fold(log.events).projection.scope('rare-earth-magnets')!;
    expect(announced).toMatchObject({ reached: 'vigilance', indicatorsAsOf: '2025-04-07T12:00:00Z' });

    const started = log.control({ type: 'ExportControlSuspensionTookEffect', data: { ...suspension, materials } }, '2025-04-10T00:00:00Z');
    const { projection, changes } = fold(log.events);
    expect(projection.scope('rare-earth-magnets')).toMatchObject({ reached: 'normal', indicatorsAsOf: '2025-04-10T00:00:00Z', headline: { worstShareOfSupplyUnderControls: 0 } });
    const atStart = changes.filter((change) => change.position === started.globalPosition);
    expect(atStart).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'export-control', eventType: 'ExportControlSuspensionTookEffect', measureId, scopeIds: expect.arrayContaining(['rare-earth-magnets']) }),
        expect.objectContaining({ kind: 'indicators-changed', scopeId: 'rare-earth-magnets', reached: 'normal', asOf: '2025-04-10T00:00:00Z' }),
      ]),
    );
  });

  it('reports notifications without operator details, folds the scope stream and lists every event naming the scope', () => {
    const { projection, changes } = fold(april2025().events);
    const filed = changes.find((change) => change.kind === 'notification' && change.status === 'filed')!;
    expect(filed).toMatchObject({ notificationId: 'n-0', memberState: 'DE', material: 'dysprosium', severity: 'critical', confidential: false, scopeIds: ['rare-earth-magnets'] });
    expect(JSON.stringify(changes)).not.toMatch(/Magnet maker|plant|DE-op/);

    const record = projection.scope('rare-earth-magnets')!;
    expect(record.modes.proposal).toMatchObject({ proposalId: 'p1', kind: 'activation', mode: 'vigilance' });
    expect(record.timeline.map((entry) => entry.type)).toEqual(['VigilanceModeProposed', 'PriorityRatedRequestProposed']);
    expect(changes.filter((change) => change.kind === 'proposal' || change.kind === 'instrument').map((change) => change.kind)).toEqual(['proposal', 'instrument']);
  });

  it("puts an event on a scope's timeline when only its metadata names the scope; the data's scope comes first", () => {
    const log = april2025();
    const accepted = log.append('prr-1', { type: 'PriorityRatedRequestAccepted', data: { prrId: '1' } }, '2025-04-21T08:00:00Z');
    const elsewhere = log.append('prr-2', { type: 'PriorityRatedRequestProposed', data: { scopeId: 'battery-raw-materials', prrId: '2' } }, '2025-04-22T08:00:00Z');
    const withScope = (event: RecordedEvent, scopeId: string): RecordedEvent => ({ ...event, metadata: { ...event.metadata, scopeId } });
    const events = log.events.map((event) =>
      event.id === accepted.id ? withScope(event, 'rare-earth-magnets') : event.id === elsewhere.id ? withScope(event, 'rare-earth-magnets') : event,
    );
    const { projection, changes } = fold(events);

    const magnets = projection.scope('rare-earth-magnets')!.timeline.map((entry) => entry.type);
    expect(magnets).toEqual(['VigilanceModeProposed', 'PriorityRatedRequestProposed', 'PriorityRatedRequestAccepted']);
    expect(projection.scope('battery-raw-materials')!.timeline.map((entry) => entry.streamName)).toEqual(['prr-2']);
    expect(changes.filter((change) => change.kind === 'instrument').map((change) => [change.eventType, change.scopeId])).toEqual([
      ['PriorityRatedRequestProposed', 'rare-earth-magnets'],
      ['PriorityRatedRequestAccepted', 'rare-earth-magnets'],
      ['PriorityRatedRequestProposed', 'battery-raw-materials'],
    ]);
  });

  it('remembers since when the indicators have stayed recovered: from the recording of the event that made them recover', () => {
    const log = april2025();
    const wave = fold(log.events.slice(0, 9)).projection.scope('rare-earth-magnets')!;
    expect(wave).toMatchObject({ reached: 'emergency', holding: 'emergency', memory: { recoveredSince: { vigilance: null, emergency: null } } });
    const after = fold(log.events).projection.scope('rare-earth-magnets')!;
    // The controls still hold vigilance; emergency recovered once enough notifications were resolved.
    expect(after.holding).toBe('vigilance');
    expect(after.memory.recoveredSince).toEqual({ vigilance: null, emergency: '2025-05-20T08:00:00Z' });
  });

  it('resumed from a snapshot (as JSON) in the middle, it ends in the state of one fold from zero, byte for byte', () => {
    const { events } = april2025();
    const whole = fold(events).projection;
    for (const cut of [1, 5, 9, events.length - 1]) {
      const first = fold(events.slice(0, cut)).projection;
      const resumed = new CrisisMonitorProjection(rules);
      resumed.restore(JSON.parse(JSON.stringify(first.snapshot())));
      fold(events.slice(cut), resumed);
      expect(serialiseProjection(resumed)).toBe(serialiseProjection(whole));
    }
  });

  it('hands out a snapshot that later events do not change, for a save that writes it while they are applied', () => {
    const { events } = april2025();
    for (const cut of [1, 5, 9]) {
      const projection = fold(events.slice(0, cut)).projection;
      const snapshot = projection.snapshot();
      const asTaken = JSON.stringify(snapshot);
      fold(events.slice(cut), projection);
      expect(JSON.stringify(snapshot)).toBe(asTaken);
      expect(JSON.stringify(projection.snapshot())).not.toBe(asTaken);
    }
  });

  it('after a restore, snapshots still list the filers it restored and the ones filed since', () => {
    const { events } = april2025();
    const first = fold(events.slice(0, 5)).projection;
    const resumed = new CrisisMonitorProjection(rules);
    resumed.restore(JSON.parse(JSON.stringify(first.snapshot())));
    fold(events.slice(5), resumed);
    const saved = JSON.parse(JSON.stringify(resumed.snapshot())) as { notifications: Record<string, unknown> };
    expect(Object.keys(saved.notifications)).toEqual(['n-0', 'n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
  });

  it('ignores an event delivered again at or before its checkpoint', () => {
    const { events } = april2025();
    const { projection, changes } = fold(events);
    const before = serialiseProjection(projection);
    const count = changes.length;
    projection.apply(events[3]);
    expect(serialiseProjection(projection)).toBe(before);
    expect(changes).toHaveLength(count);
  });

  it('rebuilds from an event store to the state of the live fold', async () => {
    const store = new InMemoryEventStore();
    for (const event of april2025().events) {
      await store.appendToStream(event.streamName, [{ id: event.id, type: event.type, schemaVersion: 1, data: event.data, metadata: event.metadata }], { expectedRevision: 'any' });
    }
    const live = new CrisisMonitorProjection(rules);
    for await (const event of store.readAll()) live.apply(event);
    const rebuilt = new CrisisMonitorProjection(rules);
    await rebuildProjection(store, rebuilt);
    expect(serialiseProjection(rebuilt)).toBe(serialiseProjection(live));
    expect(live.version).toBe('crisis-monitor@3 fold@3 default-policy@1 eu-supply-baseline@1 default-crisis-scopes@1 keep=180');
  });
});
