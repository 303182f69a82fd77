import rateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenVerifier } from '@imera/auth';
import { bearerToken } from '../auth/bearer-token';
import { jsonDepth, RequestLimits } from './request-limits';

/** Routes a scheduler or a probe polls; they carry no filing and are never limited. */
const UNLIMITED = new Set(['/health', '/metrics']);

/**
 * Installs the request limits on the Fastify instance, before the routes are registered: a per-caller rate
 * limit (429 with Retry-After) keyed by the verified token subject, or by the client address for callers
 * without a valid token, and a bound on how deep a JSON body may nest (400).
 */
export async function installRequestLimits(fastify: FastifyInstance, limits: RequestLimits, verifier: () => TokenVerifier): Promise<void> {
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.body === undefined || jsonDepth(request.body, limits.maxJsonDepth) <= limits.maxJsonDepth) return;
    await reply.code(400).send({
      statusCode: 400,
      error: 'body-too-deep',
      message: `The request body nests deeper than ${limits.maxJsonDepth} levels of objects and arrays`,
    });
  });
  if (limits.rateLimitMax === 0) return;
  await fastify.register(rateLimit, {
    global: true,
    max: limits.rateLimitMax,
    timeWindow: limits.rateLimitWindowMs,
    hook: 'onRequest',
    allowList: (request) => UNLIMITED.has(request.url.split('?')[0]),
    keyGenerator: (request) => callerKey(request, verifier()),
    // Thrown by the plugin: as an HttpException, Nest answers it like any refusal instead of as a crash.
    errorResponseBuilder: (_request, context) =>
      new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'rate-limited',
          message: `Too many requests from this caller: at most ${context.max} per ${context.after}; try again in ${Math.ceil(context.ttl / 1000)} s`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      ) as unknown as object,
  });
}

/**
 * The verified subject when the token is good (the verifier caches it, so the guard's later check is free);
 * otherwise the client address, so forged or expired tokens cannot mint fresh buckets.
 */
async function callerKey(request: FastifyRequest, verifier: TokenVerifier): Promise<string> {
  try {
    const token = bearerToken(request.headers.authorization);
    if (token) return `subject:${(await verifier.verify(token)).principal.subject}`;
  } catch {
    // Refused tokens are answered by the guard; here they only fall back to the address.
  }
  return `address:${request.ip}`;
}
