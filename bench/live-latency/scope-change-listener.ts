import { performance } from 'node:perf_hooks';
import { readEventBlocks } from '../../apps/crisis-monitor/src/live/server-sent-events';

/** Kinds of live change that tell the crisis cell a scope moved: its indicators, a proposal, its mode. */
const SCOPE_CHANGES = new Set(['indicators-changed', 'proposal', 'mode-changed']);

/**
 * Listens on `/api/v1/stream` as a dashboard does and notes when the first scope change caused by each event
 * (by event id) arrives, on the `performance.now()` clock.
 */
export class ScopeChangeListener {
  private readonly arrivals = new Map<string, { at: number; kind: string }>();
  private readonly waiters = new Map<string, () => void>();
  private done: Promise<void> = Promise.resolve();

  private constructor(private readonly abort: AbortController) {}

  static async connect(baseUrl: string, token: string): Promise<ScopeChangeListener> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/v1/stream`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
    if (!response.ok || !response.body) throw new Error(`The live stream answered ${response.status}`);
    const listener = new ScopeChangeListener(abort);
    listener.done = listener.read(response.body).catch(() => undefined);
    return listener;
  }

  /** When the first scope change of the event arrived (waits up to `timeoutMs`). */
  async arrivalOf(eventId: string, timeoutMs: number): Promise<{ at: number; kind: string }> {
    const known = this.arrivals.get(eventId);
    if (known) return known;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No scope change for event ${eventId} on the live stream within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(eventId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.arrivals.get(eventId)!;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    await readEventBlocks(body, (block) => this.dispatch(block, performance.now()));
  }

  private dispatch(block: string, at: number): void {
    let kind = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) kind = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (!SCOPE_CHANGES.has(kind) || !data) return;
    const eventId = (JSON.parse(data) as { eventId?: string }).eventId;
    if (!eventId || this.arrivals.has(eventId)) return;
    this.arrivals.set(eventId, { at, kind });
    this.waiters.get(eventId)?.();
    this.waiters.delete(eventId);
  }
}
