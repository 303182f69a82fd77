import { Principal } from '@imera/auth';
import { MonitorChange } from '../monitor/monitor-change';
import { changeFor, NotificationLookup } from '../scopes/confidentiality';
import { LiveChanges } from './live-changes';
import { serverSentComment, serverSentEvent, serverSentRetry } from './server-sent-events';

/** The connection a client listens on. */
export interface LiveClient {
  write(chunk: string): void;
  end(): void;
  /** Bytes written but not yet sent: a client that does not read is let go. */
  readonly buffered: number;
}

export interface LiveStreamOptions {
  /** Comment lines keep proxies from closing a quiet connection. Default, not law: 15 s. */
  readonly heartbeatMs?: number;
  /** A client this far behind is disconnected; it resumes with Last-Event-ID. Default: 4 MiB. */
  readonly maxBufferedBytes?: number;
  /** What a client suggests to wait before reconnecting. Default: 2 s. */
  readonly retryMs?: number;
}

export interface LiveSources {
  readonly changes: LiveChanges;
  readonly position: () => number | null;
  readonly notifications: NotificationLookup;
  /** The current state of every scope, sent to a client whose missed changes are no longer kept. */
  readonly scopes: () => Promise<unknown>;
}

/**
 * Server-sent events for the dashboard: mode changes, proposals, indicator changes, notifications (never
 * with operator details) and instrument events. Each event's id is the global position of the event behind
 * it; when one position yields several, only the last carries the id, so a client cut off in between gets
 * all of them again after reconnecting with Last-Event-ID.
 */
export class LiveStream {
  private readonly closers = new Set<() => void>();

  constructor(private readonly sources: LiveSources, private readonly options: LiveStreamOptions = {}) {}

  /** Starts a client's stream after `after` (or live only); returns how to stop it. */
  open(principal: Principal, after: number | undefined, client: LiveClient): () => void {
    let ready = false;
    let closed = false;
    const queued: MonitorChange[][] = [];
    const send = (changes: readonly MonitorChange[]) => {
      if (closed) return;
      client.write(framesFor(principal, changes, this.sources.notifications));
      if (client.buffered > (this.options.maxBufferedBytes ?? 4 * 1024 * 1024)) close();
    };
    const unsubscribe = this.sources.changes.subscribe((changes) => (ready ? send(changes) : queued.push([...changes])));
    const heartbeat = setInterval(() => !closed && client.write(serverSentComment('keep-alive')), this.options.heartbeatMs ?? 15_000);
    heartbeat.unref();
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      this.closers.delete(close);
      client.end();
    };
    this.closers.add(close);

    client.write(serverSentRetry(this.options.retryMs ?? 2_000));
    const missed = after === undefined ? undefined : this.sources.changes.missedSince(after);
    const position = this.sources.position();
    const catchUp = missed?.kind === 'resync'
      ? this.sources.scopes().then((scopes) => {
          if (!closed) client.write(serverSentEvent('resync', { reason: missed.reason, position, scopes }, position ?? undefined));
        })
      : Promise.resolve(missed?.kind === 'changes' ? send(missed.changes) : undefined);
    void catchUp
      .then(() => {
        ready = true;
        for (const changes of queued.splice(0)) send(changes);
      })
      .catch(() => close());
    return close;
  }

  /** Ends every client's stream (at shutdown): they reconnect and resume elsewhere or later. */
  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}

function framesFor(principal: Principal, changes: readonly MonitorChange[], notifications: NotificationLookup): string {
  return changes
    .map((change, index) => {
      const last = index === changes.length - 1 || changes[index + 1].position !== change.position;
      const { kind, ...data } = changeFor(principal, change, notifications) as MonitorChange;
      return serverSentEvent(kind, data, last ? change.position : undefined);
    })
    .join('');
}
