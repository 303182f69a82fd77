import { MonitorChange } from '../monitor/monitor-change';
import { LiveChanges, MonitorPosition } from './live-changes';

const change = (position: number): MonitorChange => ({
  kind: 'instrument', position, eventId: `e${position}`, eventType: 'InformationRequestIssued', at: '2025-04-10T00:00:00Z', scopeId: 'rare-earth-magnets', streamName: `ir-${position}`,
});

describe('the live changes kept for reconnecting clients', () => {
  it('keeps the newest changes, however many came and went, and gives each missed one once in order', () => {
    const monitor: { -readonly [K in keyof MonitorPosition]: MonitorPosition[K] } = { position: null, restoredFrom: null };
    const changes = new LiveChanges(monitor, 5);
    for (let position = 1; position <= 1_000; position++) {
      monitor.position = position;
      changes.record([change(position)]);
    }
    const missed = changes.missedSince(996);
    expect(missed).toEqual({ kind: 'changes', changes: [997, 998, 999, 1000].map(change) });
    expect(changes.missedSince(995)).toEqual({ kind: 'changes', changes: [996, 997, 998, 999, 1000].map(change) });
    expect(changes.missedSince(994)).toEqual({ kind: 'resync', reason: 'history-not-kept' });
    expect(changes.missedSince(1_000)).toEqual({ kind: 'changes', changes: [] });
  });

  it('drops the oldest of a batch larger than what it keeps', () => {
    const monitor = { position: 30, restoredFrom: null };
    const changes = new LiveChanges(monitor, 2);
    changes.record([change(10), change(20), change(30)]);
    expect(changes.missedSince(20)).toEqual({ kind: 'changes', changes: [change(30)] });
    expect(changes.missedSince(10)).toEqual({ kind: 'changes', changes: [change(20), change(30)] });
    expect(changes.missedSince(9)).toEqual({ kind: 'resync', reason: 'history-not-kept' });
  });
});
