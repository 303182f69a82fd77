import { Principal } from '@imera/auth';
import { MonitorChange } from '../monitor/monitor-change';
import { LiveChanges } from './live-changes';
import { LiveClient, LiveStream } from './live-stream';
import { parseLastEventId } from './server-sent-events';

const analyst: Principal = { role: 'commission-analyst', subject: 'analyst-1' };
const france = { role: 'member-state-authority', memberState: 'FR', subject: 'authority-fr' } as Principal;

const instrument = (position: number, scopeId = 'rare-earth-magnets'): MonitorChange => ({
  kind: 'instrument', position, eventId: `e${position}`, eventType: 'PriorityRatedRequestIssued', at: '2025-04-10T00:00:00Z', scopeId, streamName: `prr-${position}`,
});
const notification = (position: number, memberState: string): MonitorChange => ({
  kind: 'notification', position, eventId: `e${position}`, eventType: 'OperatorNotificationFiled', at: '2025-04-10T00:00:00Z',
  notificationId: `n${position}`, memberState, confidential: true, material: 'dysprosium', status: 'filed', severity: 'high', scopeIds: ['rare-earth-magnets'],
});

class Monitor {
  position: number | null = null;
  restoredFrom: number | null = null;
}

class Client implements LiveClient {
  text = '';
  ended = false;
  buffered = 0;
  write(chunk: string) {
    this.text += chunk;
  }
  end() {
    this.ended = true;
  }
  /** The events as a browser would dispatch them, each with the last event id it would then hold. */
  events(): Array<{ event: string; id: string | undefined; data: any }> {
    let id: string | undefined;
    return this.text
      .split('\n\n')
      .filter((block) => block.includes('data: '))
      .map((block) => {
        const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
        id = field('id') ?? id;
        return { event: field('event')!, id, data: JSON.parse(field('data')!) };
      });
  }
}

function rig(capacity = 100) {
  const monitor = new Monitor();
  const changes = new LiveChanges(monitor, capacity);
  const record = (...batch: MonitorChange[]) => {
    monitor.position = batch[0].position;
    changes.record(batch);
  };
  const stream = new LiveStream({ changes, position: () => monitor.position, notifications: () => undefined, scopes: async () => [{ scopeId: 'rare-earth-magnets' }] }, { heartbeatMs: 60_000 });
  return { monitor, changes, record, stream };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('live stream', () => {
  it('gives the id only to the last event of a position, so a client cut off in between gets them all again', async () => {
    const { record, stream } = rig();
    const client = new Client();
    const close = stream.open(analyst, undefined, client);
    await settle();
    record(notification(100, 'DE'), instrument(100));
    record(instrument(200));
    expect(client.text).toMatch(/^retry: 2000\n\n/);
    expect(client.events().map(({ event, id }) => [event, id])).toEqual([['notification', undefined], ['instrument', '100'], ['instrument', '200']]);
    close();
    expect(client.ended).toBe(true);
  });

  it('resumes after Last-Event-ID with exactly the missed changes, then follows live', async () => {
    const { record, stream } = rig();
    record(instrument(100));
    record(notification(200, 'DE'), instrument(200));
    record(instrument(300));
    const client = new Client();
    stream.open(analyst, 100, client);
    record(instrument(400));
    await settle();
    expect(client.events().map(({ data }) => data.position)).toEqual([200, 200, 300, 400]);
  });

  it('asks a client to resynchronise when what it missed is no longer kept, or was never seen here', async () => {
    const { record, stream, monitor } = rig(2);
    for (const position of [100, 200, 300, 400]) record(instrument(position));
    const behind = new Client();
    stream.open(analyst, 100, behind);
    await settle();
    expect(behind.events()[0]).toMatchObject({ event: 'resync', id: '400', data: { reason: 'history-not-kept', position: 400, scopes: [{ scopeId: 'rare-earth-magnets' }] } });
    const kept = new Client();
    stream.open(analyst, 200, kept);
    await settle();
    expect(kept.events().map(({ id }) => id)).toEqual(['300', '400']);

    monitor.restoredFrom = 400;
    const beforeRestart = new Client();
    stream.open(analyst, 300, beforeRestart);
    await settle();
    expect(beforeRestart.events()[0].data.reason).toBe('history-not-kept');
    const ahead = new Client();
    stream.open(analyst, 900, ahead);
    await settle();
    expect(ahead.events()[0].data.reason).toBe('unknown-position');
  });

  it("keeps another Member State's confidential filing anonymous, and its own whole", async () => {
    const { record, stream } = rig();
    const client = new Client();
    stream.open(france, undefined, client);
    await settle();
    record(notification(100, 'DE'));
    record(notification(200, 'FR'));
    const [german, french] = client.events().map(({ data }) => data);
    expect(german).toEqual({ position: 100, eventType: 'OperatorNotificationFiled', at: '2025-04-10T00:00:00Z', confidential: true, material: 'dysprosium', status: 'filed', severity: 'high', scopeIds: ['rare-earth-magnets'] });
    expect(french).toMatchObject({ notificationId: 'n200', memberState: 'FR', eventId: 'e200' });
  });

  it('lets go of a client that does not read, and of every client at shutdown', async () => {
    const { record, stream } = rig();
    const slow = new Client();
    const other = new Client();
    stream.open(analyst, undefined, slow);
    stream.open(analyst, undefined, other);
    await settle();
    slow.buffered = 5 * 1024 * 1024;
    record(instrument(100));
    expect([slow.ended, other.ended]).toEqual([true, false]);
    stream.closeAll();
    expect(other.ended).toBe(true);
  });

  it('reads Last-Event-ID as a global position', () => {
    expect(parseLastEventId(undefined)).toBeUndefined();
    expect(parseLastEventId(' 42 ')).toBe(42);
    expect(parseLastEventId('42.1')).toBe('invalid');
    expect(parseLastEventId('-1')).toBe('invalid');
  });
});
