/**
 * `sitemap.xml`: the site's pages for search engines. The protocol allows 50,000 URLs
 * (and 50 MB) in one file; past SITEMAP_MAX_URLS the same address becomes a sitemap
 * index listing child sitemaps, `sitemap-1.xml`, `sitemap-2.xml`…, so `robots.txt` and
 * search consoles never need to learn a new address.
 */
import { escapeXml } from './feeds';

/** The most URLs one sitemap file lists; a margin under the protocol's 50,000. */
export const SITEMAP_MAX_URLS = 45_000;

/** The sitemap's own address, under the site; robots.txt names it. */
export const SITEMAP_PATH = 'sitemap.xml';

export interface SitemapUrl {
  /** Absolute URL of the page. */
  loc: string;
  /** W3C date the page last changed, when known. */
  lastmod?: string | undefined;
}

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlset(urls: readonly SitemapUrl[]): string {
  const lines = urls.map(({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}">\n${lines.join('\n')}\n</urlset>\n`;
}

/** @returns the latest of W3C dates and date-times, compared as instants (a bare day as its UTC start) */
function latest(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>((best, date) => (best === undefined || Date.parse(date) > Date.parse(best) ? date : best), undefined);
}

/**
 * @param urls the pages, in the order to list them
 * @param site absolute URL the sitemap files are published under (the site with its base path), ending in `/`
 * @param max the most URLs in one file
 * @returns the files to write, as paths under the site → text: one `sitemap.xml`, or
 *   a `sitemap.xml` index and its children
 */
export function renderSitemaps(urls: readonly SitemapUrl[], site: string, max = SITEMAP_MAX_URLS): Map<string, string> {
  if (urls.length <= max) return new Map([[SITEMAP_PATH, urlset(urls)]]);
  const files = new Map<string, string>();
  const entries: string[] = [];
  for (let i = 0; i * max < urls.length; i++) {
    const part = urls.slice(i * max, (i + 1) * max);
    const path = `sitemap-${i + 1}.xml`;
    files.set(path, urlset(part));
    const lastmod = latest(part.flatMap((url) => (url.lastmod ? [url.lastmod] : [])));
    entries.push(`  <sitemap><loc>${escapeXml(new URL(path, site).href)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`);
  }
  files.set(SITEMAP_PATH, `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${entries.join('\n')}\n</sitemapindex>\n`);
  return files;
}
