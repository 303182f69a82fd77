import { Clock, systemClock } from '@imera/event-sourcing';
import { errors, jwtVerify, JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { checkAsymmetricAlgorithms } from '../keys/algorithms';
import { VerificationKeySource } from '../keys/verification-key-source.port';
import { Principal } from '../roles/principal';
import { principalFromClaims } from './token-claims';
import { TokenRejectedError, TokenRejectionReason } from './token-rejected.error';
import { TokenSettings } from './token-settings';

/** A token that passed every check, and the principal it stands for. */
export interface VerifiedToken {
  readonly principal: Principal;
  readonly tokenId?: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

interface CachedToken {
  readonly verified: VerifiedToken;
  /** Epoch seconds, tolerance included: the token is good for validFrom <= now < validUntil. */
  readonly validFrom: number;
  readonly validUntil: number;
}

/** Longer than any token we issue or an identity provider sends; refused before any parsing. */
const MAX_TOKEN_LENGTH = 8 * 1024;

/**
 * Checks signature, issuer, audience, validity period and role claims. A token seen before is found in a
 * bounded cache keyed by the whole token (signature included) and only its validity period is re-checked.
 */
export class TokenVerifier {
  private readonly cache?: LRUCache<string, CachedToken>;
  private readonly algorithms: string[];

  constructor(
    private readonly keys: VerificationKeySource,
    private readonly settings: TokenSettings,
    private readonly clock: Clock = systemClock,
  ) {
    this.algorithms = [...checkAsymmetricAlgorithms(settings.algorithms)];
    if (settings.cacheSize > 0 && settings.cacheTtlSeconds > 0) {
      this.cache = new LRUCache({ max: settings.cacheSize, ttl: settings.cacheTtlSeconds * 1000 });
    }
  }

  get keySource(): string {
    return this.keys.description;
  }

  async verify(token: string | undefined): Promise<VerifiedToken> {
    if (!token) throw new TokenRejectedError('token-missing', 'no bearer token was sent');
    if (token.length > MAX_TOKEN_LENGTH) throw new TokenRejectedError('token-malformed', 'the token is too long');
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const cached = this.cache?.get(token);
    if (cached) return this.stillValid(token, cached, now);
    const entry = await this.verifyFully(token, now);
    this.cache?.set(token, entry);
    return entry.verified;
  }

  private async verifyFully(token: string, now: number): Promise<CachedToken> {
    const payload = await this.checkSignatureAndClaims(token, now);
    const check = principalFromClaims(payload);
    if (!check.ok) throw new TokenRejectedError('claims-invalid', check.problem);
    const tolerance = this.settings.clockToleranceSeconds;
    const iat = payload.iat!;
    const exp = payload.exp!;
    return {
      verified: Object.freeze({
        principal: check.principal,
        ...(typeof payload.jti === 'string' ? { tokenId: payload.jti } : {}),
        issuedAt: new Date(iat * 1000),
        expiresAt: new Date(exp * 1000),
      }),
      validFrom: Math.max(payload.nbf ?? -Infinity, iat) - tolerance,
      validUntil: Math.min(exp, iat + this.settings.maxTokenAgeSeconds) + tolerance,
    };
  }

  private stillValid(token: string, cached: CachedToken, now: number): VerifiedToken {
    if (now >= cached.validUntil) {
      this.cache?.delete(token);
      throw new TokenRejectedError('token-expired', 'the token has expired');
    }
    if (now < cached.validFrom) throw new TokenRejectedError('token-not-yet-valid', 'the token is not valid yet');
    return cached.verified;
  }

  private async checkSignatureAndClaims(token: string, now: number): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, (header, input) => this.keys.keyFor(header, input), {
        algorithms: this.algorithms,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: this.settings.clockToleranceSeconds,
        maxTokenAge: this.settings.maxTokenAgeSeconds,
        currentDate: new Date(now * 1000),
      });
      return payload;
    } catch (error) {
      throw rejection(error);
    }
  }
}

/** Maps jose's errors to reasons a caller can act on. */
function rejection(error: unknown): TokenRejectedError {
  if (error instanceof TokenRejectedError) return error;
  if (error instanceof errors.JWTExpired) {
    const message = error.claim === 'iat' ? 'the token is older than the maximum token age' : 'the token has expired';
    return new TokenRejectedError('token-expired', message);
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimRejection(error);
  const byCode: Record<string, [TokenRejectionReason, string]> = {
    ERR_JOSE_ALG_NOT_ALLOWED: ['algorithm-not-allowed', 'the token is signed with an algorithm this system does not accept'],
    ERR_JWS_SIGNATURE_VERIFICATION_FAILED: ['signature-invalid', 'the token signature does not verify'],
    ERR_JWKS_NO_MATCHING_KEY: ['signing-key-unknown', 'the token is signed by a key this system does not trust'],
    ERR_JWKS_MULTIPLE_MATCHING_KEYS: ['signing-key-unknown', 'the token does not say which of the trusted keys signed it'],
    ERR_JWKS_TIMEOUT: ['key-source-unavailable', 'the signing keys could not be fetched in time'],
    ERR_JWKS_INVALID: ['key-source-unavailable', 'the signing-key set could not be read'],
  };
  const code = (error as { code?: string }).code;
  const known = code ? byCode[code] : undefined;
  if (known) return new TokenRejectedError(known[0], known[1]);
  if (error instanceof errors.JOSEError) return new TokenRejectedError('token-malformed', 'the token is not a well-formed signed JWT');
  // Key material that does not fit the token's declared algorithm.
  return new TokenRejectedError('token-malformed', 'the token cannot be checked with the trusted keys');
}

function claimRejection(error: InstanceType<typeof errors.JWTClaimValidationFailed>): TokenRejectedError {
  if (error.reason === 'check_failed') {
    if (error.claim === 'iss') return new TokenRejectedError('issuer-mismatch', 'the token comes from an issuer this system does not trust');
    if (error.claim === 'aud') return new TokenRejectedError('audience-mismatch', 'the token is meant for another system');
    if (error.claim === 'nbf') return new TokenRejectedError('token-not-yet-valid', 'the token is not valid yet');
    if (error.claim === 'iat') return new TokenRejectedError('token-not-yet-valid', 'the token claims to be issued in the future');
  }
  const what = error.reason === 'missing' ? 'is missing' : 'is not valid';
  return new TokenRejectedError('claims-invalid', `the "${error.claim}" claim ${what}`);
}
