import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Principal } from '@imera/auth';
import { collect, EventStore, ManualClock, RecordedEvent } from '@imera/event-sourcing';
import { MessageBus } from '@imera/messaging';
import { AppConfig, DEFAULT_REQUEST_LIMITS, EVENT_STORE, MESSAGE_BUS, RequestLimits } from '@imera/platform';
import { createApp } from '../../../apps/imera/src/bootstrap';
import { tokenIssuerFor, TokenFor } from '../../support/tokens';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
  readonly text: string;
}

export interface RequestOptions {
  readonly as?: Principal;
  /** A token to send as it is (forged, expired...), instead of one minted for `as`. */
  readonly token?: string;
  readonly body?: unknown;
  /** Bytes to send as the body, unchanged. */
  readonly rawBody?: string | Buffer;
  readonly headers?: Record<string, string>;
}

export interface HarnessOptions {
  readonly now?: string;
  readonly kafkaBrokers?: readonly string[];
  /** Limits for this app; by default the shipped ones with the rate limit off, so suites can send freely. */
  readonly limits?: Partial<RequestLimits>;
}

/** The all-in-one app in this process on a private data directory, with virtual time and its own tokens. */
export class AppHarness {
  app!: NestFastifyApplication;
  baseUrl!: string;
  private tokenFor!: TokenFor;

  private constructor(readonly dataDir: string, readonly clock: ManualClock, private readonly options: HarnessOptions) {}

  static async start(options: HarnessOptions = {}): Promise<AppHarness> {
    const harness = new AppHarness(mkdtempSync(join(tmpdir(), 'imera-reliability-')), new ManualClock(options.now ?? '2026-06-01T08:00:00Z'), options);
    await harness.boot();
    return harness;
  }

  get config(): AppConfig {
    return { host: '127.0.0.1', port: 0, dataDir: this.dataDir, eventStore: 'file', kafkaBrokers: this.options.kafkaBrokers };
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  get bus(): MessageBus {
    return this.app.get(MESSAGE_BUS);
  }

  async boot(): Promise<void> {
    const limits = { ...DEFAULT_REQUEST_LIMITS, rateLimitMax: 0, ...this.options.limits };
    this.app = await createApp(this.config, { clock: this.clock, logger: ['error'], limits });
    await this.app.listen(0, '127.0.0.1');
    this.baseUrl = (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
    this.tokenFor = await tokenIssuerFor(this.dataDir, this.clock);
    await this.untilHealthy();
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  token(principal: Principal): Promise<string> {
    return this.tokenFor(principal);
  }

  async allEvents(): Promise<RecordedEvent[]> {
    return collect(this.store.readAll());
  }

  async request(method: string, url: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await this.tokenFor(options.as) : undefined);
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${url}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parse(text), text };
  }

  private async untilHealthy(): Promise<void> {
    // A Kafka consumer group takes seconds to join; the in-process bus is ready at once.
    const attempts = this.options.kafkaBrokers ? 4_800 : 600;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if ((await fetch(`${this.baseUrl}/health`)).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the app did not become healthy');
  }
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
