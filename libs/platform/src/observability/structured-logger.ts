import { LoggerService, LogLevel } from '@nestjs/common';
import pino, { Logger as PinoLogger, LevelWithSilent } from 'pino';

/** Fields never written to a log line: credentials and the operator data some bodies carry. */
const REDACTED = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'token'];

export interface StructuredLoggerOptions {
  /** pino level: trace, debug, info, warn, error, fatal or silent. Default: LOG_LEVEL, else info. */
  readonly level?: LevelWithSilent;
  /** Where the JSON lines go; stdout by default. Tests pass a stream to read them back. */
  readonly destination?: pino.DestinationStream;
}

/** One JSON object per line (time, level, service, context, msg and fields): what log collectors parse. */
export function createStructuredLogger(options: StructuredLoggerOptions = {}): PinoLogger {
  const level = options.level ?? parseLevel(process.env.LOG_LEVEL) ?? 'info';
  const settings: pino.LoggerOptions = {
    level,
    base: { service: 'imera', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** The level that keeps what a Nest log-level list (as tests pass it) would keep. */
export function levelForNestLevels(levels: false | readonly LogLevel[] | undefined): LevelWithSilent | undefined {
  if (levels === undefined) return undefined;
  if (levels === false || levels.length === 0) return 'silent';
  const order: Array<[LogLevel, LevelWithSilent]> = [['verbose', 'trace'], ['debug', 'debug'], ['log', 'info'], ['warn', 'warn'], ['error', 'error'], ['fatal', 'fatal']];
  return order.find(([nest]) => levels.includes(nest))?.[1] ?? 'silent';
}

function parseLevel(value: string | undefined): LevelWithSilent | undefined {
  const levels: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
  return value && levels.includes(value) ? (value as LevelWithSilent) : undefined;
}

/** Nest's logger interface over pino: every framework and service message becomes a structured line. */
export class StructuredNestLogger implements LoggerService {
  constructor(private readonly logger: PinoLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context as the last extra argument, and an error's stack before it. */
  private write(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...(message as object) });
    else this.logger[level](fields, String(message));
  }
}
