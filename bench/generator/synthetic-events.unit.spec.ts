import { SyntheticAppend, SyntheticEvents } from './synthetic-events';

const take = (seed: number, count: number): SyntheticAppend[] => [...new SyntheticEvents({ seed }).take(count)];

describe('synthetic benchmark events', () => {
  it('gives identical events, ids and times for the same seed', () => {
    expect(take(7, 3_000)).toEqual(take(7, 3_000));
  });

  it('gives other events for another seed', () => {
    const [a, b] = [take(7, 50), take(8, 50)];
    expect(a.map((append) => append.event.id)).not.toEqual(b.map((append) => append.event.id));
  });

  it('states the exact expected revision of every append, starting each stream with no-stream', () => {
    const revisions = new Map<string, number>();
    for (const append of take(11, 5_000)) {
      const last = revisions.get(append.streamName);
      expect(append.expectedRevision).toBe(last === undefined ? 'no-stream' : last);
      revisions.set(append.streamName, last === undefined ? 0 : last + 1);
    }
  });

  it('moves virtual time forwards and uses stream names of the form category-id', () => {
    const appends = take(3, 2_000);
    const times = appends.map((append) => Date.parse(append.at));
    expect(times.every((time, index) => index === 0 || time >= times[index - 1])).toBe(true);
    expect(appends.every((append) => /^[a-z][a-zA-Z0-9]*-.+$/.test(append.streamName))).toBe(true);
  });

  it('mixes notifications with export controls, stock reports, information requests and mode decisions', () => {
    const types = new Set(take(5, 20_000).map((append) => append.event.type));
    for (const type of ['OperatorNotificationFiled', 'OperatorNotificationUpdated', 'OperatorNotificationResolved', 'ExportControlRecorded', 'ExportControlEnteredIntoForce', 'StrategicStockReported', 'InformationRequestIssued', 'InformationRequestAnswered', 'VigilanceModeProposed']) {
      expect(types).toContain(type);
    }
  });

  it('resolves notifications so that no more than the configured number are open at once', () => {
    const open = new Set<string>();
    let most = 0;
    for (const { event, streamName } of new SyntheticEvents({ seed: 9, maxOpenNotifications: 50 }).take(20_000)) {
      if (event.type === 'OperatorNotificationFiled') open.add(streamName);
      if (event.type === 'OperatorNotificationResolved') open.delete(streamName);
      most = Math.max(most, open.size);
    }
    expect(most).toBe(50);
  });
});
