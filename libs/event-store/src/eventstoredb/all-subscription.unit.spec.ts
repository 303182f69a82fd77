import { RecordedEvent, SubscribeToAllOptions } from '@imera/event-sourcing';
import { waitFor } from '../contract/event-store.contract';
import {
  isPermanentSubscriptionError,
  ResubscribePolicy,
  resubscribeDelay,
  subscribeToAllResubscribing,
  SubscriptionDrop,
} from './all-subscription';
import { FakeAllServer } from './testing/fake-all-server';

const policy: ResubscribePolicy = { initialDelayMs: 100, maxDelayMs: 1_000 };

type StartOptions = Partial<SubscribeToAllOptions> & {
  readonly slow?: boolean;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

function start(server: FakeAllServer, options: StartOptions = {}) {
  const seen: RecordedEvent[] = [];
  const timeline: string[] = [];
  const drops: SubscriptionDrop[] = [];
  const errors: unknown[] = [];
  const { slow, sleep = async () => undefined, ...rest } = options;
  const subscription = subscribeToAllResubscribing(
    server.open,
    {
      onEvent: async (event) => {
        if (slow) await new Promise((resolve) => setImmediate(resolve));
        seen.push(event);
        timeline.push(event.type);
      },
      onCaughtUp: (position) => timeline.push(`caught-up@${position}`),
      onError: (error) => errors.push(error),
      ...rest,
    },
    { policy, onDropped: (drop) => drops.push(drop), sleep },
  );
  return { subscription, seen, timeline, drops, errors, types: () => seen.map((event) => event.type) };
}

describe('resubscription back-off', () => {
  it('doubles from the initial delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => resubscribeDelay(attempt, policy))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(resubscribeDelay(200, policy)).toBe(1_000);
  });

  it('gives up only on errors another attempt cannot cure', () => {
    expect(isPermanentSubscriptionError({ type: 'access-denied' })).toBe(true);
    expect(isPermanentSubscriptionError({ type: 'invalid-argument' })).toBe(true);
    expect(isPermanentSubscriptionError({ type: 'unavailable' })).toBe(false);
    expect(isPermanentSubscriptionError(new Error('Connection reset'))).toBe(false);
  });
});

describe('subscribing to all over the server subscription', () => {
  it('catches up strictly after the checkpoint, reports caught-up once, then follows live events', async () => {
    const server = new FakeAllServer();
    ['1', '2', '3', '4'].forEach((type) => server.append(type));
    const { subscription, timeline } = start(server, { after: server.positionOf(1) });

    await waitFor(() => timeline.length === 3);
    server.append('5');
    server.append('6');
    await waitFor(() => timeline.length === 5);
    await subscription.stop();

    expect(timeline).toEqual(['3', '4', `caught-up@${server.positionOf(3)}`, '5', '6']);
  });

  it('reports caught-up with the checkpoint it started from when nothing came after it', async () => {
    const server = new FakeAllServer();
    server.append('1');
    const { subscription, timeline } = start(server, { after: server.positionOf(0) });
    await waitFor(() => timeline.length === 1);
    await subscription.stop();
    expect(timeline).toEqual([`caught-up@${server.positionOf(0)}`]);
  });

  it('reports caught-up only after every event stored before the signal was handled, however far back', async () => {
    const server = new FakeAllServer();
    for (let index = 0; index < 1_500; index++) server.append(`stored-${index}`);
    const { subscription, timeline } = start(server, { slow: true });

    await waitFor(() => timeline.length === 1_501);
    server.append('live');
    await waitFor(() => timeline.length === 1_502);
    await subscription.stop();

    expect(timeline.indexOf(`caught-up@${server.positionOf(1_499)}`)).toBe(1_500);
    expect(timeline[1_501]).toBe('live');
  });

  it('leaves out system events', async () => {
    const server = new FakeAllServer();
    server.append('1');
    server.append('$statsCollected', '$stats-127.0.0.1:2113');
    server.append('$>', '$ce-scope');
    server.append('2');
    const { subscription, types } = start(server);
    await waitFor(() => types().length === 2);
    await subscription.stop();
    expect(types()).toEqual(['1', '2']);
  });

  it('resubscribes after a drop from the last event handled, delivering nothing twice and skipping nothing', async () => {
    const server = new FakeAllServer();
    ['1', '2', '3'].forEach((type) => server.append(type));
    const { subscription, types, drops } = start(server);
    await waitFor(() => types().length === 3);

    server.drop();
    server.append('4');
    server.append('5');
    await waitFor(() => types().length === 5);
    server.append('6');
    await waitFor(() => types().length === 6);
    await subscription.stop();

    expect(types()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(server.openedFrom.map((position) => position?.commit)).toEqual([undefined, BigInt(server.positionOf(2))]);
    expect(drops).toEqual([expect.objectContaining({ attempt: 1, delayMs: 100, resumeAfter: server.positionOf(2) })]);
    expect(server.feeds[0].unsubscribed).toBe(true);
  });

  it('resumes after a system event it skipped, not before it', async () => {
    const server = new FakeAllServer();
    server.append('1');
    server.append('$statsCollected', '$stats-127.0.0.1:2113');
    const { subscription, types, drops, timeline } = start(server);
    await waitFor(() => timeline.length === 2);

    server.drop();
    server.append('2');
    await waitFor(() => types().length === 2);
    await subscription.stop();

    expect(drops[0].resumeAfter).toBe(server.positionOf(1));
  });

  it('handles the events that arrived before a drop, then resumes after the last of them', async () => {
    const server = new FakeAllServer();
    for (let index = 0; index < 800; index++) server.append(String(index));
    const { subscription, types } = start(server, { slow: true });
    await waitFor(() => types().length >= 10);

    server.drop();
    await waitFor(() => types().length === 800);
    server.append('800');
    await waitFor(() => types().length === 801);
    await subscription.stop();

    expect(types()).toEqual(Array.from({ length: 801 }, (_, index) => String(index)));
  });

  it('treats a subscription the server ended like a drop', async () => {
    const server = new FakeAllServer();
    server.append('1');
    const { subscription, types, drops } = start(server);
    await waitFor(() => types().length === 1);
    server.end();
    server.append('2');
    await waitFor(() => types().length === 2);
    await subscription.stop();
    expect(types()).toEqual(['1', '2']);
    expect(drops).toHaveLength(1);
  });

  it('backs off exponentially while the server stays away and starts afresh once a subscription works', async () => {
    const server = new FakeAllServer();
    server.append('1');
    const { subscription, types, drops } = start(server);
    await waitFor(() => types().length === 1);

    server.failNextOpens(5);
    server.drop();
    server.append('2');
    await waitFor(() => types().length === 2);
    server.drop();
    server.append('3');
    await waitFor(() => types().length === 3);
    await subscription.stop();

    expect(drops.map((drop) => drop.delayMs)).toEqual([100, 200, 400, 800, 1_000, 1_000, 100]);
    expect(drops.map((drop) => drop.attempt)).toEqual([1, 2, 3, 4, 5, 6, 1]);
    expect(types()).toEqual(['1', '2', '3']);
  });

  it('stops and reports a failing handler without resubscribing', async () => {
    const server = new FakeAllServer();
    server.append('1');
    server.append('2');
    const failure = new Error('projection failed');
    const handled: string[] = [];
    const { subscription, errors, drops } = start(server, {
      onEvent: (event) => {
        handled.push(event.type);
        if (event.type === '1') throw failure;
      },
    });
    await subscription.done;

    expect(errors).toEqual([failure]);
    expect(handled).toEqual(['1']);
    expect(drops).toEqual([]);
    expect(server.openedFrom).toHaveLength(1);
    expect(server.feeds[0].unsubscribed).toBe(true);
  });

  it('stops and reports an error no retry can cure', async () => {
    const server = new FakeAllServer();
    server.append('1');
    const { subscription, types, errors } = start(server);
    await waitFor(() => types().length === 1);
    const denied = Object.assign(new Error('Access denied'), { type: 'access-denied' });
    server.drop(denied);
    await subscription.done;
    expect(errors).toEqual([denied]);
    expect(server.openedFrom).toHaveLength(1);
  });

  it('stops quietly while waiting to resubscribe', async () => {
    const server = new FakeAllServer();
    server.append('1');
    let waiting = false;
    const { subscription, timeline, errors } = start(server, {
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => {
          waiting = true;
          signal.addEventListener('abort', () => resolve());
        }),
    });
    await waitFor(() => timeline.length === 2);
    server.drop();
    await waitFor(() => waiting);
    await subscription.stop();

    expect(errors).toEqual([]);
    expect(server.openedFrom).toHaveLength(1);
  });

  it('waits for a running handler before stop resolves', async () => {
    const server = new FakeAllServer();
    server.append('1');
    let release: (() => void) | undefined;
    let finished = false;
    const { subscription } = start(server, {
      onEvent: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
      },
    });
    await waitFor(() => release !== undefined);
    const stopping = subscription.stop();
    release?.();
    await stopping;
    expect(finished).toBe(true);
  });
});
