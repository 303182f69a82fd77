import { Transform, TransformCallback } from 'node:stream';
import { AllStreamResolvedEvent, Position } from '@eventstore/db-client';
import { AllFeed } from '../feed-connection';
import { serverEvent } from './server-events';

type ServerMessage =
  | { readonly confirmation: true }
  | { readonly caughtUp: true }
  | { readonly event: AllStreamResolvedEvent };

/**
 * Behaves like the client's subscription object: server messages go in on the writable side, the
 * 'confirmation' and 'caughtUp' signals are emitted while a message is transformed (so 'caughtUp' can come
 * before earlier events have left the readable buffer), events come out on the readable side.
 */
export class FakeFeed extends Transform implements AllFeed {
  unsubscribed = false;

  constructor() {
    super({ objectMode: true });
  }

  override _transform(message: ServerMessage, _encoding: BufferEncoding, next: TransformCallback): void {
    if ('confirmation' in message) this.emit('confirmation');
    if ('caughtUp' in message) this.emit('caughtUp');
    if ('event' in message) return next(null, message.event);
    next();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
}

/**
 * An in-memory `$all` with the server's subscription behaviour: catch-up from a position (including the
 * event at that position, which the adapter must skip), a caught-up signal, then live events. Tests drop
 * the live feeds to play a server restart.
 */
export class FakeAllServer {
  readonly log: AllStreamResolvedEvent[] = [];
  /** The position each subscription was opened from, in order. */
  readonly openedFrom: Array<Position | undefined> = [];
  readonly feeds: FakeFeed[] = [];
  private readonly live = new Set<FakeFeed>();
  private failuresToCome = 0;

  append(type: string, streamId = 'scope-cobalt'): AllStreamResolvedEvent {
    const resolved = serverEvent({ type, streamId, commit: BigInt((this.log.length + 1) * 100) });
    this.log.push(resolved);
    for (const feed of this.live) feed.write({ event: resolved });
    return resolved;
  }

  /** The next `count` subscriptions fail before the server confirms them (server still down). */
  failNextOpens(count: number): void {
    this.failuresToCome = count;
  }

  /** Ends every live subscription with an error, as a restarting server or a cut connection does. */
  drop(error: unknown = Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), { type: 'unavailable' })): void {
    for (const feed of this.live) feed.emit('error', error);
    this.live.clear();
  }

  /** Ends every live subscription without an error. */
  end(): void {
    for (const feed of this.live) feed.end();
    this.live.clear();
  }

  readonly open = (after: Position | undefined): FakeFeed => {
    const feed = new FakeFeed();
    this.openedFrom.push(after);
    this.feeds.push(feed);
    if (this.failuresToCome > 0) {
      this.failuresToCome -= 1;
      setImmediate(() => feed.emit('error', Object.assign(new Error('14 UNAVAILABLE: No connection established'), { type: 'unavailable' })));
      return feed;
    }
    setImmediate(() => {
      feed.write({ confirmation: true });
      for (const resolved of this.log) {
        if (after === undefined || resolved.event!.position.commit >= after.commit) feed.write({ event: resolved });
      }
      feed.write({ caughtUp: true });
      this.live.add(feed);
    });
    return feed;
  };

  positionOf(index: number): number {
    return Number(this.log[index].event!.position.commit);
  }
}
