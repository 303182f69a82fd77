import { ManualClock } from '@imera/event-sourcing';
import { memberStateCode } from '@imera/reference-data';
import { exportJWK, exportSPKI, SignJWT } from 'jose';
import { generateSigningKey, SigningKey } from '../keys/signing-key';
import { StaticKeySource } from '../keys/static-key-source.adapter';
import { Principal } from '../roles/principal';
import { TokenIssuer } from './token-issuer';
import { TokenRejectionReason } from './token-rejected.error';
import { DEFAULT_TOKEN_SETTINGS, TokenSettings } from './token-settings';
import { TokenVerifier } from './token-verifier';

const settings: TokenSettings = { ...DEFAULT_TOKEN_SETTINGS, issuer: 'imera-test', audience: 'imera', clockToleranceSeconds: 30 };
const desk: Principal = { subject: 'desk-de', role: 'member-state-authority', memberState: memberStateCode('DE') };
const start = '2026-06-01T08:00:00Z';

let key: SigningKey;
let otherKey: SigningKey;
beforeAll(async () => {
  [key, otherKey] = await Promise.all([generateSigningKey(), generateSigningKey()]);
});

function setup(overrides: Partial<TokenSettings> = {}) {
  const clock = new ManualClock(start);
  const verifier = new TokenVerifier(StaticKeySource.forSigningKey(key, 'test key'), { ...settings, ...overrides }, clock);
  const issuer = new TokenIssuer(key, settings, clock);
  return { clock, verifier, issuer };
}

async function reasonFor(verifier: TokenVerifier, token: string | undefined): Promise<TokenRejectionReason | 'accepted'> {
  try {
    await verifier.verify(token);
    return 'accepted';
  } catch (error) {
    return (error as { reason: TokenRejectionReason }).reason;
  }
}

/** Signs arbitrary claims, as a misconfigured or hostile issuer could. */
function craft(claims: Record<string, unknown>, at = Date.parse(start) / 1000, alg = 'ES256') {
  return new SignJWT({ sub: 'desk-de', role: 'crisis-cell', ...claims })
    .setProtectedHeader({ alg, kid: key.keyId })
    .setIssuer('imera-test')
    .setAudience('imera')
    .setIssuedAt(at)
    .setExpirationTime(at + 3600);
}

describe('issuing and verifying tokens', () => {
  it('accepts a token it issued and returns the principal, token id and expiry', async () => {
    const { verifier, issuer } = setup();
    const issued = await issuer.issue(desk, 8 * 3600);
    const verified = await verifier.verify(issued.token);
    expect(verified.principal).toEqual(desk);
    expect(verified.tokenId).toBe(issued.tokenId);
    expect(verified.expiresAt.toISOString()).toBe('2026-06-01T16:00:00.000Z');
  });

  it('refuses an expired token, whether or not it was verified before', async () => {
    const { clock, verifier, issuer } = setup();
    const { token } = await issuer.issue(desk, 3600);
    await verifier.verify(token);
    clock.advance((3600 + 31) * 1000);
    expect(await reasonFor(verifier, token)).toBe('token-expired');
    const fresh = setup();
    fresh.clock.advance((3600 + 31) * 1000);
    expect(await reasonFor(fresh.verifier, token)).toBe('token-expired');
  });

  it('tolerates the configured clock difference at the edges', async () => {
    const { clock, verifier, issuer } = setup();
    const { token } = await issuer.issue(desk, 3600);
    clock.advance((3600 + 29) * 1000);
    expect(await reasonFor(verifier, token)).toBe('accepted');
  });

  it('refuses a token that is not valid yet, or claims to be issued in the future', async () => {
    const { verifier } = setup();
    const now = Date.parse(start) / 1000;
    expect(await reasonFor(verifier, await craft({}).setNotBefore(now + 120).sign(key.privateKey))).toBe('token-not-yet-valid');
    expect(await reasonFor(verifier, await craft({}, now + 600).sign(key.privateKey))).toBe('token-not-yet-valid');
  });

  it('refuses a token older than the maximum token age even if exp is far away', async () => {
    const { clock, verifier } = setup({ maxTokenAgeSeconds: 3600 });
    const token = await craft({}).setExpirationTime('30d').sign(key.privateKey);
    clock.advance(2 * 3600 * 1000);
    expect(await reasonFor(verifier, token)).toBe('token-expired');
  });

  it('refuses a forged token: signed by another key under our key id, or under its own', async () => {
    const { verifier } = setup();
    expect(await reasonFor(verifier, await craft({}).sign(otherKey.privateKey))).toBe('signature-invalid');
    const foreign = await new TokenIssuer(otherKey, settings, new ManualClock(start)).issue(desk, 3600);
    expect(await reasonFor(verifier, foreign.token)).toBe('signing-key-unknown');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const { verifier, issuer } = setup();
    const [header, , signature] = (await issuer.issue(desk, 3600)).token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'desk-de', role: 'crisis-cell', iss: 'imera-test', aud: 'imera' })).toString('base64url');
    expect(await reasonFor(verifier, `${header}.${payload}.${signature}`)).toBe('signature-invalid');
  });

  it('refuses the wrong issuer and the wrong audience', async () => {
    const { verifier } = setup();
    expect(await reasonFor(verifier, await craft({}).setIssuer('someone-else').sign(key.privateKey))).toBe('issuer-mismatch');
    expect(await reasonFor(verifier, await craft({}).setAudience('other-system').sign(key.privateKey))).toBe('audience-mismatch');
  });

  it('refuses unsigned, shared-secret and garbage tokens', async () => {
    const { verifier } = setup();
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none' })}.${part({ sub: 'x', role: 'crisis-cell', iss: 'imera-test', aud: 'imera' })}.`;
    expect(await reasonFor(verifier, unsigned)).toBe('algorithm-not-allowed');
    const hmac = await craft({}, undefined, 'HS256').sign(new Uint8Array(32));
    expect(await reasonFor(verifier, hmac)).toBe('algorithm-not-allowed');
    expect(await reasonFor(verifier, 'not-a-token')).toBe('token-malformed');
    expect(await reasonFor(verifier, 'x'.repeat(9000))).toBe('token-malformed');
    expect(await reasonFor(verifier, undefined)).toBe('token-missing');
  });

  it('refuses well-signed tokens with malformed role claims, with the problem in the message', async () => {
    const { verifier } = setup();
    const token = await craft({ role: 'member-state-authority', member_state: 'GR' }).sign(key.privateKey);
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'claims-invalid', message: expect.stringMatching(/EL/) });
    const noExpiry = await new SignJWT({ sub: 'a', role: 'crisis-cell' })
      .setProtectedHeader({ alg: 'ES256' }).setIssuer('imera-test').setAudience('imera').setIssuedAt(Date.parse(start) / 1000)
      .sign(key.privateKey);
    await expect(verifier.verify(noExpiry)).rejects.toMatchObject({ reason: 'claims-invalid', message: expect.stringMatching(/"exp"/) });
  });

  it('never puts the token in a rejection message', async () => {
    const { clock, verifier, issuer } = setup();
    const { token } = await issuer.issue(desk, 60);
    clock.advance(600_000);
    const error = await verifier.verify(token).catch((caught: Error) => caught);
    expect(String((error as Error).message)).not.toContain(token.split('.')[2]);
  });

  it('refuses to issue invalid principals or lifetimes beyond the maximum token age', async () => {
    const { issuer } = setup();
    const greece = { subject: 'x', role: 'member-state-authority', memberState: 'GR' } as unknown as Principal;
    await expect(issuer.issue(greece, 60)).rejects.toThrow(/EL/);
    await expect(issuer.issue(desk, 25 * 3600)).rejects.toThrow(/at most 1d/);
    await expect(issuer.issue(desk, 0)).rejects.toThrow(/above zero/);
  });

  it('refuses a configuration that accepts symmetric or unsigned algorithms', () => {
    const source = StaticKeySource.forSigningKey(key, 'k');
    expect(() => new TokenVerifier(source, { ...settings, algorithms: ['ES256', 'HS256'] })).toThrow(/refused: HS256/);
    expect(() => new TokenVerifier(source, { ...settings, algorithms: ['none'] })).toThrow(/asymmetric/);
  });
});

describe('configured public keys', () => {
  it('verify tokens with a PEM public key or a public JWK', async () => {
    const { issuer } = setup();
    const { token } = await issuer.issue(desk, 3600);
    const clock = new ManualClock(start);
    for (const text of [await exportSPKI(key.publicKey), JSON.stringify(await exportJWK(key.publicKey))]) {
      const verifier = new TokenVerifier(StaticKeySource.fromConfiguredKey(text), settings, clock);
      expect((await verifier.verify(token)).principal).toEqual(desk);
      expect(await reasonFor(verifier, await craft({}).sign(otherKey.privateKey))).toBe('signature-invalid');
    }
  });

  it('refuse private keys and text that is no key', async () => {
    const privateJwk = JSON.stringify(await exportJWK(key.privateKey));
    expect(() => StaticKeySource.fromConfiguredKey(privateJwk)).toThrow(/private key/);
    expect(() => StaticKeySource.fromConfiguredKey('secret')).toThrow(/neither a PEM public key nor a JWK/);
  });
});
