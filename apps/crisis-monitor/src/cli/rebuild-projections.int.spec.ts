import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicyConfiguration } from '@imera/domain/imera-modes';
import { ANNOUNCEMENT_18_2025, IntakeLog, magnetMaker } from '@imera/domain/supply-indicators/testing/intake-log';
import { FileLogEventStore } from '@imera/event-store';
import { FileProjectionSnapshotStore, ProjectionRunner } from '@imera/platform';
import { defaultCrisisScopes } from '@imera/reference-data';
import policyFile from '../../../../config/policy/default-policy.v1.json';
import { CrisisMonitorProjection } from '../monitor/crisis-monitor.projection';
import { rebuildProjectionSnapshot } from './rebuild-projections';

const rules = { policy: loadPolicyConfiguration(policyFile), scopes: defaultCrisisScopes() };
const fresh = () => new CrisisMonitorProjection(rules);

describe('projections:rebuild on the file log', () => {
  let dir: string;
  let store: FileLogEventStore;
  let snapshots: FileProjectionSnapshotStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'imera-rebuild-'));
    store = await FileLogEventStore.open({ dir: join(dir, 'event-log') });
    snapshots = new FileProjectionSnapshotStore(join(dir, 'projections'));
    const log = new IntakeLog();
    log.recordMeasure(ANNOUNCEMENT_18_2025, '2025-04-04T10:00:00Z');
    for (let i = 0; i < 12; i++) log.file(`n-${i}`, ['DE', 'FR', 'IT'][i % 3], magnetMaker(`op-${i}`, 'DE', 'plant'), 'terbium', { capacityShareAffected: 0.3, tonnesPerYearAffected: 5, expectedDurationDays: 30 }, `2025-04-${10 + i}T08:00:00Z`);
    for (const event of log.events) {
      await store.appendToStream(event.streamName, [{ id: crypto.randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: event.metadata }], { expectedRevision: 'any' });
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the rebuilt state as the snapshot a runner resumes from, and --check finds it equal', async () => {
    const saved = await rebuildProjectionSnapshot(store, snapshots, fresh);
    expect(saved).toMatchObject({ projection: 'crisis-monitor', action: 'saved', events: 14 });

    const monitor = fresh();
    const runner = new ProjectionRunner(monitor, { store, snapshots: { store: snapshots } });
    runner.start();
    await runner.caughtUp;
    expect(runner.resumedFrom).toBe(saved.position);
    await runner.stop();

    expect(await rebuildProjectionSnapshot(store, snapshots, fresh, { check: true })).toMatchObject({ action: 'checked', matches: true });
  });

  it('--check resumes an older snapshot to the end of the log, and reports a snapshot that differs from the rebuild', async () => {
    const live = fresh();
    const runner = new ProjectionRunner(live, { store, snapshots: { store: snapshots, everyEvents: 5 } });
    runner.start();
    await runner.caughtUp;
    await runner.stop();
    const resolved = { notificationId: 'n-1', memberState: 'FR', material: 'terbium', description: 'resolved', resolvedAt: '2025-05-01T00:00:00Z' };
    await store.appendToStream('notification-n-1', [{ id: crypto.randomUUID(), type: 'OperatorNotificationResolved', schemaVersion: 1, data: resolved, metadata: { correlationId: 'c', actor: 'authority-fr' } }], { expectedRevision: 'any' });
    const report = await rebuildProjectionSnapshot(store, snapshots, fresh, { check: true });
    expect(report).toMatchObject({ matches: true, events: 15 });
    expect((await snapshots.load('crisis-monitor'))!.position).toBeLessThan(report.position!);

    const file = join(dir, 'projections', 'crisis-monitor.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.state.notifications['n-0'].memberState = 'FR';
    writeFileSync(file, JSON.stringify(stored));
    expect(await rebuildProjectionSnapshot(store, snapshots, fresh, { check: true })).toMatchObject({ matches: false });
  });

  it('has nothing to compare with before the first snapshot', async () => {
    expect(await rebuildProjectionSnapshot(store, snapshots, fresh, { check: true })).toMatchObject({ matches: 'no-snapshot' });
  });
});
