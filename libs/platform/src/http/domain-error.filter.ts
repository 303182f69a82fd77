import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainRuleViolation, EventStoreUnavailableError, WrongExpectedRevisionError } from '@imera/event-sourcing';
import { DecisionNotPublishedError, PUBLISH_RETRY_AFTER_SECONDS } from '../decisions/decision-publisher';
import { ReadOnlyEventStoreError } from '../event-store/read-only-event-store';

/** The response instruments (apps/response) prefix their own codes: `<slug>-exists`, `<slug>-not-found`... */
const INSTRUMENTS = ['information-request', 'priority-rated-request', 'stock-distribution-round', 'joint-procurement'];

/** Rule codes that mean "this clashes with what exists" rather than "this request is wrong". */
const CONFLICT_CODES = new Set([
  'notification-exists',
  'measure-exists',
  'notification-changed-concurrently',
  'measure-changed-concurrently',
  ...INSTRUMENTS.flatMap((slug) => [`${slug}-exists`, `${slug}-changed-concurrently`]),
  ...['already-issued', 'already-proposed', 'already-opened', 'already-requested', 'already-decided', 'already-responded'],
  ...['host-consent-already-decided', 'already-dispatched', 'already-delivered', 'already-published', 'duplicate-offer'],
  ...['scope-changed-concurrently', 'stock-report-exists', 'stock-report-changed-concurrently'],
]);
const NOT_FOUND_CODES = new Set([
  'notification-not-found',
  'measure-not-found',
  'not-found',
  ...INSTRUMENTS.map((slug) => `${slug}-not-found`),
  ...['request-not-found', 'request-not-issued', 'round-not-found', 'procurement-not-found', 'order-not-found'],
  'scope-not-found',
]);
const FORBIDDEN_CODES = new Set([
  'not-filing-member-state',
  'forbidden',
  ...['not-the-host-member-state', 'not-the-addressed-operator', 'operator-not-addressed'],
  ...['not-the-releasing-member-state', 'not-the-receiving-member-state'],
]);

interface Reply {
  header(name: string, value: string): unknown;
  status(code: number): { send(body: unknown): unknown };
}

/**
 * Maps domain outcomes to HTTP: broken rules 422, conflicts 409 (a write to a store open for reading only,
 * a finished exercise's, among them), unknown targets 404, store or message bus down 503 with Retry-After
 * (nothing was changed; the same request may be sent again).
 */
@Catch(DomainRuleViolation, WrongExpectedRevisionError, EventStoreUnavailableError, DecisionNotPublishedError, ReadOnlyEventStoreError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: Error, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    const [status, code] = classify(error);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) reply.header('retry-after', String(retryAfterSeconds(error)));
    reply.status(status).send({ statusCode: status, error: code, message: error.message });
  }
}

function retryAfterSeconds(error: Error): number {
  return error instanceof DecisionNotPublishedError ? error.retryAfterSeconds : PUBLISH_RETRY_AFTER_SECONDS;
}

function classify(error: Error): [number, string] {
  if (error instanceof WrongExpectedRevisionError) return [HttpStatus.CONFLICT, 'concurrent-change'];
  if (error instanceof ReadOnlyEventStoreError) return [HttpStatus.CONFLICT, 'read-only'];
  if (error instanceof EventStoreUnavailableError) return [HttpStatus.SERVICE_UNAVAILABLE, 'event-store-unavailable'];
  if (error instanceof DecisionNotPublishedError) return [HttpStatus.SERVICE_UNAVAILABLE, 'message-bus-unavailable'];
  const { code } = error as DomainRuleViolation;
  if (CONFLICT_CODES.has(code)) return [HttpStatus.CONFLICT, code];
  if (NOT_FOUND_CODES.has(code)) return [HttpStatus.NOT_FOUND, code];
  if (FORBIDDEN_CODES.has(code)) return [HttpStatus.FORBIDDEN, code];
  return [HttpStatus.UNPROCESSABLE_ENTITY, code];
}
