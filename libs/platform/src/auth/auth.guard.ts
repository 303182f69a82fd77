import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Principal, Role, TokenRejectedError, TokenVerifier } from '@imera/auth';
import { ALLOWED_ROLES, IS_PUBLIC, TOKEN_VERIFIER } from './auth.tokens';
import { bearerToken } from './bearer-token';
import { attachPrincipal } from './principal-of-request';

interface HttpRequest {
  readonly headers: Record<string, string | string[] | undefined>;
}

interface HttpReply {
  header?(name: string, value: string): unknown;
  setHeader?(name: string, value: string): unknown;
}

/**
 * Every HTTP route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call.
 * 401 says why the token was refused (never echoing it), 403 which roles the route admits.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Broker consumers are trusted infrastructure; this guard is for HTTP callers.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const principal = await this.authenticate(http.getRequest<HttpRequest>(), http.getResponse<HttpReply>());
    attachPrincipal(http.getRequest(), principal);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(principal.role)) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        reason: 'role-not-allowed',
        message: `the ${principal.role} role may not call this route; it admits ${allowed.join(', ')}`,
      });
    }
    return true;
  }

  private async authenticate(request: HttpRequest, reply: HttpReply): Promise<Principal> {
    try {
      return (await this.verifier.verify(bearerToken(request.headers.authorization))).principal;
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      throw refusal(error, reply);
    }
  }
}

function refusal(error: TokenRejectedError, reply: HttpReply): HttpException {
  const body = { reason: error.reason, message: error.message };
  if (error.reason === 'key-source-unavailable') {
    return new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', ...body });
  }
  // RFC 6750 section 3: a request without credentials gets the challenge without an error code.
  const challenge =
    error.reason === 'token-missing'
      ? 'Bearer realm="imera"'
      : `Bearer realm="imera", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
  setHeader(reply, 'WWW-Authenticate', challenge);
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', ...body });
}

function setHeader(reply: HttpReply, name: string, value: string): void {
  if (typeof reply.header === 'function') reply.header(name, value);
  else reply.setHeader?.(name, value);
}
