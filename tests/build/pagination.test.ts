/**
 * A long story stays light: the timeline is split into pages of plain links, every
 * event appears once, and each event page links back to the page it is on. Its search
 * index is split by country too, and every page has its preview image.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { FEED_SIZE } from '../../src/lib/feeds';
import { TIMELINE_PAGE_SIZE } from '../../src/lib/timeline';
import { generateEvents } from '../bench/generate';
import { buildSite } from '../support/build';
import { parseSitemap } from '../support/sitemap';

const COUNT = TIMELINE_PAGE_SIZE * 2 + 7;
const SIGNATURE = 'pagefind_dcd';
const events = join(mkdtempSync(join(tmpdir(), 'timeline-long-')), 'events');
generateEvents(COUNT, events);
const { status, output, outDir } = buildSite(events);
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
const articles = (html: string) => [...html.matchAll(/<article class="event" id="([^"]+)"/g)].map((m) => m[1] ?? '');

describe(`a story of ${COUNT} events`, () => {
  it('builds', () => {
    expect(status, output).toBe(0);
  });

  it('splits the timeline into pages that each hold at most a page of events, none lost', () => {
    const pages = [read('index.html'), read('timeline/2/index.html'), read('timeline/3/index.html')];
    expect(readdirSync(join(outDir, 'timeline')).sort()).toEqual(['2', '3']);
    for (const page of pages) expect(articles(page).length).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
    const all = pages.flatMap(articles);
    expect(all).toHaveLength(COUNT);
    expect(new Set(all).size).toBe(COUNT);
  });

  it('links every page to the start and the latest events, with no script', () => {
    const middle = read('timeline/2/index.html');
    expect(middle).toContain('<a href="/">Start of the story</a>');
    expect(middle).toContain('<a href="/timeline/3/">Latest</a>');
    expect(middle).toContain('<a rel="prev" href="/">');
    expect(middle).toContain('<a rel="next" href="/timeline/3/">');
    // All of it falls in one month, so there is no month to jump to.
    expect(middle).not.toContain('Jump to a month');
  });

  it('ships valid HTML and links that resolve on the paged templates too', () => {
    for (const check of ['tests/site/check-html.ts', 'tests/site/check-links.ts']) {
      const result = spawnSync(process.execPath, [check, outDir], { encoding: 'utf8' });
      expect(result.status, `${check}\n${result.stdout}${result.stderr}`).toBe(0);
    }
  });

  it(`keeps the feeds to the latest ${FEED_SIZE} events, the rest in the month's archive they link`, () => {
    const rss = parseRssFeed(read('feed.xml'));
    expect(rss.items).toHaveLength(FEED_SIZE);
    const atom = parseAtomFeed(read('atom.xml'));
    expect(atom.entries).toHaveLength(FEED_SIZE);
    const prev = atom.links?.find((link) => link.rel === 'prev-archive')?.href ?? '';
    expect(prev).toMatch(/\/archive\/2024-01\/atom\.xml$/);
    const archive = parseAtomFeed(read(new URL(prev).pathname));
    expect(archive.entries).toHaveLength(COUNT);
    expect(parseJsonFeed(JSON.parse(read('feed.json'))).items).toHaveLength(FEED_SIZE);
    // The sitemap is still one valid file at this size.
    expect(parseSitemap(read('sitemap.xml')).kind).toBe('urlset');
  });

  it('links an event back to the page it is on', () => {
    const last = articles(read('timeline/3/index.html')).at(-1) ?? '';
    expect(read(`events/${last}/index.html`)).toContain(`href="/timeline/3/#${last}"`);
  });

  it('gives each country a search bundle of exactly its events and statements, beside the whole index', () => {
    // Each page's text, found as Pagefind finds it: the bundle's entry file names its
    // metadata, which lists each page's fragment (gzip of a signature and the record's
    // JSON) by a name under the bundle's `fragment/` folder. A country's may lead into
    // the whole site's.
    const urls = (bundle: string) => {
      const entry = JSON.parse(read(`${bundle}/pagefind-entry.json`)) as { languages: Record<string, { hash: string }> };
      return Object.values(entry.languages)
        .flatMap(({ hash }) => (decode(gunzipSync(readFileSync(join(outDir, bundle, `pagefind.${hash}.pf_meta`))).subarray(SIGNATURE.length), { useMaps: false }) as [string, [string][]])[1])
        .map(([name]) => JSON.parse(gunzipSync(readFileSync(join(outDir, bundle, 'fragment', `${name}.pf_fragment`))).subarray(SIGNATURE.length).toString()) as { url: string })
        .map(({ url }) => url)
        .sort();
    };
    expect(urls('pagefind')).toEqual(pagesOf());
    const story = readStory();
    const codes = [...new Set(story.events.flatMap((e) => [...e.countries, ...e.statements.map((s) => s.country)]))];
    expect(readdirSync(join(outDir, 'pagefind/country')).sort()).toEqual(codes.map((c) => c.toLowerCase()).sort());
    for (const code of codes) expect(urls(`pagefind/country/${code.toLowerCase()}`), code).toEqual(pagesOf(code));
    // The countries' pages share the whole site's fragments rather than carry copies.
    for (const code of codes) expect(existsSync(join(outDir, 'pagefind/country', code.toLowerCase(), 'fragment')), code).toBe(false);
  });

  it('has a preview image for every event and statement, and ships none of the build’s own lists', () => {
    for (const path of pagesOf()) expect(existsSync(join(outDir, 'og', `${path.slice(1, -1)}.png`)), path).toBe(true);
    expect(existsSync(join(outDir, 'search-bundles.json'))).toBe(false);
    expect(existsSync(join(outDir, '_preview-images.json'))).toBe(false);
  });
});

type Story = { events: { id: string; countries: string[]; statements: { id: string; country: string }[] }[] };
const readStory = () => JSON.parse(read('data/events.json')) as Story;

/** @returns the pages of the events and statements of a country, or of all */
function pagesOf(code?: string): string[] {
  return readStory()
    .events.flatMap((e) => [
      ...(!code || e.countries.includes(code) ? [`/events/${e.id}/`] : []),
      ...e.statements.filter((s) => !code || s.country === code).map((s) => `/statements/${s.id}/`),
    ])
    .sort();
}
