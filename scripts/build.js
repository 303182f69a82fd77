#!/usr/bin/env node
// Compiles apps/ and libs/ (and the CLIs under scripts/ and bench/, with the test/support/ helpers the bench
// shares with the tests) to dist/ with swc, rewriting the @imera/* path aliases to relative imports. Type checking is `npm run typecheck`, run by `npm test`.
const { transformFileSync } = require('@swc/core');
const { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync, copyFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
// `--out <dir>` builds elsewhere (tests that spawn compiled children use a private directory).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? require('node:path').resolve(process.argv[outFlag + 1]) : join(root, 'dist');
const sourceDirs = ['apps', 'libs', 'scripts', 'bench', 'config', 'test/support'];
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { paths } = require(join(root, 'tsconfig.base.json')).compilerOptions;
const isSpec = (file) => /\.spec\.ts$/.test(file);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(path);
    } else yield path;
  }
}

rmSync(out, { recursive: true, force: true });
let count = 0;
for (const top of sourceDirs) {
  const dir = join(root, top);
  if (!statSync(dir, { throwIfNoEntry: false })) continue;
  for (const file of walk(dir)) {
    const target = join(out, relative(root, file));
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !isSpec(file)) {
      const { code, map } = transformFileSync(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        jsc: { ...swcrc.jsc, baseUrl: root, paths },
        sourceMaps: true,
      });
      const js = target.replace(/\.ts$/, '.js');
      mkdirSync(dirname(js), { recursive: true });
      writeFileSync(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
      writeFileSync(`${js}.map`, map);
      count++;
    } else if (/\.(json|html|css|svg|js)$/.test(file) && !file.startsWith(join(root, 'scripts', 'build.js'))) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  }
}
process.stdout.write(`built ${count} files into ${out}\n`);
