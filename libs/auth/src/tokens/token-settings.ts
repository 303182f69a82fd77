/** How tokens are issued and checked. Every value here is a configurable default, not a legal requirement. */
export interface TokenSettings {
  /** `iss`: who issues tokens; a verifier accepts only this issuer. */
  readonly issuer: string;
  /** `aud`: the system the token is for; a verifier accepts only tokens naming it. */
  readonly audience: string;
  /** Signature algorithms a verifier accepts: asymmetric only (see ASYMMETRIC_ALGORITHMS). */
  readonly algorithms: readonly string[];
  /** Allowed clock difference between issuer and verifier. */
  readonly clockToleranceSeconds: number;
  /** Oldest a token may be (from `iat`), whatever its `exp` says; also the longest lifetime the CLI issues. */
  readonly maxTokenAgeSeconds: number;
  /** Verified tokens kept so a token reused across requests is verified once; 0 turns the cache off. */
  readonly cacheSize: number;
  /** How long a verified token stays cached, so a withdrawn key stops working within this time; 0 turns the cache off. */
  readonly cacheTtlSeconds: number;
}

export const DEFAULT_TOKEN_SETTINGS: TokenSettings = Object.freeze({
  issuer: 'imera-embedded',
  audience: 'imera',
  algorithms: ['ES256'],
  clockToleranceSeconds: 30,
  maxTokenAgeSeconds: 24 * 3600,
  cacheSize: 10_000,
  cacheTtlSeconds: 300,
});
