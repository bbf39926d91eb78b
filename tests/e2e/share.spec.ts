import { parse as parseCsv } from 'csv-parse/sync';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import jsonld from 'jsonld';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readContentEvents } from '../support/content';
import { parseSitemap } from '../support/sitemap';

const events = readContentEvents();
const statements = events.flatMap((event) => event.statements.map((statement) => ({ ...statement, event })));
// Absolute URLs in the build come from Astro's `site`, which the test build leaves at its default.
const SITE = process.env['SITE_URL'] ?? 'http://localhost:4321';

async function head(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
  return {
    html,
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '',
    canonical: /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1],
    og: (name: string) => meta('property', `og:${name}`),
    twitter: (name: string) => meta('name', `twitter:${name}`),
    description: meta('name', 'description'),
    jsonLd: JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as Record<string, unknown> | null,
  };
}

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

// schema.org's real context is not fetched (no network); the vocabulary is what matters here.
const documentLoader = async (url: string) => {
  if (!url.startsWith('https://schema.org')) throw new Error(`unexpected context ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
};
const S = (term: string) => `https://schema.org/${term}`;
type Expanded = Record<string, { '@value'?: unknown; '@id'?: string; [key: string]: unknown }[] | string[] | undefined>;
const value = (node: Expanded, term: string) => (node[S(term)] as { '@value'?: unknown }[] | undefined)?.[0]?.['@value'];

test.describe('link previews', () => {
  const pages = [
    ...events.map((e) => ({ path: `/events/${e.id}/`, title: e.title, image: `/og/events/${e.id}.png` })),
    ...statements.map((s) => ({ path: `/statements/${s.id}/`, title: `Statement by ${s.speaker}`, image: `/og/statements/${s.id}.png` })),
  ];

  test('every event and statement page has absolute, correct preview tags and a 1200×630 image', async ({ request }) => {
    for (const page of pages) {
      const tags = await head(request, page.path);
      const url = `${SITE}${page.path}`;
      expect(tags.canonical, page.path).toBe(url);
      expect(tags.og('url'), page.path).toBe(url);
      expect(tags.og('type')).toBe('article');
      expect(tags.og('title')).toBe(page.title.replaceAll('"', '&quot;'));
      expect(tags.title.startsWith(page.title.replaceAll("'", '&#39;').replaceAll('"', '&quot;'))).toBe(true);
      expect(tags.description?.length ?? 0).toBeGreaterThan(20);
      expect(tags.og('description')).toBe(tags.description);
      expect(tags.og('image')).toBe(`${SITE}${page.image}`);
      expect(tags.twitter('card')).toBe('summary_large_image');
      expect(tags.twitter('image')).toBe(`${SITE}${page.image}`);
      const image = await request.get(page.image);
      expect(image.headers()['content-type']).toBe('image/png');
      expect(pngSize(await image.body())).toEqual([1200, 630]);
    }
  });

  test('event pages are a schema.org NewsArticle about the Event, dated as published and changed here', async ({ request }) => {
    for (const event of events) {
      const { jsonLd, html } = await head(request, `/events/${event.id}/`);
      const [node] = (await jsonld.expand(jsonLd as jsonld.JsonLdDocument, { documentLoader })) as Expanded[];
      if (!node) throw new Error(`no JSON-LD on ${event.id}`);
      expect(node['@type']).toEqual([S('NewsArticle')]);
      expect(node['@id']).toBe(`${SITE}/events/${event.id}/`);
      expect(value(node, 'headline')).toBe(event.title);
      expect(value(node, 'datePublished')).toBe(event.published);
      const modified = String(value(node, 'dateModified'));
      expect(modified >= event.published, `${event.id}: dateModified ${modified} before datePublished`).toBe(true);
      const [publisher] = node[S('publisher')] as Expanded[];
      expect(publisher?.['@type']).toEqual([S('Organization')]);
      expect(node[S('image')]?.length).toBe(1);
      const [about] = node[S('about')] as Expanded[];
      if (!about) throw new Error(`no about on ${event.id}`);
      expect(about['@type']).toEqual([S('Event')]);
      expect(value(about, 'startDate')).toBe(event.when.date);
      expect(about[S('location')]?.length ?? 0).toBeGreaterThan(0);
      expect(node[S('citation')]?.length).toBe(event.sources.length);
      // The head says the same, for readers of Open Graph.
      expect(html).toContain(`<meta property="article:published_time" content="${event.published}">`);
      expect(html).toContain(`<meta property="article:modified_time" content="${modified}">`);
    }
  });

  test('statement pages describe a schema.org Quotation by its speaker', async ({ request }) => {
    for (const statement of statements) {
      const { jsonLd } = await head(request, `/statements/${statement.id}/`);
      const [node] = (await jsonld.expand(jsonLd as jsonld.JsonLdDocument, { documentLoader })) as Expanded[];
      if (!node) throw new Error(`no JSON-LD on ${statement.id}`);
      expect(node['@type']).toEqual([S('Quotation')]);
      expect(value(node, 'text')).toBe(statement.quote);
      const [speaker] = node[S('spokenByCharacter')] as Expanded[];
      expect(speaker && value(speaker, 'name')).toBe(statement.speaker);
    }
  });
});

test.describe('sharing', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link puts the permalink on the clipboard and says so', async ({ page }) => {
    const statement = statements[0];
    if (!statement) throw new Error('no statements');
    for (const path of [`/events/${statement.event.id}/`, `/statements/${statement.id}/`]) {
      await page.goto(path);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}${path}`);
    }
  });
});

test.describe('feeds', () => {
  const ids = events.map((e) => `${SITE}/events/${e.id}/`).sort();

  test('RSS 2.0 lists every event, newest first', async ({ request }) => {
    const feed = parseRssFeed(await (await request.get('/feed.xml')).text());
    const items = feed.items ?? [];
    expect(items.map((i) => i.link).sort()).toEqual(ids);
    const dates = items.map((i) => Date.parse(i.pubDate ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // A corrected event's description goes on with its corrections (corrections.spec.ts).
    for (const item of items) expect(item.description?.startsWith(events.find((e) => item.link?.endsWith(`/${e.id}/`))?.summary ?? '-')).toBe(true);
  });

  test('Atom lists every event, newest first, with summaries', async ({ request }) => {
    const feed = parseAtomFeed(await (await request.get('/atom.xml')).text());
    const entries = feed.entries ?? [];
    expect(entries.map((e) => e.id).sort()).toEqual(ids);
    // Newest by when it happened (`published`); `updated` may later move with corrections.
    const dates = entries.map((e) => Date.parse(e.published ?? ''));
    expect(dates.every(Number.isFinite)).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const entry of entries) expect(entry.summary).toEqual({ value: events.find((e) => entry.id === `${SITE}/events/${e.id}/`)?.summary });
  });

  test('JSON Feed 1.1 lists every event, newest first, with summaries', async ({ request }) => {
    const raw = await (await request.get('/feed.json')).json();
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    const feed = parseJsonFeed(raw);
    const items = feed.items ?? [];
    expect(items.map((i) => i.url).sort()).toEqual(ids);
    for (const item of items) expect(item.summary).toBe(events.find((e) => item.url === `${SITE}/events/${e.id}/`)?.summary);
  });

  test('pages point feed readers to the three feeds', async ({ request }) => {
    for (const path of ['/', `/events/${events[0]?.id}/`]) {
      const { html } = await head(request, path);
      for (const [type, href] of [['rss\\+xml', '/feed.xml'], ['atom\\+xml', '/atom.xml'], ['feed\\+json', '/feed.json']] as const) {
        expect(html, path).toMatch(new RegExp(`<link rel="alternate" type="application/${type}" title="[^"]+" href="${href}"`));
      }
    }
  });
});

test.describe('data downloads', () => {
  test('events.csv has ACLED-style columns and a row per event that matches the content', async ({ request }) => {
    const rows = parseCsv(await (await request.get('/data/events.csv')).text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['event_date', 'time_precision', 'event_type', 'actor1', 'actor2', 'country', 'location', 'latitude', 'longitude', 'source', 'notes', 'fatalities']));
    expect(rows.map((r) => r['event_id']).sort()).toEqual(events.map((e) => e.id));
    for (const row of rows) {
      const event = events.find((e) => e.id === row['event_id']);
      expect(row['notes']).toBe(event?.summary);
      expect(row['event_date']).toBe(event?.date);
    }
  });

  test('statements.csv has a row per statement with its verbatim quote and permalink', async ({ request }) => {
    const rows = parseCsv(await (await request.get('/data/statements.csv')).text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(statements.length);
    for (const statement of statements) {
      const row = rows.find((r) => r['statement_id'] === statement.id);
      expect(row?.['quote']).toBe(statement.quote);
      expect(row?.['speaker']).toBe(statement.speaker);
      expect(row?.['permalink']).toBe(`${SITE}/events/${statement.event.id}/#${statement.id}`);
    }
  });

  test('events.json holds every event with its fields and names its schema', async ({ request }) => {
    const data = await (await request.get('/data/events.json')).json();
    expect(data.events.map((e: { id: string }) => e.id).sort()).toEqual(events.map((e) => e.id));
    for (const event of data.events) {
      const content = events.find((e) => e.id === event.id);
      expect(event.title).toBe(content?.title);
      expect(event.statements).toHaveLength(content?.statements.length ?? -1);
    }
    const schema = await (await request.get(new URL(data.$schema).pathname)).json();
    expect(schema.properties.events.items.required).toEqual(expect.arrayContaining(['id', 'url', 'title', 'when', 'sources']));
  });

  test('the Data page links every download', async ({ page }) => {
    await page.goto('/data/');
    for (const name of ['events.json', 'events.csv', 'statements.csv']) {
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', `/data/${name}`);
    }
  });
});

test('sitemap.xml lists every page and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  // A valid sitemap: one file at the story's size (the split is tested in tests/unit/sitemap.test.ts).
  const parsed = parseSitemap(sitemap);
  expect(parsed.kind).toBe('urlset');
  for (const event of events) {
    const entry = parsed.kind === 'urlset' ? parsed.urls.find((url) => url.loc === `${SITE}/events/${event.id}/`) : undefined;
    expect(entry?.lastmod, event.id).toBeDefined();
  }
  expect(sitemap).not.toContain('404');
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${SITE}/sitemap.xml`);
});
