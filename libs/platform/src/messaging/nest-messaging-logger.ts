import { Logger } from '@nestjs/common';
import { MessagingLogger } from '@imera/messaging';

/** The messaging adapters' reports, through the app's own logger. */
export function nestMessagingLogger(context = 'MessageBus'): MessagingLogger {
  const logger = new Logger(context);
  const line = (message: string, details?: Record<string, unknown>) =>
    details && Object.keys(details).length > 0 ? `${message} ${JSON.stringify(details)}` : message;
  return {
    debug: (message, details) => logger.debug(line(message, details)),
    info: (message, details) => logger.log(line(message, details)),
    warn: (message, details) => logger.warn(line(message, details)),
    error: (message, details) => logger.error(line(message, details)),
  };
}
