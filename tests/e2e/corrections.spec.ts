/**
 * A change to a published event reaches readers wherever the event goes: its page
 * (before the text), its statements' pages, `/corrections/`, the three feeds, JSON-LD,
 * the sitemap and events.json. The story's own update (the Saravan toll, seven then
 * nine) is the case, read from its file.
 */
import { readFileSync } from 'node:fs';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import jsonld from 'jsonld';
import { expect, test } from '@playwright/test';
import { readFrontMatter } from '../../src/lib/front-matter';

const slug = '2024-01-18-pakistan-strikes-sistan-baluchestan';
const file = readFrontMatter(readFileSync(`content/events/${slug}.md`, 'utf8')) as {
  published: string;
  updates: { date: string; kind: string; note: string }[];
  statements: { id: string }[];
};
const [update] = file.updates;
const { published } = file;
const SITE = process.env['SITE_URL'] ?? 'http://localhost:4321';
const url = `${SITE}/events/${slug}/`;
const heading = 'Updated on 18 January 2024';

test('the story carries the update the sources give: seven killed, then nine', () => {
  expect(file.updates).toHaveLength(1);
  expect(update).toMatchObject({ date: '2024-01-18', kind: 'update' });
  expect(update?.note).toMatch(/seven.*nine/);
});

test('the event page shows the update before its text', async ({ page }) => {
  await page.goto(`/events/${slug}/`);
  const item = page.locator('#update-1');
  await expect(item).toContainText(`${heading}: ${update?.note ?? '-'}`);
  const before = await item.evaluate((node) => {
    const body = document.querySelector('.prose');
    return body !== null && (node.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  expect(before).toBe(true);
});

test('each statement page of the event links to the update', async ({ page }) => {
  for (const { id } of file.statements) {
    await page.goto(`/statements/${id}/`);
    await expect(page.getByRole('link', { name: heading })).toHaveAttribute('href', `/events/${slug}/#update-1`);
  }
});

test('/corrections/ lists it, linking to it on its event page', async ({ page }) => {
  await page.goto('/corrections/');
  const entry = page.getByRole('listitem').filter({ hasText: update?.note ?? '-' });
  await expect(entry).toContainText(heading);
  await expect(entry.getByRole('link')).toHaveAttribute('href', `/events/${slug}/#update-1`);
  await page.goto('/');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Corrections' })).toHaveAttribute('href', '/corrections/');
});

test('the feeds carry the change', async ({ request }) => {
  const note = update?.note ?? '-';
  const rss = parseRssFeed(await (await request.get('/feed.xml')).text());
  expect(rss.items?.find((i) => i.link === url)?.description).toContain(`${heading}: ${note}`);

  const atom = parseAtomFeed(await (await request.get('/atom.xml')).text());
  const entry = atom.entries?.find((e) => e.id === url);
  expect(entry?.updated).toBe('2024-01-18T00:00:00+03:30');
  expect(entry?.content?.value).toContain(`${heading}: ${note}`);

  const json = parseJsonFeed(await (await request.get('/feed.json')).json());
  const item = json.items?.find((i) => i.url === url);
  expect(item?.date_modified).toBe('2024-01-18T00:00:00+03:30');
  expect(item?.content_text).toContain(`${heading}: ${note}`);
});

test('JSON-LD gives the page its dateModified and the correction', async ({ request }) => {
  const html = await (await request.get(`/events/${slug}/`)).text();
  const doc = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as jsonld.JsonLdDocument;
  const documentLoader = async (address: string) => ({ contextUrl: undefined, documentUrl: address, document: { '@context': { '@vocab': 'https://schema.org/' } } });
  const [node] = (await jsonld.expand(doc, { documentLoader })) as Record<string, Record<string, unknown>[]>[];
  const S = (term: string) => `https://schema.org/${term}`;
  expect(node?.['@type']).toEqual([S('NewsArticle')]);
  const modified = String((node?.[S('dateModified')]?.[0] as { '@value'?: unknown } | undefined)?.['@value']);
  // The update is dated by the newer report; the page is dated by what changed after it was published.
  expect(modified).toBe(update && update.date >= published ? update.date : published);
  const correction = node?.[S('correction')]?.[0] as Record<string, { '@value'?: unknown }[]> | undefined;
  expect(correction?.['@type']).toEqual([S('CorrectionComment')]);
  expect(correction?.[S('text')]?.[0]?.['@value']).toBe(`${heading}: ${update?.note ?? '-'}`);
});

test('the sitemap dates the page, and events.json carries the update', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${url}</loc><lastmod>${update && update.date >= published ? update.date : published}</lastmod>`);
  const data = (await (await request.get('/data/events.json')).json()) as { events: { id: string; updates: unknown[] }[] };
  expect(data.events.find((e) => e.id === slug)?.updates).toEqual(file.updates);
});
