import { describe, expect, it } from 'vitest';
import { renderSitemaps, SITEMAP_MAX_URLS } from '../../src/lib/sitemap';
import { parseSitemap } from '../support/sitemap';

const SITE = 'https://example.org/timeline/';
const pages = (count: number) => Array.from({ length: count }, (_, i) => ({ loc: `${SITE}events/e-${i}/`, ...(i % 2 ? { lastmod: `2024-01-${String(10 + (i % 20)).padStart(2, '0')}` } : {}) }));

describe('the sitemap', () => {
  it('is one file up to the limit', () => {
    const files = renderSitemaps(pages(7), SITE, 7);
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    const sitemap = parseSitemap(files.get('sitemap.xml') ?? '');
    expect(sitemap.kind === 'urlset' && sitemap.urls).toEqual(pages(7));
  });

  it('becomes an index of child sitemaps past it, every page listed once', () => {
    const files = renderSitemaps(pages(8), SITE, 3);
    expect([...files.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    const index = parseSitemap(files.get('sitemap.xml') ?? '');
    if (index.kind !== 'index') throw new Error('sitemap.xml is not an index');
    expect(index.sitemaps.map((s) => s.loc)).toEqual([`${SITE}sitemap-1.xml`, `${SITE}sitemap-2.xml`, `${SITE}sitemap-3.xml`]);
    const listed = index.sitemaps.flatMap(({ loc }) => {
      const child = parseSitemap(files.get(loc.slice(SITE.length)) ?? '');
      if (child.kind !== 'urlset') throw new Error(`${loc} is not a urlset`);
      expect(child.urls.length).toBeLessThanOrEqual(3);
      return child.urls;
    });
    expect(listed).toEqual(pages(8));
    // Each child is dated by its newest page, so a crawler knows which to fetch again.
    expect(index.sitemaps[0]?.lastmod).toBe('2024-01-11');
  });

  it(`splits before 45,000 URLs (at ${SITEMAP_MAX_URLS})`, () => {
    expect(SITEMAP_MAX_URLS).toBeLessThanOrEqual(45_000);
    expect(renderSitemaps(pages(SITEMAP_MAX_URLS + 1), SITE).size).toBe(3);
  });
});
