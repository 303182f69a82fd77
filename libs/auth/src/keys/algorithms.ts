/**
 * The embedded default signs with ES256 (ECDSA on P-256): fast to verify, short signatures, understood by
 * every identity provider. ADR 0006 records the measurements behind the choice.
 */
export const EMBEDDED_SIGNING_ALGORITHM = 'ES256';

/** Signature algorithms a verifier may be configured to accept: public-key only, never `none` or HMAC. */
export const ASYMMETRIC_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;

/** Throws unless every algorithm is a public-key signature algorithm. */
export function checkAsymmetricAlgorithms(algorithms: readonly string[]): readonly string[] {
  if (algorithms.length === 0) throw new Error('at least one token signature algorithm must be allowed');
  const refused = algorithms.filter((alg) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg));
  if (refused.length > 0) {
    throw new Error(`token algorithms must be asymmetric (${ASYMMETRIC_ALGORITHMS.join(', ')}); refused: ${refused.join(', ')}`);
  }
  return algorithms;
}
