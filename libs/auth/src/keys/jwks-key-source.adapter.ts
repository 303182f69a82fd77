import { createRemoteJWKSet, errors } from 'jose';
import type { FlattenedJWSInput, JWSHeaderParameters } from 'jose';
import { TokenRejectedError } from '../tokens/token-rejected.error';
import { VerificationKeySource } from './verification-key-source.port';

/**
 * Trusts the keys an identity provider publishes. jose fetches the set on first use, keeps it, and refetches
 * (at most once per cool-down) when a token names a key id it has not seen, so key rotation needs no restart.
 */
export class JwksKeySource implements VerificationKeySource {
  readonly description: string;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(url: URL, options: { timeoutMs?: number; cacheMaxAgeMs?: number } = {}) {
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      throw new Error(`AUTH_JWKS_URL must use https (got ${url.protocol})`);
    }
    this.description = `JWKS ${url.href}`;
    this.jwks = createRemoteJWKSet(url, {
      timeoutDuration: options.timeoutMs ?? 5_000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    });
  }

  async keyFor(header: JWSHeaderParameters, token: FlattenedJWSInput) {
    try {
      return await this.jwks(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError) throw error;
      // Network failures: the caller is not at fault, the identity provider cannot be reached.
      throw new TokenRejectedError('key-source-unavailable', 'the signing keys could not be fetched');
    }
  }
}
