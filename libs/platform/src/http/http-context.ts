import { randomUUID } from 'node:crypto';
import { Principal } from '@imera/auth';
import { RequestContext } from './request-context';
import { DecisionResult } from '../decisions/decision-result';

interface RequestLike {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly ip?: string;
}

interface ReplyLike {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The acting principal and the request's correlation id (taken from `x-correlation-id` when well formed). */
export function requestContext(principal: Principal, request: RequestLike): RequestContext {
  const header = request.headers['x-correlation-id'];
  const given = typeof header === 'string' && CORRELATION_ID.test(header) ? header : undefined;
  return { actor: principal.subject, correlationId: given ?? randomUUID(), clientAddress: request.ip };
}

/** 201 for a new record, 200 for a repeat of one already stored, 202 while it is still on its way. */
export function replyWith(reply: ReplyLike, result: DecisionResult, location: string): DecisionResult & { location: string } {
  reply.status(result.outcome === 'recorded' ? 201 : result.outcome === 'repeated' ? 200 : 202);
  reply.header('location', location);
  return { ...result, location };
}
