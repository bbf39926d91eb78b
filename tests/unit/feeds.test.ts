/**
 * The subscription feeds carry the latest events only, and point to monthly archives
 * (RFC 5005) that together hold every event: read back with a real feed parser.
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { FEED_SIZE, getFeedMonths, renderFeed } from '../../src/lib/feeds';
import { eventSchema } from '../../src/lib/schema';

const ORIGIN = 'https://example.org';
const story = { title: 'A story', description: 'What it is.' };

/** @returns `count` events, one a day from 1 January 2024 */
function makeEvents(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    return {
      id: `${date}-event-${i}`,
      data: eventSchema.parse({
        title: `Event ${i}`, summary: 'S.', kind: 'statement', published: date, countries: ['PK'],
        when: { date, precision: 'day', timeZone: 'Asia/Karachi' },
        sources: [{ id: 'a', title: 'A', url: 'https://example.org/' }],
      }),
    };
  });
}

describe('feeds of a long story', () => {
  // 1 January to 29 May 2024: five months.
  const events = makeEvents(150);
  const months = getFeedMonths(events).map((m) => m.month);
  const text = (format: 'rss' | 'atom' | 'json', month?: string) => renderFeed(format, events, story, ORIGIN, month).text();

  it(`carry the latest ${FEED_SIZE} events, newest first`, async () => {
    const rss = parseRssFeed(await text('rss'));
    expect(rss.items).toHaveLength(FEED_SIZE);
    expect(rss.items?.[0]?.title).toBe('Event 149');
    expect(rss.items?.at(-1)?.title).toBe(`Event ${150 - FEED_SIZE}`);
    expect(parseAtomFeed(await text('atom')).entries).toHaveLength(FEED_SIZE);
    expect(parseJsonFeed(JSON.parse(await text('json'))).items).toHaveLength(FEED_SIZE);
  });

  it('link the newest month’s archive, and each archive the next older, until every event is found', async () => {
    expect(months).toEqual(['2024-05', '2024-04', '2024-03', '2024-02', '2024-01']);
    const atom = parseAtomFeed(await text('atom'));
    const prev = (feed: typeof atom) => feed.links?.find((l) => l.rel === 'prev-archive')?.href;
    expect(prev(atom)).toBe(`${ORIGIN}/archive/2024-05/atom.xml`);
    const seen = new Set<string>();
    let next = prev(atom);
    while (next) {
      const month = /archive\/(\d{4}-\d{2})\//.exec(next)?.[1];
      const archive = parseAtomFeed(await text('atom', month));
      expect(archive.links?.find((l) => l.rel === 'current')?.href).toBe(`${ORIGIN}/atom.xml`);
      for (const entry of archive.entries ?? []) seen.add(entry.id ?? '');
      next = prev(archive);
    }
    expect(seen.size).toBe(150);
    // An archive says it is one, so a reader does not treat it as the live feed.
    expect(await text('atom', '2024-03')).toContain('<fh:archive/>');
  });

  it('say the same in RSS and JSON Feed', async () => {
    const rss = await text('rss');
    expect(rss).toContain(`<atom:link rel="prev-archive" type="application/rss+xml" href="${ORIGIN}/archive/2024-05/feed.xml"/>`);
    expect(parseRssFeed(await text('rss', '2024-02')).items).toHaveLength(29);
    expect(JSON.parse(await text('json')).next_url).toBe(`${ORIGIN}/archive/2024-05/feed.json`);
    expect(JSON.parse(await text('json', '2024-01')).next_url).toBeUndefined();
  });

  it('need no archive while the feed carries every event', async () => {
    const few = makeEvents(FEED_SIZE);
    const atom = await renderFeed('atom', few, story, ORIGIN).text();
    expect(parseAtomFeed(atom).entries).toHaveLength(FEED_SIZE);
    expect(atom).not.toContain('archive');
  });
});
