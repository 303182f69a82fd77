import { DEFAULT_TOKEN_SETTINGS } from '@imera/auth';
import { loadAuthConfig } from './auth-config';

describe('auth configuration', () => {
  it('defaults to the key in the data directory and the default token settings', () => {
    expect(loadAuthConfig({}, '/srv/imera')).toEqual({
      keys: { kind: 'data-dir', dataDir: '/srv/imera' },
      tokens: DEFAULT_TOKEN_SETTINGS,
    });
  });

  it('reads a JWKS URL or a public key, and refuses both at once', () => {
    expect(loadAuthConfig({ AUTH_JWKS_URL: 'https://idp.example.eu/jwks' }, '/d').keys).toEqual({
      kind: 'jwks',
      url: new URL('https://idp.example.eu/jwks'),
    });
    expect(loadAuthConfig({ AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA' }, '/d').keys.kind).toBe('public-key');
    expect(() => loadAuthConfig({ AUTH_JWKS_URL: 'https://idp.example.eu/jwks', AUTH_PUBLIC_KEY: 'x' }, '/d')).toThrow(
      /only one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY/,
    );
    expect(() => loadAuthConfig({ AUTH_JWKS_URL: 'idp/jwks' }, '/d')).toThrow(/not a URL/);
  });

  it('reads issuer, audience, algorithms and limits', () => {
    const { tokens } = loadAuthConfig(
      {
        AUTH_ISSUER: 'https://idp.example.eu/realms/imera',
        AUTH_AUDIENCE: 'imera-api',
        AUTH_ALGORITHMS: 'ES256, RS256',
        AUTH_CLOCK_TOLERANCE: '0s',
        AUTH_MAX_TOKEN_AGE: '12h',
        AUTH_TOKEN_CACHE_SIZE: '0',
      },
      '/d',
    );
    expect(tokens).toMatchObject({
      issuer: 'https://idp.example.eu/realms/imera',
      audience: 'imera-api',
      algorithms: ['ES256', 'RS256'],
      clockToleranceSeconds: 0,
      maxTokenAgeSeconds: 12 * 3600,
      cacheSize: 0,
    });
  });

  it('refuses symmetric algorithms and unreadable limits, naming the variable', () => {
    expect(() => loadAuthConfig({ AUTH_ALGORITHMS: 'HS256' }, '/d')).toThrow(/asymmetric/);
    expect(() => loadAuthConfig({ AUTH_MAX_TOKEN_AGE: 'a day' }, '/d')).toThrow(/AUTH_MAX_TOKEN_AGE/);
    expect(() => loadAuthConfig({ AUTH_TOKEN_CACHE_SIZE: '-1' }, '/d')).toThrow(/AUTH_TOKEN_CACHE_SIZE/);
  });
});
