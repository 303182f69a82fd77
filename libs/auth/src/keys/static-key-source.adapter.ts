import type { CryptoKey, JWK, JWSHeaderParameters } from 'jose';
import { importJWK, importSPKI } from 'jose';
import { TokenRejectedError } from '../tokens/token-rejected.error';
import { SigningKey } from './signing-key';
import { VerificationKeySource } from './verification-key-source.port';

/** Trusts exactly one public key, imported once per algorithm and kept. */
export class StaticKeySource implements VerificationKeySource {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  private constructor(
    readonly description: string,
    private readonly importKey: (alg: string) => Promise<CryptoKey>,
    /** When set, a token naming another `kid` is refused as signed by an unknown key. */
    private readonly keyId?: string,
  ) {}

  /** The data directory's own key: tokens it issued carry its key id. */
  static forSigningKey(key: SigningKey, where: string): StaticKeySource {
    const source = new StaticKeySource(`${where} (kid ${key.keyId})`, async () => key.publicKey, key.keyId);
    source.imported.set(key.algorithm, Promise.resolve(key.publicKey));
    return source;
  }

  /** A public key from configuration: an SPKI PEM block or a JWK in JSON. */
  static fromConfiguredKey(text: string): StaticKeySource {
    const trimmed = text.trim();
    if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
      return new StaticKeySource('configured public key (PEM)', (alg) => importSPKI(trimmed, alg));
    }
    const jwk = parseJwk(trimmed);
    return new StaticKeySource(`configured public key (JWK${jwk.kid ? ` ${jwk.kid}` : ''})`, async (alg) => {
      return (await importJWK(jwk, jwk.alg ?? alg)) as CryptoKey;
    });
  }

  async keyFor(header: JWSHeaderParameters): Promise<CryptoKey> {
    if (this.keyId !== undefined && header.kid !== undefined && header.kid !== this.keyId) {
      throw new TokenRejectedError('signing-key-unknown', 'the token is signed by a key this system does not trust');
    }
    const alg = header.alg ?? '';
    let key = this.imported.get(alg);
    if (!key) {
      key = this.importKey(alg);
      this.imported.set(alg, key);
      key.catch(() => this.imported.delete(alg));
    }
    return key;
  }
}

function parseJwk(text: string): JWK {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new Error('the configured public key is neither a PEM public key nor a JWK in JSON');
  }
  if (typeof jwk !== 'object' || jwk === null || typeof (jwk as JWK).kty !== 'string') {
    throw new Error('the configured JWK has no "kty"');
  }
  if ('d' in jwk) throw new Error('the configured JWK is a private key; configure the public key only');
  return jwk as JWK;
}
