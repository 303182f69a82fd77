import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Principal } from '@imera/auth';
import { collect, EventStore, ManualClock, RecordedEvent } from '@imera/event-sourcing';
import { AppConfig, EVENT_STORE } from '@imera/platform';
import { createApp } from '../../imera/src/bootstrap';
import { tokenIssuerFor, TokenFor } from '../../../test/support/tokens';

export const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'docs', 'api', 'examples');

export function example<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as T;
}

export type KafkaSettings = Pick<AppConfig, 'kafkaBrokers' | 'kafkaTopicPrefix'>;

export interface Reply {
  readonly status: number;
  readonly body: any;
}

/** The all-in-one app on a private data directory, with virtual time and tokens from its own key. */
export class IntakeHarness {
  app!: NestFastifyApplication;
  private tokenFor!: TokenFor;
  baseUrl!: string;

  private constructor(readonly dataDir: string, readonly clock: ManualClock, private readonly kafka: KafkaSettings) {}

  /** `kafkaBrokers` (and `kafkaTopicPrefix`, so suites sharing a broker stay apart): over Kafka, else in-process. */
  static async start(options: KafkaSettings & { now?: string } = {}): Promise<IntakeHarness> {
    const { kafkaBrokers, kafkaTopicPrefix } = options;
    const harness = new IntakeHarness(mkdtempSync(join(tmpdir(), 'imera-intake-')), new ManualClock(options.now ?? '2026-11-22T09:00:00Z'), { kafkaBrokers, kafkaTopicPrefix });
    await harness.boot();
    return harness;
  }

  get config(): AppConfig {
    return { host: '127.0.0.1', port: 0, dataDir: this.dataDir, eventStore: 'file', ...this.kafka };
  }

  async boot(): Promise<void> {
    this.app = await createApp(this.config, { clock: this.clock, logger: ['error'] });
    await this.app.listen(0, '127.0.0.1');
    this.baseUrl = (await this.app.getUrl()).replace('[::1]', '127.0.0.1');
    this.tokenFor = await tokenIssuerFor(this.dataDir, this.clock);
    await this.untilHealthy();
  }

  /** Stops the app (as a restart would) and starts it again on the same data. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  async allEvents(): Promise<RecordedEvent[]> {
    return collect(this.store.readAll());
  }

  async request(method: 'GET' | 'POST', url: string, as?: Principal, body?: unknown, rawBody?: string): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (as) headers.authorization = `Bearer ${await this.tokenFor(as)}`;
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${url}`, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await response.text();
    return { status: response.status, body: text ? safeJson(text) : undefined };
  }

  private async untilHealthy(): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const response = await fetch(`${this.baseUrl}/health`);
      if (response.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the app did not become healthy');
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
