import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainRuleViolation, EventStoreUnavailableError, WrongExpectedRevisionError } from '@imera/event-sourcing';

/** Rule codes that mean "this clashes with what exists" rather than "this request is wrong". */
const CONFLICT_CODES = new Set(['notification-exists', 'measure-exists', 'notification-changed-concurrently', 'measure-changed-concurrently']);
const NOT_FOUND_CODES = new Set(['notification-not-found', 'measure-not-found', 'not-found']);
const FORBIDDEN_CODES = new Set(['not-filing-member-state', 'forbidden']);

interface Reply {
  status(code: number): { send(body: unknown): unknown };
}

/** Maps domain outcomes to HTTP: broken rules 422, conflicts 409, unknown targets 404, store down 503. */
@Catch(DomainRuleViolation, WrongExpectedRevisionError, EventStoreUnavailableError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    const [status, code] = classify(error);
    reply.status(status).send({ statusCode: status, error: code, message: error.message });
  }
}

function classify(error: Error): [number, string] {
  if (error instanceof WrongExpectedRevisionError) return [HttpStatus.CONFLICT, 'concurrent-change'];
  if (error instanceof EventStoreUnavailableError) return [HttpStatus.SERVICE_UNAVAILABLE, 'event-store-unavailable'];
  const { code } = error as DomainRuleViolation;
  if (CONFLICT_CODES.has(code)) return [HttpStatus.CONFLICT, code];
  if (NOT_FOUND_CODES.has(code)) return [HttpStatus.NOT_FOUND, code];
  if (FORBIDDEN_CODES.has(code)) return [HttpStatus.FORBIDDEN, code];
  return [HttpStatus.UNPROCESSABLE_ENTITY, code];
}
