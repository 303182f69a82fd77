import { JwksKeySource, loadOrCreateSigningKey, StaticKeySource, TokenVerifier, VerificationKeySource } from '@imera/auth';
import { Clock } from '@imera/event-sourcing';
import { AuthConfig } from './auth-config';

/** Builds the verifier the configuration asks for; the embedded default creates its key on first use. */
export async function openTokenVerifier(config: AuthConfig, clock: Clock): Promise<{ verifier: TokenVerifier; detail: string }> {
  const { source, detail } = await openKeySource(config);
  return { verifier: new TokenVerifier(source, config.tokens, clock), detail };
}

async function openKeySource(config: AuthConfig): Promise<{ source: VerificationKeySource; detail: string }> {
  switch (config.keys.kind) {
    case 'jwks': {
      const source = new JwksKeySource(config.keys.url);
      return { source, detail: source.description };
    }
    case 'public-key': {
      const source = StaticKeySource.fromConfiguredKey(config.keys.key);
      return { source, detail: source.description };
    }
    case 'data-dir': {
      const { key, path, created } = await loadOrCreateSigningKey(config.keys.dataDir);
      const source = StaticKeySource.forSigningKey(key, `signing key ${path}`);
      return { source, detail: `${created ? 'created ' : ''}${source.description}` };
    }
  }
}
