import { readEventBlocks } from '../../src/live/server-sent-events';

/** One server-sent event as a browser's EventSource would dispatch it. */
export interface ReceivedEvent {
  readonly event: string;
  /** The last event id as the client holds it after this event (what it would send as Last-Event-ID). */
  readonly lastEventId: string | undefined;
  readonly data: any;
}

/** A test client of the live stream: reads text/event-stream over fetch and keeps the last event id. */
export class LiveClient {
  readonly events: ReceivedEvent[] = [];
  lastEventId: string | undefined;
  private waiters: Array<() => void> = [];
  private done: Promise<void> = Promise.resolve();

  private constructor(readonly status: number, private readonly abort: AbortController) {}

  static async connect(url: string, token: string, lastEventId?: string): Promise<LiveClient> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const abort = new AbortController();
    const response = await fetch(url, { headers, signal: abort.signal });
    const client = new LiveClient(response.status, abort);
    client.lastEventId = lastEventId;
    if (response.ok && response.body) client.done = client.read(response.body).catch(() => undefined);
    return client;
  }

  /** Waits until an event matching `predicate` has arrived (at most `timeoutMs`) and returns it. */
  async waitFor(predicate: (event: ReceivedEvent) => boolean, timeoutMs = 15_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such event; received: ${this.events.map((e) => e.event).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    await readEventBlocks(body, (block) => this.dispatch(block));
  }

  private dispatch(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') this.lastEventId = value;
    }
    if (data.length === 0) return;
    this.events.push({ event, lastEventId: this.lastEventId, data: JSON.parse(data.join('\n')) });
    for (const wake of this.waiters.splice(0)) wake();
  }
}
