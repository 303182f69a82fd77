import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Compiles the project into a private directory so a test can spawn real child processes (the crash
 * tests, the all-in-one system) without racing other builds over dist/.
 */
export function buildToTemp(): string {
  const out = mkdtempSync(join(tmpdir(), 'imera-build-'));
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.js'), '--out', out], { stdio: 'pipe' });
  return out;
}
