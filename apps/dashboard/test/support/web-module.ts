import { transformFileSync } from '@swc/core';
import { dirname, join, resolve } from 'node:path';
import { compileFunction } from 'node:vm';

const WEB_DIR = join(__dirname, '..', '..', 'web');
const cache = new Map<string, unknown>();

/**
 * Loads one of the dashboard's browser modules (plain ES modules, as the browser gets them) into a test:
 * compiled to CommonJS on the fly, with its imports loaded the same way. For the page's pure logic only;
 * the page as a whole is tested in a browser.
 */
export function webModule<T>(path: string): T {
  return load(join(WEB_DIR, path)) as T;
}

function load(file: string): unknown {
  if (cache.has(file)) return cache.get(file);
  const { code } = transformFileSync(file, { swcrc: false, module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } } });
  const module = { exports: {} as Record<string, unknown> };
  cache.set(file, module.exports);
  const run = compileFunction(code, ['exports', 'require', 'module'], { filename: file });
  run(module.exports, (specifier: string) => load(specifier.startsWith('.') ? resolve(dirname(file), specifier) : require.resolve(specifier)), module);
  cache.set(file, module.exports);
  return module.exports;
}
