import { join } from 'node:path';
import { ConsoleLogger, Logger, LoggerService } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEFAULT_TOKEN_SETTINGS, generateSigningKey, Principal, signingKeyToPem, TokenIssuer } from '@imera/auth';
import { collect, EventStore, ManualClock, RecordedEvent } from '@imera/event-sourcing';
import { AppConfig, DEFAULT_REQUEST_LIMITS, EVENT_STORE, projectionRunnersOf } from '@imera/platform';
import { LiveClient, LiveStream } from '../../../crisis-monitor/src/live/live-stream';
import { createApp } from '../../../imera/src/bootstrap';
import { actorOf, ExerciseInput, routeOf } from './action-catalogue';
import { exercisePolicy } from './exercise-policy';
import { VirtualTime } from './virtual-time';

export interface NamespaceOptions {
  /** The scenario's partial policy, laid over the shipped default. */
  readonly policy?: Record<string, unknown>;
  /** `auto`: the simulated Council acts after the policy's delay; `scripted`: only inputs record acts. */
  readonly decisions: 'auto' | 'scripted';
  /** Where the virtual clock starts. */
  readonly start: string;
  /** `file` (default): an event log under `$DATA_DIR/exercises/<id>/`; `memory`: nothing is written. */
  readonly store?: 'file' | 'memory';
  /** The live data directory; the namespace lives in its `exercises/<id>/`. */
  readonly dataDir: string;
  /** Opened to look at a finished run: its store refuses every append. */
  readonly readOnly?: boolean;
}

/** What an input got from the API. */
export interface InputOutcome {
  readonly status: number;
  readonly body: unknown;
}

/** `$DATA_DIR/exercises/<exerciseId>` */
export function namespaceDir(dataDir: string, exerciseId: string): string {
  return join(dataDir, 'exercises', exerciseId);
}

/**
 * An exercise namespace: the real services (the all-in-one app with the in-process bus) over the exercise's
 * own event store, on a manual clock, with no listening socket. Every event it stores carries the exercise
 * id. Tokens are minted with a key of its own, so no live token reaches it and none of its tokens is live.
 */
export class ExerciseNamespace {
  private constructor(
    readonly exerciseId: string,
    readonly dir: string,
    readonly clock: ManualClock,
    readonly policyDocument: Record<string, unknown>,
    readonly policySource: string,
    private readonly app: NestFastifyApplication,
    private readonly issuer: TokenIssuer,
    private readonly time: VirtualTime,
  ) {}

  static async open(exerciseId: string, options: NamespaceOptions): Promise<ExerciseNamespace> {
    const dir = namespaceDir(options.dataDir, exerciseId);
    const clock = new ManualClock(options.start);
    const policy = exercisePolicy(options.policy, options.decisions);
    const key = await generateSigningKey();
    const { publicPem } = await signingKeyToPem(key);
    const config: AppConfig = { host: '127.0.0.1', port: 0, dataDir: dir, eventStore: options.store ?? 'file', exerciseId, policy, readOnly: options.readOnly, schedulesDriven: true };
    const app = await keepingProcessLogger(() =>
      createApp(config, {
        clock,
        logger: false,
        limits: { ...DEFAULT_REQUEST_LIMITS, rateLimitMax: 0 },
        authEnv: { AUTH_PUBLIC_KEY: publicPem },
        exerciseNamespace: true,
      }),
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const runners = projectionRunnersOf(app.get(DiscoveryService));
    const time = new VirtualTime(app, clock, app.get<EventStore>(EVENT_STORE), runners);
    const namespace = new ExerciseNamespace(exerciseId, dir, clock, policy.document, policy.source, app, new TokenIssuer(key, DEFAULT_TOKEN_SETTINGS, clock), time);
    await time.settle();
    return namespace;
  }

  get store(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  /** Sends the input to its route as its actor, at the current virtual time, and waits until all is settled. */
  async apply(input: ExerciseInput, correlationId: string): Promise<InputOutcome> {
    const route = routeOf(input);
    if ('missing' in route) return { status: 400, body: { message: [`params.${route.missing}: required by ${input.action}`] } };
    const outcome = await this.request('POST', route.path, actorOf(input), input.data ?? {}, correlationId);
    await this.time.settle();
    return outcome;
  }

  /** Moves the clock forward to `instant`, running every schedule that falls due on the way. */
  advanceTo(instant: string): Promise<void> {
    return this.time.advanceTo(instant);
  }

  /** Reads a view of the namespace's API (GET), as the crisis cell unless told otherwise. */
  async view(path: string, as: Principal = { role: 'crisis-cell', subject: 'exercise:crisis-cell' }): Promise<InputOutcome> {
    return this.request('GET', path, as);
  }

  /**
   * Follows the namespace's own live stream as `as` would (what it sends on connect, its changes and its
   * keep-alive comments); returns how to stop.
   */
  followStream(as: Principal, after: number | undefined, client: LiveClient): () => void {
    return this.app.get(LiveStream).open(as, after, client);
  }

  /** Every event the namespace stored, in log order. */
  events(): Promise<RecordedEvent[]> {
    return collect(this.store.readAll());
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  private async request(method: 'GET' | 'POST', url: string, as: Principal, payload?: unknown, correlationId?: string): Promise<InputOutcome> {
    const { token } = await this.issuer.issue(as, 3600);
    const reply = await this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(correlationId ? { 'x-correlation-id': correlationId } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: reply.statusCode, body: parseBody(reply.body) };
  }
}

/**
 * Nest keeps one process-wide logger and each new app replaces it; a namespace (silent) must not silence the
 * live app it runs beside, so an app's logger is put back once the namespace's app exists. Nest's plain
 * console logger (no app in the process) is not: the namespace stays silent.
 */
async function keepingProcessLogger<T>(create: () => Promise<T>): Promise<T> {
  const processLogger = (Logger as unknown as { staticInstanceRef?: LoggerService }).staticInstanceRef;
  try {
    return await create();
  } finally {
    if (processLogger && processLogger.constructor !== ConsoleLogger) Logger.overrideLogger(processLogger);
  }
}

function parseBody(body: string): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
