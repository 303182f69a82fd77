import { ManualClock } from '@imera/event-sourcing';
import { exportJWK } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { TokenIssuer } from '../tokens/token-issuer';
import { DEFAULT_TOKEN_SETTINGS } from '../tokens/token-settings';
import { TokenVerifier } from '../tokens/token-verifier';
import { JwksKeySource } from './jwks-key-source.adapter';
import { generateSigningKey, SigningKey } from './signing-key';

/** A stand-in identity provider publishing a key set on 127.0.0.1. */
async function serveJwks(keys: SigningKey[]): Promise<{ server: Server; url: URL; requests: () => number }> {
  let requests = 0;
  const jwks = { keys: await Promise.all(keys.map(async (key) => ({ ...(await exportJWK(key.publicKey)), kid: key.keyId, alg: 'ES256', use: 'sig' }))) };
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: new URL(`http://127.0.0.1:${port}/jwks.json`), requests: () => requests };
}

describe('keys from a JWKS endpoint', () => {
  const clock = new ManualClock('2026-06-01T08:00:00Z');
  const settings = { ...DEFAULT_TOKEN_SETTINGS, cacheSize: 0 };
  let published: SigningKey;
  let unpublished: SigningKey;
  beforeAll(async () => {
    [published, unpublished] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  });

  it('verifies tokens signed by a published key, fetching the set once', async () => {
    const idp = await serveJwks([published]);
    try {
      const verifier = new TokenVerifier(new JwksKeySource(idp.url), settings, clock);
      const issuer = new TokenIssuer(published, settings, clock);
      for (const subject of ['a', 'b', 'c']) {
        const { token } = await issuer.issue({ subject, role: 'commission-analyst' }, 600);
        expect((await verifier.verify(token)).principal.subject).toBe(subject);
      }
      expect(idp.requests()).toBe(1);
      const stranger = await new TokenIssuer(unpublished, settings, clock).issue({ subject: 'x', role: 'crisis-cell' }, 600);
      await expect(verifier.verify(stranger.token)).rejects.toMatchObject({ reason: 'signing-key-unknown' });
    } finally {
      idp.server.close();
    }
  });

  it('says the key source is unavailable when the endpoint cannot be reached', async () => {
    const idp = await serveJwks([published]);
    await new Promise((resolve) => idp.server.close(resolve));
    const verifier = new TokenVerifier(new JwksKeySource(idp.url), settings, clock);
    const { token } = await new TokenIssuer(published, settings, clock).issue({ subject: 'a', role: 'crisis-cell' }, 600);
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'key-source-unavailable' });
  });

  it('insists on https for anything but this machine', () => {
    expect(() => new JwksKeySource(new URL('http://idp.example.eu/jwks'))).toThrow(/https/);
  });
});
