import { TokenRejectedError } from '@imera/auth';

/** The token of an `Authorization: Bearer <token>` header (RFC 6750); undefined when there is no header. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new TokenRejectedError('token-malformed', 'send exactly one Authorization header');
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  if (!match) throw new TokenRejectedError('token-malformed', 'the Authorization header must read "Bearer <token>"');
  return match[1];
}
