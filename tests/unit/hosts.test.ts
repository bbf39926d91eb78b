import { describe, expect, it } from 'vitest';
import { getHeadersFor, parseHeadersFile, toNginxConfig, toVercelConfig } from '../../src/lib/host-config';
import { checkHosts, formatHostTable, isLocalOrigin, type SiteSize } from '../../src/lib/host-limits';

const HEADERS = `# comment
/*
  X-Frame-Options: DENY
  Content-Security-Policy: frame-ancestors 'none'

/_astro/*
  Cache-Control: public, max-age=31536000, immutable

/embed/*
  ! X-Frame-Options
  Content-Security-Policy: frame-ancestors *
`;

describe('_headers rules', () => {
  const rules = parseHeadersFile(HEADERS);

  it('merges every matching rule in file order, joins repeats and removes detached headers', () => {
    expect(getHeadersFor(rules, '/_astro/*')).toEqual([
      ['X-Frame-Options', 'DENY'],
      ['Content-Security-Policy', "frame-ancestors 'none'"],
      ['Cache-Control', 'public, max-age=31536000, immutable'],
    ]);
    expect(getHeadersFor(rules, '/embed/*')).toEqual([['Content-Security-Policy', "frame-ancestors 'none', frame-ancestors *"]]);
  });

  it('rejects patterns nginx and Vercel cannot both express, naming the line', () => {
    expect(() => parseHeadersFile('/events/:slug/\n  X-A: b\n')).toThrow('_headers line 1');
    expect(() => parseHeadersFile('/*\n  no colon here\n')).toThrow('_headers line 2');
  });

  it('gives nginx a location per path with all its headers, and redirects that keep the query', () => {
    const nginx = toNginxConfig({ rules, redirects: { '/old/': '/new/' }, base: '/timeline/' });
    expect(nginx).toContain('location ^~ /timeline/ {');
    expect(nginx).toContain('location ^~ /timeline/_astro/ {\n  add_header X-Frame-Options "DENY" always;');
    expect(nginx).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
    expect(nginx).toContain('location = /timeline/old/ {');
    expect(nginx).toContain('return 301 /timeline/new/$is_args$args;');
    expect(nginx).toContain('error_page 404 /timeline/404.html;');
    expect(() => toNginxConfig({ rules: parseHeadersFile('/*\n  X-A: $host\n'), redirects: {}, base: '/' })).toThrow('$');
  });

  it('gives Vercel one rule per path, the broad ones kept off the narrow, and 301s', () => {
    const vercel = toVercelConfig({ rules, redirects: { '/old/': '/new/' }, base: '/' });
    const match = (path: string) => vercel.headers.filter(({ source }) => new RegExp(`^${source}$`).test(path));
    expect(match('/_astro/a.js').map(({ source }) => source)).toEqual(['/_astro/(.*)']);
    expect(match('/embed/x/')[0]?.headers).not.toContainEqual({ key: 'X-Frame-Options', value: 'DENY' });
    expect(match('/events/a/')[0]?.headers).toContainEqual({ key: 'X-Frame-Options', value: 'DENY' });
    expect(vercel.redirects).toEqual([{ source: '/old/', destination: '/new/', statusCode: 301 }]);
  });
});

describe('host limits', () => {
  const size = (files: number, bytes = 1e8): SiteSize => ({ files, bytes, largestFile: { path: '/data/events.json', bytes: 2e6 }, fullestFolder: { path: '/og/events/', files: Math.round(files / 3) } });

  it('says which hosts a large site exceeds, and what to use instead', () => {
    const lines = checkHosts(size(110_214)).map(({ line }) => line);
    expect(lines).toContain('Cloudflare Pages: 110,214 files > 20,000 — use Netlify or Workers static assets (paid)');
    expect(lines).toContain('Cloudflare Workers static assets (paid): 110,214 files > 100,000 — use Netlify, Vercel or nginx');
    expect(lines).toContain('Netlify: fits (36,738 of 54,000 files in one folder)');
  });

  it('checks the total size for GitHub Pages and prints one short table', () => {
    expect(checkHosts(size(100, 2e9)).find(({ host }) => host === 'GitHub Pages')?.line).toBe('GitHub Pages: 1.9 GiB > 1.0 GiB in all — use Netlify, Vercel or nginx');
    expect(formatHostTable(size(300)).split('\n')).toHaveLength(7);
  });

  it('knows an origin no reader can reach', () => {
    expect(isLocalOrigin('http://localhost:4321')).toBe(true);
    expect(isLocalOrigin('http://127.0.0.1:8080/')).toBe(true);
    expect(isLocalOrigin('https://timeline.example.org')).toBe(false);
  });
});
