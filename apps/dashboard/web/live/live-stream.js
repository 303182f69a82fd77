// @ts-check
import { createSseParser } from './sse-parser.js';

/**
 * @typedef {'connecting' | 'live' | 'reconnecting' | 'refused' | 'unavailable'} LiveState
 * @typedef {{ state: LiveState, since: number, retryInMs?: number, httpStatus?: number }} LiveStatus
 * @typedef {{ type: string, data: any, id: string | undefined }} LiveEvent
 * @typedef {{
 *   url: string,
 *   token: string,
 *   lastEventId?: string,
 *   onEvent: (event: LiveEvent) => void,
 *   onStatus: (status: LiveStatus) => void,
 *   fetch?: typeof fetch,
 *   now?: () => number,
 * }} LiveStreamOptions
 */

/** Defaults, not law: the server suggests its own first delay with "retry:". */
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 10_000;
/** The server sends a comment every 15 s: this long without a byte means the connection is dead. */
const SILENCE_LIMIT_MS = 45_000;

/**
 * Follows the server-sent events of the live stream over fetch, so the bearer token travels in the
 * Authorization header (EventSource cannot send one). After any interruption it reconnects by itself with
 * capped back-off and sends the id of the last event it received as Last-Event-ID, so the server replays
 * what was missed. A refused token stops it: the user must sign in again.
 * @param {LiveStreamOptions} options
 */
export function openLiveStream(options) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  let lastEventId = options.lastEventId;
  let retryMs = FIRST_RETRY_MS;
  let failures = 0;
  let closed = false;
  /** @type {AbortController | undefined} */
  let connection;
  /** @type {(() => void) | undefined} */
  let wake;

  /** @param {Omit<LiveStatus, 'since'>} status */
  const report = (status) => options.onStatus({ ...status, since: now() });

  const parser = () =>
    createSseParser({
      onRetry: (milliseconds) => (retryMs = Math.max(500, milliseconds)),
      onEvent: (event) => {
        if (event.id !== undefined) lastEventId = event.id;
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        options.onEvent({ type: event.type, data, id: event.id });
      },
    });

  /** One connection, until it ends; returns the HTTP status that ended it, if any. */
  const follow = async () => {
    connection = new AbortController();
    const current = connection;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let silence;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => current.abort(), SILENCE_LIMIT_MS);
    };
    try {
      /** @type {Record<string, string>} */
      const headers = { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' };
      if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
      const response = await fetchImpl(options.url, { headers, signal: current.signal, cache: 'no-store' });
      if (!response.ok || !response.body) return response.status;
      failures = 0;
      report({ state: 'live' });
      heard();
      const events = parser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return undefined;
        heard();
        events.push(value);
      }
    } catch {
      return undefined;
    } finally {
      clearTimeout(silence);
    }
  };

  /** @param {number} milliseconds */
  const pause = (milliseconds) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, milliseconds);
      wake = () => {
        clearTimeout(timer);
        resolve(undefined);
      };
    });

  const run = async () => {
    report({ state: 'connecting' });
    while (!closed) {
      const httpStatus = await follow();
      if (closed) return;
      if (httpStatus === 401 || httpStatus === 403) {
        report({ state: 'refused', httpStatus });
        return;
      }
      failures++;
      const delay = backOff(retryMs, failures);
      report({ state: httpStatus === 404 ? 'unavailable' : 'reconnecting', retryInMs: delay, ...(httpStatus ? { httpStatus } : {}) });
      await pause(delay);
    }
  };
  void run();

  return {
    /** The id of the last event received: where a new stream would resume. */
    get lastEventId() {
      return lastEventId;
    },
    /** Skips the wait before the next attempt (the browser came back online, the tab became visible). */
    reconnectNow() {
      wake?.();
    },
    close() {
      closed = true;
      connection?.abort();
      wake?.();
    },
  };
}

/**
 * Doubling delays from the server's suggestion, capped, with jitter so that many pages do not all return at
 * the same moment after a restart.
 * @param {number} firstMs
 * @param {number} failures 1 for the first retry
 * @param {() => number} [random]
 */
export function backOff(firstMs, failures, random = Math.random) {
  const base = Math.min(MAX_RETRY_MS, firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
