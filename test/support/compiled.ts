import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Compiles the project into a private directory so a test can spawn real child processes (the crash
 * tests, the all-in-one system) without racing other builds over dist/. The directory sits inside the
 * project so the compiled code resolves node_modules.
 */
export function buildToTemp(): string {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = mkdtempSync(join(root, '.tmp', 'build-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build.js'), '--out', out], { stdio: 'pipe' });
  return out;
}
