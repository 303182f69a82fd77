import pino from 'pino';

/** Where the messaging adapters report; the platform passes the app's logger, tests a quiet one. */
export interface MessagingLogger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** The default when no logger is injected: structured JSON lines on stdout (LOG_LEVEL, default info). */
export function defaultMessagingLogger(): MessagingLogger {
  const logger = pino({ name: 'imera-messaging', level: process.env.LOG_LEVEL ?? 'info' });
  return {
    debug: (message, context) => logger.debug(context ?? {}, message),
    info: (message, context) => logger.info(context ?? {}, message),
    warn: (message, context) => logger.warn(context ?? {}, message),
    error: (message, context) => logger.error(context ?? {}, message),
  };
}

export const silentMessagingLogger: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
