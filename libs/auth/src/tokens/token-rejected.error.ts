/** Why a token was refused. The guard turns these into 401 bodies (503 for an unreachable key source). */
export type TokenRejectionReason =
  | 'token-missing'
  | 'token-malformed'
  | 'algorithm-not-allowed'
  | 'signing-key-unknown'
  | 'signature-invalid'
  | 'token-expired'
  | 'token-not-yet-valid'
  | 'issuer-mismatch'
  | 'audience-mismatch'
  | 'claims-invalid'
  | 'key-source-unavailable';

/** A refused token. The message says why and never contains the token itself. */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
  constructor(
    readonly reason: TokenRejectionReason,
    message: string,
  ) {
    super(message);
  }
}
