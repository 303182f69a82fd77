import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, PUBLIC_KEY_FILE, SIGNING_KEY_FILE } from './data-dir-signing-key';

describe('signing key in the data directory', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'imera-keys-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates a key pair on first use, readable by the owner only', async () => {
    const first = await loadOrCreateSigningKey(dataDir);
    expect(first.created).toBe(true);
    expect(first.path).toBe(join(dataDir, 'keys', SIGNING_KEY_FILE));
    expect(mode(first.path)).toBe(0o600);
    expect(mode(join(dataDir, 'keys', PUBLIC_KEY_FILE))).toBe(0o600);
    expect(mode(join(dataDir, 'keys'))).toBe(0o700);
    expect(readFileSync(first.path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(readFileSync(join(dataDir, 'keys', PUBLIC_KEY_FILE), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('keeps the same key across restarts', async () => {
    const first = await loadOrCreateSigningKey(dataDir);
    const second = await loadOrCreateSigningKey(dataDir);
    expect(second.created).toBe(false);
    expect(second.key.keyId).toBe(first.key.keyId);
  });

  it('gives processes starting together one and the same key', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSigningKey(dataDir)));
    expect(new Set(all.map((loaded) => loaded.key.keyId)).size).toBe(1);
    expect(all.filter((loaded) => loaded.created)).toHaveLength(1);
  });

  it('refuses a key file other users can read', async () => {
    const { path } = await loadOrCreateSigningKey(dataDir);
    chmodSync(path, 0o644);
    await expect(loadOrCreateSigningKey(dataDir)).rejects.toThrow(/readable by other users.*chmod 600/);
  });
});
