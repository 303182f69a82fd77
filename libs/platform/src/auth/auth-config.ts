import { checkAsymmetricAlgorithms, DEFAULT_TOKEN_SETTINGS, parseDurationSeconds, TokenSettings } from '@imera/auth';
import { readFileSync } from 'node:fs';

/** Where the keys that verify tokens come from. */
export type AuthKeySource =
  /** Embedded default: a key pair generated in `$DATA_DIR/keys/` on first use; the token CLI signs with it. */
  | { readonly kind: 'data-dir'; readonly dataDir: string }
  /** Production: the identity provider's public key (PEM or JWK). */
  | { readonly kind: 'public-key'; readonly key: string }
  /** Production: the identity provider's key set, fetched and refreshed. */
  | { readonly kind: 'jwks'; readonly url: URL };

export interface AuthConfig {
  readonly keys: AuthKeySource;
  readonly tokens: TokenSettings;
}

/**
 * Reads the AUTH_* variables. Without AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_PUBLIC_KEY_FILE the system uses
 * its own key in the data directory. Issuer, audience and time limits fall back to DEFAULT_TOKEN_SETTINGS.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, dataDir: string): AuthConfig {
  return { keys: keySource(env, dataDir), tokens: tokenSettings(env) };
}

function keySource(env: NodeJS.ProcessEnv, dataDir: string): AuthKeySource {
  const jwksUrl = nonEmpty(env.AUTH_JWKS_URL);
  const keyFile = nonEmpty(env.AUTH_PUBLIC_KEY_FILE);
  const key = nonEmpty(env.AUTH_PUBLIC_KEY) ?? (keyFile ? readFileSync(keyFile, 'utf8') : undefined);
  const configured = [jwksUrl && 'AUTH_JWKS_URL', env.AUTH_PUBLIC_KEY?.trim() && 'AUTH_PUBLIC_KEY', keyFile && 'AUTH_PUBLIC_KEY_FILE'];
  const set = configured.filter(Boolean);
  if (set.length > 1) throw new Error(`set only one of ${set.join(', ')}`);
  if (jwksUrl) return { kind: 'jwks', url: parseUrl(jwksUrl) };
  if (key) return { kind: 'public-key', key };
  return { kind: 'data-dir', dataDir };
}

function tokenSettings(env: NodeJS.ProcessEnv): TokenSettings {
  const defaults = DEFAULT_TOKEN_SETTINGS;
  const algorithms = nonEmpty(env.AUTH_ALGORITHMS)?.split(',').map((alg) => alg.trim());
  return {
    issuer: nonEmpty(env.AUTH_ISSUER) ?? defaults.issuer,
    audience: nonEmpty(env.AUTH_AUDIENCE) ?? defaults.audience,
    algorithms: algorithms ? checkAsymmetricAlgorithms(algorithms) : defaults.algorithms,
    clockToleranceSeconds: seconds(env, 'AUTH_CLOCK_TOLERANCE', defaults.clockToleranceSeconds),
    maxTokenAgeSeconds: seconds(env, 'AUTH_MAX_TOKEN_AGE', defaults.maxTokenAgeSeconds),
    cacheSize: count(env, 'AUTH_TOKEN_CACHE_SIZE', defaults.cacheSize),
    cacheTtlSeconds: seconds(env, 'AUTH_TOKEN_CACHE_TTL', defaults.cacheTtlSeconds),
  };
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonEmpty(env[name]);
  if (value === undefined) return fallback;
  if (value === '0s' || value === '0') return 0;
  try {
    return parseDurationSeconds(value);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`);
  }
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonEmpty(env[name]);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return parsed;
}

function parseUrl(value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`AUTH_JWKS_URL is not a URL: "${value}"`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}
