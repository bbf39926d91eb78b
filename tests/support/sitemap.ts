/**
 * Reads a sitemap as a search engine would: well-formed XML in the sitemaps.org
 * namespace, a `urlset` of absolute `loc`s (with W3C `lastmod`s) or a `sitemapindex`
 * of child sitemaps, and never more URLs in one file than the protocol allows.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type ParsedSitemap = { kind: 'urlset'; urls: { loc: string; lastmod?: string }[] } | { kind: 'index'; sitemaps: { loc: string; lastmod?: string }[] };

const W3C_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * @returns the sitemap's entries
 * @throws when the text is not a valid sitemap or sitemap index
 */
export function parseSitemap(xml: string): ParsedSitemap {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap', parseTagValue: false }).parse(xml) as Record<string, Record<string, unknown> | undefined>;
  const root = doc['urlset'] ?? doc['sitemapindex'];
  if (!root || root['@_xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') throw new Error('no urlset or sitemapindex in the sitemaps.org namespace');
  const entries = ((doc['urlset'] ? root['url'] : root['sitemap']) ?? []) as { loc?: string; lastmod?: string }[];
  if (entries.length > 50_000) throw new Error(`${entries.length} entries: the protocol allows 50,000`);
  for (const { loc, lastmod } of entries) {
    if (!loc || !URL.canParse(loc)) throw new Error(`loc "${String(loc)}" is not an absolute URL`);
    if (lastmod !== undefined && !W3C_DATE.test(lastmod)) throw new Error(`lastmod "${lastmod}" of ${loc} is not a W3C date`);
  }
  const list = entries.map(({ loc, lastmod }) => ({ loc: loc ?? '', ...(lastmod ? { lastmod } : {}) }));
  return doc['urlset'] ? { kind: 'urlset', urls: list } : { kind: 'index', sitemaps: list };
}
