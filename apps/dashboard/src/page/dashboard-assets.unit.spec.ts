import { createHash } from 'node:crypto';
import { DashboardAssets } from './dashboard-assets';

describe('the dashboard files', () => {
  const assets = DashboardAssets.load();

  it('serves the page with the import map it needs, and lets only that inline script run', () => {
    const html = assets.page.body.toString('utf8');
    const importMap = /<script type="importmap">(.*?)<\/script>/.exec(html)![1];
    expect(JSON.parse(importMap).imports).toEqual({ preact: '/dashboard/vendor/preact.mjs', 'preact/hooks': '/dashboard/vendor/preact-hooks.mjs', htm: '/dashboard/vendor/htm.mjs' });
    const hash = createHash('sha256').update(importMap).digest('base64');
    expect(assets.page.contentSecurityPolicy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(assets.page.contentSecurityPolicy).toContain("default-src 'none'");
    expect(assets.page.contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('holds every module the page and the import map name, as JavaScript', () => {
    for (const name of ['main.js', 'views/app.js', 'live/live-stream.js', 'dashboard.css', 'vendor/preact.mjs', 'vendor/preact-hooks.mjs', 'vendor/htm.mjs']) {
      expect(assets.get(name)).toBeDefined();
    }
    expect(assets.get('main.js')!.contentType).toBe('text/javascript; charset=utf-8');
    expect(assets.get('vendor/htm.mjs')!.body.toString('utf8')).toContain('export');
  });

  it('serves nothing but those files', () => {
    for (const name of ['../package.json', 'tsconfig.json', 'index.html', '', 'vendor/../../dashboard.module.js']) expect(assets.get(name)).toBeUndefined();
    expect(assets.names.every((name) => /\.(js|mjs|css|svg)$/.test(name))).toBe(true);
  });

  it('tags each file by its content, so a changed file is fetched again', () => {
    const etags = new Set(assets.names.map((name) => assets.get(name)!.etag));
    expect(etags.size).toBe(assets.names.length);
  });
});
