/**
 * Deploying anywhere: a production build refuses a localhost site; a build writes
 * nginx.conf and vercel.json from `_headers` and the redirects file, and prints what
 * the site weighs against each host's limits; Debian's nginx serving the built folder
 * with that snippet sends the headers, real 301 redirects, the 404 page and permalinks.
 * A bare `astro build` finishes the same site as `npm run build`'s command.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getHeadersFor, parseHeadersFile } from '../../src/lib/host-config';
import { buildSite, withoutNodeEnv } from '../support/build';
import { findNginx, startNginx } from '../support/nginx';

const story = mkdtempSync(join(tmpdir(), 'timeline-hosts-'));
const events = join(story, 'events');
const redirects = join(story, 'redirects.json');
cpSync('tests/fixtures/awkward', events, { recursive: true });
const OLD = '/events/2024-01-21-old-name/';
const NEW = '/events/2024-01-21-days-later/';
writeFileSync(redirects, JSON.stringify({ [OLD]: NEW }));
const cache = join(story, 'cache');

describe('a production build', () => {
  it('refuses a localhost SITE_URL unless it is a local preview', () => {
    const env: Record<string, string | undefined> = { ...withoutNodeEnv(process.env), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', TIMELINE_CONTENT_DIR: events };
    delete env['SITE_URL'];
    const refused = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', join(story, 'refused')], { encoding: 'utf8', env });
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toContain('SITE_URL is http://localhost:4321: every canonical link');
  });
});

describe('a build for other hosts', () => {
  let outDir = '';
  let output = '';
  beforeAll(() => {
    const built = buildSite(events, { TIMELINE_REDIRECTS: redirects, TIMELINE_CACHE_DIR: cache });
    expect(built.status, built.output).toBe(0);
    ({ outDir, output } = built);
  });

  it('keeps preview images and the content store in the cache folder it is given', () => {
    const images = readdirSync(join(cache, 'og')).filter((name) => name.endsWith('.png'));
    expect(images.length).toBe(readdirSync(join(outDir, 'og'), { recursive: true }).filter((name) => String(name).endsWith('.png')).length);
    expect(existsSync(join(cache, 'astro', 'data-store.json'))).toBe(true);
  });

  it('prints the site against each host limit', () => {
    expect(output).toMatch(/\d+ files, [\d.]+ [KM]iB; largest \/\S+/);
    for (const host of ['Cloudflare Pages', 'Cloudflare Workers static assets (paid)', 'Netlify', 'GitHub Pages']) expect(output).toContain(`${host}: fits (`);
  });

  it('writes vercel.json with the headers of _headers and the redirects as 301s', () => {
    const vercel = JSON.parse(readFileSync(join(outDir, 'vercel.json'), 'utf8')) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
      redirects: { source: string; destination: string; statusCode: number }[];
    };
    expect(vercel.redirects).toEqual([{ source: OLD, destination: NEW, statusCode: 301 }]);
    const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
    for (const { path } of rules) {
      const source = vercel.headers.find((rule) => new RegExp(`^${rule.source}$`).test(path.replace('*', 'x.js')));
      expect(source?.headers.map(({ key, value }) => [key, value]), path).toEqual(getHeadersFor(rules, path));
    }
    const astro = vercel.headers.find((rule) => rule.source.startsWith('/_astro/'));
    expect(astro?.headers).toContainEqual({ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' });
  });

  const nginx = findNginx();
  // Skipped on a machine without nginx, never in CI, where .ci/run installs it.
  it.runIf(nginx || process.env['CI'])('serves headers, 301 redirects, the 404 page and permalinks under nginx', async () => {
    if (!nginx) throw new Error('nginx is missing: apt-get install nginx (.ci/run does)');
    const { origin, stop } = await startNginx(nginx, outDir);
    try {
      const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
      const expectHeaders = (response: Response, path: string) => {
        for (const [name, value] of getHeadersFor(rules, path)) expect(response.headers.get(name), `${name} on ${response.url}`).toBe(value);
      };

      const permalink = await fetch(`${origin}${NEW}`);
      expect(permalink.status).toBe(200);
      expect(permalink.headers.get('content-type')).toContain('text/html');
      expect(await permalink.text()).toContain('Four days later');
      expectHeaders(permalink, '/*');
      expect(permalink.headers.get('cache-control')).toBeNull();

      const slashless = await fetch(`${origin}${NEW.slice(0, -1)}`, { redirect: 'manual' });
      expect(slashless.status).toBe(301);
      expect(slashless.headers.get('location')).toBe(NEW);

      const redirected = await fetch(`${origin}${OLD}?from=feed&x=1`, { redirect: 'manual' });
      expect(redirected.status).toBe(301);
      expect(redirected.headers.get('location')).toBe(`${NEW}?from=feed&x=1`);
      expectHeaders(redirected, '/*');

      const asset = readdirSync(join(outDir, '_astro')).find((name) => name.endsWith('.css'));
      const hashed = await fetch(`${origin}/_astro/${asset}`);
      expect(hashed.status).toBe(200);
      expect(hashed.headers.get('content-type')).toContain('text/css');
      expectHeaders(hashed, '/_astro/*');
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

      const missing = await fetch(`${origin}/events/no-such-event/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe(readFileSync(join(outDir, '404.html'), 'utf8'));
      expectHeaders(missing, '/*');

      for (const file of ['nginx.conf', '_headers', '_redirects', 'vercel.json']) expect((await fetch(`${origin}/${file}`)).status, file).toBe(404);
    } finally {
      await stop();
    }
  });

  it('is the same site when built by a bare `astro build`, which runs the finishing steps itself', () => {
    const bare = join(story, 'bare');
    const env = { ...withoutNodeEnv(process.env), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', TIMELINE_CONTENT_DIR: events, TIMELINE_REDIRECTS: redirects, TIMELINE_CACHE_DIR: cache };
    const built = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--local-preview', '--outDir', bare], { encoding: 'utf8', env });
    expect(built.status, `${built.stdout}${built.stderr}`).toBe(0);
    const files = (folder: string) => readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(bare)).toEqual(files(outDir));
    expect(files(bare)).toContain(join('pagefind', 'pagefind-entry.json'));
    for (const file of ['vercel.json', '_headers', join('pagefind', 'pagefind-entry.json')]) expect(readFileSync(join(bare, file), 'utf8'), file).toBe(readFileSync(join(outDir, file), 'utf8'));
  });
});
