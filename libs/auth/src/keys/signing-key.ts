import type { CryptoKey } from 'jose';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importJWK, importPKCS8 } from 'jose';
import { EMBEDDED_SIGNING_ALGORITHM } from './algorithms';

/** A key pair that signs tokens, with the key id (`kid`) tokens name it by. */
export interface SigningKey {
  readonly algorithm: string;
  /** RFC 7638 thumbprint of the public key. */
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

export async function generateSigningKey(algorithm = EMBEDDED_SIGNING_ALGORITHM): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  return withKeyId(algorithm, privateKey, publicKey);
}

/** Reads a PKCS#8 PEM private key and derives its public half. */
export async function signingKeyFromPem(pkcs8Pem: string, algorithm = EMBEDDED_SIGNING_ALGORITHM): Promise<SigningKey> {
  const privateKey = await importPKCS8(pkcs8Pem, algorithm, { extractable: true });
  const { d: _private, ...publicJwk } = await exportJWK(privateKey);
  const publicKey = (await importJWK({ ...publicJwk, ext: true }, algorithm)) as CryptoKey;
  return withKeyId(algorithm, privateKey, publicKey);
}

export async function signingKeyToPem(key: SigningKey): Promise<{ privatePem: string; publicPem: string }> {
  return { privatePem: await exportPKCS8(key.privateKey), publicPem: await exportSPKI(key.publicKey) };
}

async function withKeyId(algorithm: string, privateKey: CryptoKey, publicKey: CryptoKey): Promise<SigningKey> {
  const keyId = await calculateJwkThumbprint(await exportJWK(publicKey));
  return Object.freeze({ algorithm, keyId, privateKey, publicKey });
}
