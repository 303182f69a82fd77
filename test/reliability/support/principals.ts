import { SignJWT, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { claimsForPrincipal, DEFAULT_TOKEN_SETTINGS, loadOrCreateSigningKey, Principal, Role } from '@imera/auth';
import { analyst, councilSecretariat, crisisCell, memberState, operatorPrincipal } from '../../support/tokens';

/** One kind of caller in the matrix: a principal in a role, bound to a Member State, operator or exercise. */
export interface Caller {
  readonly label: string;
  readonly principal: Principal;
}

export const exerciseRunner = (exerciseId?: string): Principal =>
  ({ role: 'exercise-runner', subject: `exercise-runner-${exerciseId ?? 'any'}`, ...(exerciseId ? { exerciseId } : {}) }) as Principal;

/** Every role, and for bound roles more than one binding, so Member-State and operator rules show. */
export const CALLERS: readonly Caller[] = [
  { label: 'authority DE', principal: memberState('DE') },
  { label: 'authority FR', principal: memberState('FR') },
  { label: 'authority IT', principal: memberState('IT') },
  { label: 'commission analyst', principal: analyst },
  { label: 'crisis cell', principal: crisisCell },
  { label: 'council secretariat', principal: councilSecretariat },
  { label: 'operator DE-magnets-0042', principal: operatorPrincipal('DE-magnets-0042') },
  { label: 'operator FR-magnets-0007', principal: operatorPrincipal('FR-magnets-0007') },
  { label: 'exercise runner (exercise ex-2026-1)', principal: exerciseRunner('ex-2026-1') },
  { label: 'exercise runner (any exercise)', principal: exerciseRunner() },
];

export const ALL_ROLES: readonly Role[] = [...new Set(CALLERS.map((caller) => caller.principal.role))];

/** Tokens the system must refuse with 401, and the reason it must give. */
export interface BadToken {
  readonly label: string;
  readonly token: string;
  readonly reason: string;
}

/** Forged, expired and misdirected tokens for a data directory's key, all for a principal that would otherwise pass. */
export async function badTokens(dataDir: string, now: Date): Promise<BadToken[]> {
  const { key } = await loadOrCreateSigningKey(dataDir);
  const other = await generateKeyPair('ES256');
  const seconds = Math.floor(now.getTime() / 1000);
  const claims = claimsForPrincipal(crisisCell);
  const settings = DEFAULT_TOKEN_SETTINGS;
  const sign = (build: (jwt: SignJWT) => SignJWT, signingKey: CryptoKey = key.privateKey, kid = key.keyId) =>
    build(new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).setSubject(crisisCell.subject)).sign(signingKey);
  const valid = (jwt: SignJWT) => jwt.setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt(seconds).setExpirationTime(seconds + 600);
  const good = await sign(valid);
  const [header, , signature] = good.split('.');
  const escalated = Buffer.from(JSON.stringify({ ...decodePayload(good), role: 'crisis-cell', sub: 'intruder' })).toString('base64url');
  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${good.split('.')[1]}.`;
  return [
    { label: 'expired', reason: 'token-expired', token: await sign((jwt) => jwt.setIssuer(settings.issuer).setAudience(settings.audience).setIssuedAt(seconds - 7200).setExpirationTime(seconds - 3600)) },
    { label: 'not yet valid', reason: 'token-not-yet-valid', token: await sign((jwt) => valid(jwt).setNotBefore(seconds + 3600)) },
    { label: 'signed by another key under our key id', reason: 'signature-invalid', token: await sign(valid, other.privateKey) },
    { label: 'signed by an unknown key', reason: 'signing-key-unknown', token: await sign(valid, other.privateKey, 'unknown-key') },
    { label: 'wrong audience', reason: 'audience-mismatch', token: await sign((jwt) => valid(jwt).setAudience('another-system')) },
    { label: 'wrong issuer', reason: 'issuer-mismatch', token: await sign((jwt) => valid(jwt).setIssuer('https://idp.example.org')) },
    { label: 'payload altered after signing', reason: 'signature-invalid', token: `${header}.${escalated}.${signature}` },
    { label: 'unsigned (alg none)', reason: 'token-malformed|algorithm-not-allowed', token: unsigned },
    { label: 'not a JWT', reason: 'token-malformed', token: 'not-a-token' },
  ];
}

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
