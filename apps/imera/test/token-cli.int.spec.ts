import { DEFAULT_TOKEN_SETTINGS, loadOrCreateSigningKey, StaticKeySource, TokenVerifier } from '@imera/auth';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToTemp } from '../../../test/support/compiled';

describe('token CLI (compiled)', () => {
  let buildDir: string;
  let dataDir: string;
  const token = (...args: string[]) =>
    spawnSync(process.execPath, [join(buildDir, 'scripts', 'token.js'), ...args], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir },
      encoding: 'utf8',
    });

  beforeAll(() => {
    buildDir = buildToTemp();
    dataDir = mkdtempSync(join(tmpdir(), 'imera-token-cli-'));
  });
  afterAll(() => {
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the data-dir key on first use and prints a token the system accepts', async () => {
    const run = token('--role', 'member-state-authority', '--member-state', 'EL', '--subject', 'ypen-desk', '--ttl', '2h');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/created a new signing key/);
    expect(statSync(join(dataDir, 'keys', 'token-signing-key.pem')).mode & 0o777).toBe(0o600);
    const printed = run.stdout.trim();
    expect(printed.split('.')).toHaveLength(3);

    const { key } = await loadOrCreateSigningKey(dataDir);
    const verifier = new TokenVerifier(StaticKeySource.forSigningKey(key, 'data dir'), DEFAULT_TOKEN_SETTINGS);
    const verified = await verifier.verify(printed);
    expect(verified.principal).toEqual({ subject: 'ypen-desk', role: 'member-state-authority', memberState: 'EL' });
    expect(verified.expiresAt.getTime() - verified.issuedAt.getTime()).toBe(2 * 3600 * 1000);
  }, 60_000);

  it('reuses the existing key', () => {
    const run = token('--role', 'crisis-cell');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/created/);
  });

  it('refuses invalid bindings and lifetimes with the reason, printing no token', () => {
    const cases: [string[], RegExp][] = [
      [['--role', 'member-state-authority', '--member-state', 'GR'], /--member-state.*EU code for Greece is EL/],
      [['--role', 'member-state-authority'], /needs a valid --member-state/],
      [['--role', 'crisis-cell', '--operator', 'op-1'], /must not carry --operator/],
      [['--role', 'economic-operator'], /needs an --operator/],
      [['--role', 'root'], /Allowed choices are member-state-authority/],
      [['--role', 'crisis-cell', '--ttl', '30d'], /at most 1d/],
      [['--role', 'crisis-cell', '--ttl', 'forever'], /not a duration/],
    ];
    for (const [args, reason] of cases) {
      const run = token(...args);
      expect({ args, status: run.status, stdout: run.stdout }).toEqual({ args, status: 1, stdout: '' });
      expect(run.stderr).toMatch(reason);
    }
  });
});
