import { Clock, systemClock } from '@imera/event-sourcing';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { SigningKey } from '../keys/signing-key';
import { Principal } from '../roles/principal';
import { describeDuration } from './duration';
import { claimsForPrincipal, principalFromClaims } from './token-claims';
import { TokenSettings } from './token-settings';

export interface IssuedToken {
  readonly token: string;
  readonly tokenId: string;
  readonly expiresAt: Date;
}

/** Signs tokens with the embedded key (the token CLI and tests; in production an identity provider issues). */
export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly settings: TokenSettings,
    private readonly clock: Clock = systemClock,
  ) {}

  async issue(principal: Principal, lifetimeSeconds: number): Promise<IssuedToken> {
    this.checkLifetime(lifetimeSeconds);
    const claims = claimsForPrincipal(principal);
    const check = principalFromClaims({ ...claims, sub: principal.subject });
    if (!check.ok) throw new Error(`cannot issue this token: ${check.problem}`);
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const tokenId = randomUUID();
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: this.key.algorithm, kid: this.key.keyId, typ: 'JWT' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(principal.subject)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .setJti(tokenId)
      .sign(this.key.privateKey);
    return { token, tokenId, expiresAt: new Date((issuedAt + lifetimeSeconds) * 1000) };
  }

  private checkLifetime(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds <= 0) throw new Error('a token lifetime must be a whole number of seconds above zero');
    if (seconds > this.settings.maxTokenAgeSeconds) {
      throw new Error(
        `a token may live at most ${describeDuration(this.settings.maxTokenAgeSeconds)} (the configured maximum token age)`,
      );
    }
  }
}
