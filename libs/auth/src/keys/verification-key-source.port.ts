import type { CryptoKey, FlattenedJWSInput, JWK, JWSHeaderParameters, KeyObject } from 'jose';

/**
 * Where the keys that check token signatures come from: the data directory's own key, a configured public
 * key, or an identity provider's JWKS endpoint. Implementations cache imported keys.
 */
export interface VerificationKeySource {
  /** For logs and health: which keys are trusted, never key material. */
  readonly description: string;
  keyFor(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey | KeyObject | JWK | Uint8Array>;
}
