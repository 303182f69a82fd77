import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

/** The build copies `web/` next to the compiled code, so this holds in both the sources and dist/. */
export const WEB_DIR = join(__dirname, '..', '..', 'web');

/** Where the page finds the libraries it imports by name (an import map resolves the bare names). */
export const ASSETS_PATH = '/dashboard/';
/** `module` names the ES-module build beside the file a package resolves to, when that is not it. */
const VENDOR: Readonly<Record<string, { readonly file: string; readonly resolve: string; readonly module?: string }>> = {
  preact: { file: 'vendor/preact.mjs', resolve: 'preact' },
  'preact/hooks': { file: 'vendor/preact-hooks.mjs', resolve: 'preact/hooks' },
  htm: { file: 'vendor/htm.mjs', resolve: 'htm', module: 'htm.mjs' },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

export interface DashboardPage extends Asset {
  readonly contentSecurityPolicy: string;
}

/**
 * The dashboard's files, read once at start: the page, its scripts and styles, and the view library from
 * node_modules. Only these are served, by exact name, so no request path ever reaches the file system.
 */
export class DashboardAssets {
  private constructor(private readonly files: ReadonlyMap<string, Asset>, readonly page: DashboardPage) {}

  static load(webDir = WEB_DIR): DashboardAssets {
    const files = new Map<string, Asset>();
    for (const path of walk(webDir)) {
      const type = CONTENT_TYPES[extname(path)];
      const name = relative(webDir, path).split(sep).join('/');
      if (type && name !== 'index.html') files.set(name, asset(readFileSync(path), type));
    }
    for (const { file, resolve, module } of Object.values(VENDOR)) {
      const resolved = require.resolve(resolve);
      files.set(file, asset(readFileSync(module ? join(dirname(resolved), module) : resolved), CONTENT_TYPES['.mjs']));
    }
    return new DashboardAssets(files, pageFrom(readFileSync(join(webDir, 'index.html'), 'utf8')));
  }

  /** A file by its name under `/dashboard/`, or undefined. */
  get(name: string): Asset | undefined {
    return this.files.get(name);
  }

  get names(): readonly string[] {
    return [...this.files.keys()];
  }
}

/** Inserts the import map and allows exactly that inline script by its hash; nothing else inline runs. */
function pageFrom(template: string): DashboardPage {
  const imports = Object.fromEntries(Object.entries(VENDOR).map(([name, { file }]) => [name, `${ASSETS_PATH}${file}`]));
  const importMap = JSON.stringify({ imports });
  const html = template.replace('<!-- import-map -->', `<script type="importmap">${importMap}</script>`);
  if (html === template) throw new Error('web/index.html lacks the <!-- import-map --> placeholder');
  const hash = createHash('sha256').update(importMap).digest('base64');
  return { ...asset(Buffer.from(html), CONTENT_TYPES['.html']), contentSecurityPolicy: contentSecurityPolicy(hash) };
}

function contentSecurityPolicy(importMapHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'sha256-${importMapHash}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function asset(body: Buffer, contentType: string): Asset {
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

