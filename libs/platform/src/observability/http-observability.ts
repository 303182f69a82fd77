import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { principalOf } from '../auth/principal-of-request';
import { SystemMetrics } from './system-metrics';

export const CORRELATION_HEADER = 'x-correlation-id';
/** The same rule requestContext applies: a caller's id is kept only when it is short and plain. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Every request gets a correlation id before any handler runs (the caller's when well formed), echoed in
 * the answer, so a log line, the events a request recorded and the caller's own records can be matched.
 * Every answer is counted and logged once: route pattern, status, duration, principal, client address.
 */
export function installHttpObservability(fastify: FastifyInstance, metrics: SystemMetrics, logger: PinoLogger): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const given = request.headers[CORRELATION_HEADER];
    const id = typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
    request.headers[CORRELATION_HEADER] = id;
    reply.header(CORRELATION_HEADER, id);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions?.url;
    const seconds = reply.elapsedTime / 1000;
    metrics.recordRequest(request.method, route, reply.statusCode, seconds);
    const principal = principalOf(request);
    // A 503 says "not ready, try again" (starting, broker away, with Retry-After): expected, not a fault.
    const level = reply.statusCode === 503 ? 'warn' : reply.statusCode >= 500 ? 'error' : 'info';
    logger[level](
      {
        event: 'http-request',
        method: request.method,
        route: route ?? 'unmatched',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        correlationId: request.headers[CORRELATION_HEADER],
        clientAddress: request.ip,
        ...(principal ? { actor: principal.subject, role: principal.role } : {}),
      },
      `${request.method} ${route ?? request.url.split('?')[0]} ${reply.statusCode}`,
    );
  });
}
