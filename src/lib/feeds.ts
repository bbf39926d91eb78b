/**
 * The timeline as RSS 2.0, Atom 1.0 and JSON Feed 1.1, newest first. Pure functions
 * from a neutral list of entries, so the three feeds cannot disagree.
 *
 * A feed reader polls the subscription feeds often, so they carry only the latest
 * FEED_SIZE events. The rest are in monthly archives (RFC 5005 archived feeds:
 * `/archive/2024-01/atom.xml`, and the same month as RSS and JSON Feed), linked from
 * newest to oldest: a reader that follows `prev-archive` (or JSON Feed's `next_url`)
 * gets the whole story, and a month's archive changes only when an event of that
 * month is added or corrected. Whole-story data is in `/data/`.
 */
import { getCountryName } from './countries';
import { getFeedDateTime, getLocalDate, toRfc822 } from './dates';
import type { EventData } from './schema';
import { getLatestUpdate, getUpdateDateTime, getUpdateHeading, getUpdatesNewestFirst } from './updates';
import { getEventPath, getPath } from './urls';
import { t, type UiKey } from '../i18n';

export interface FeedEntry {
  /** Absolute permalink; also the entry's id. */
  url: string;
  title: string;
  summary: string;
  /** RFC 3339 date-time with offset. */
  date: string;
  /** RFC 3339 date-time of the latest correction or update, when there is one. */
  updated?: string;
  /** The event's corrections and updates in words, newest first, e.g. "Corrected on 19 January 2024: …". */
  changes: readonly string[];
  categories: readonly string[];
}

/** @returns the entry's summary followed by what changed since it was published */
function describe(e: FeedEntry): string {
  return [e.summary, ...e.changes].join('\n\n');
}

/** How many events the subscription feeds carry, newest first (the convention is 50–100). */
export const FEED_SIZE = 100;

/** Where a feed document sits among the monthly archives (RFC 5005), as absolute URLs. */
export interface ArchiveLinks {
  /** True for a month's archive (`<fh:archive/>`), false for the subscription feed. */
  archive: boolean;
  /** The subscription feed; given in archives. */
  current?: string | undefined;
  /** The next older archive. */
  prev?: string | undefined;
  /** The next newer archive. */
  next?: string | undefined;
}

export interface FeedInfo {
  title: string;
  description: string;
  /** Absolute URL of the site's home page. */
  home: string;
  /** Absolute URL of this feed. */
  self: string;
  /** Its place among the archives, when there are any. */
  links?: ArchiveLinks;
}

const FH = 'http://purl.org/syndication/history/1.0';

/** @returns Atom `<link>` elements (prefixed `atom:` in RSS) and `<fh:archive/>` for a feed's archive links */
function archiveXml(links: ArchiveLinks | undefined, indent: string, prefix: string, type: string): string {
  if (!links) return '';
  const link = (rel: string, href: string | undefined) => (href ? `${indent}<${prefix}link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>\n` : '');
  return `${links.archive ? `${indent}<fh:archive/>\n` : ''}${link('current', links.current)}${link('prev-archive', links.prev)}${link('next-archive', links.next)}`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** @returns the text with XML's special characters escaped */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

function newestFirst(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** @returns an RSS 2.0 document */
export function toRss(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const sorted = newestFirst(entries);
  const items = sorted.map(
    (e) => `    <item>
      <title>${escapeXml(e.title)}</title>
      <link>${escapeXml(e.url)}</link>
      <guid isPermaLink="true">${escapeXml(e.url)}</guid>
      <description>${escapeXml(describe(e))}</description>
      <pubDate>${toRfc822(e.date)}</pubDate>
${e.categories.map((c) => `      <category>${escapeXml(c)}</category>`).join('\n')}
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"${info.links ? ` xmlns:fh="${FH}"` : ''}>
  <channel>
    <title>${escapeXml(info.title)}</title>
    <link>${escapeXml(info.home)}</link>
    <description>${escapeXml(info.description)}</description>
    <language>en</language>
    <atom:link href="${escapeXml(info.self)}" rel="self" type="application/rss+xml"/>
${archiveXml(info.links, '    ', 'atom:', 'application/rss+xml')}${sorted[0] ? `    <lastBuildDate>${toRfc822(sorted[0].date)}</lastBuildDate>\n` : ''}${items.join('\n')}
  </channel>
</rss>
`;
}

/** @returns an Atom 1.0 document */
export function toAtom(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const sorted = newestFirst(entries);
  const entryXml = sorted.map(
    (e) => `  <entry>
    <id>${escapeXml(e.url)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <updated>${e.updated ?? e.date}</updated>
    <published>${e.date}</published>
    <summary>${escapeXml(e.summary)}</summary>
${e.changes.length > 0 ? `    <content type="text">${escapeXml(describe(e))}</content>\n` : ''}${e.categories.map((c) => `    <category term="${escapeXml(c)}"/>`).join('\n')}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${info.links ? ` xmlns:fh="${FH}"` : ''} xml:lang="en">
  <id>${escapeXml(info.home)}</id>
  <title>${escapeXml(info.title)}</title>
  <subtitle>${escapeXml(info.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(info.home)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(info.self)}"/>
${archiveXml(info.links, '  ', '', 'application/atom+xml')}  <updated>${sorted.map((e) => e.updated ?? e.date).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? '1970-01-01T00:00:00Z'}</updated>
  <author><name>${escapeXml(info.title)}</name></author>
${entryXml.join('\n')}
</feed>
`;
}

/** @returns a JSON Feed 1.1 document */
export function toJsonFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: info.title,
      home_page_url: info.home,
      feed_url: info.self,
      // JSON Feed's paging: the older events, a month at a time.
      ...(info.links?.prev ? { next_url: info.links.prev } : {}),
      description: info.description,
      language: 'en',
      items: newestFirst(entries).map((e) => ({
        id: e.url,
        url: e.url,
        title: e.title,
        summary: e.summary,
        content_text: describe(e),
        date_published: e.date,
        ...(e.updated ? { date_modified: e.updated } : {}),
        tags: e.categories,
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * @param event an event's slug and data
 * @param site the site's origin, from Astro's `site`
 * @returns the event as a feed entry
 */
export function toFeedEntry(event: EventLike, site: URL | string): FeedEntry {
  const latest = getLatestUpdate(event.data.updates);
  return {
    url: new URL(getEventPath(event.id), site).href,
    title: event.data.title,
    summary: event.data.summary,
    date: getFeedDateTime(event.data.when),
    ...(latest ? { updated: getUpdateDateTime(latest, event.data.when.timeZone) } : {}),
    changes: getUpdatesNewestFirst(event.data.updates).map(({ update }) => `${getUpdateHeading(update)}: ${update.note}`),
    categories: [t(`kind.${event.data.kind}`), ...event.data.countries.map(getCountryName)],
  };
}

type EventLike = { id: string; data: EventData };

/** The published feeds: where each lives, its media type, its label, how it is written. */
export const FEEDS = {
  rss: { path: 'feed.xml', type: 'application/rss+xml', label: 'feeds.rss', write: toRss },
  atom: { path: 'atom.xml', type: 'application/atom+xml', label: 'feeds.atom', write: toAtom },
  json: { path: 'feed.json', type: 'application/feed+json', label: 'feeds.json', write: toJsonFeed },
} as const satisfies Record<string, { path: string; type: string; label: UiKey; write: (info: FeedInfo, entries: readonly FeedEntry[]) => string }>;

/** A month's archive of the feeds: `YYYY-MM` and the events of that month, in any order. */
export interface FeedMonth<E> {
  month: string;
  events: E[];
}

/**
 * @param events the feeds' events, in any order
 * @returns the months that have events, newest first, each with its events
 */
export function getFeedMonths<E extends EventLike>(events: readonly E[]): FeedMonth<E>[] {
  const months = new Map<string, E[]>();
  for (const event of events) {
    const month = getLocalDate(event.data.when).slice(0, 7);
    const list = months.get(month) ?? [];
    list.push(event);
    months.set(month, list);
  }
  return [...months].sort(([a], [b]) => b.localeCompare(a)).map(([month, list]) => ({ month, events: list }));
}

// Every feed and monthly archive (three formats, a few dozen months) reads the same
// events by month: grouped once per list of events, not once per file (renderFeed was
// 3.1 s of a cold 10,000-event build's main thread in a CPU profile).
const monthsOf = new WeakMap<readonly EventLike[], FeedMonth<EventLike>[]>();

function getFeedMonthsOnce(events: readonly EventLike[]): FeedMonth<EventLike>[] {
  let months = monthsOf.get(events);
  if (!months) {
    months = getFeedMonths(events);
    monthsOf.set(events, months);
  }
  return months;
}

/** @returns whether the subscription feeds leave events out, so monthly archives are published */
export function hasFeedArchives(events: readonly unknown[], size = FEED_SIZE): boolean {
  return events.length > size;
}

/** @returns the path of a month's archive of a feed, under the site, e.g. `archive/2024-01/atom.xml` */
export function getFeedArchivePath(format: keyof typeof FEEDS, month: string): string {
  return `archive/${month}/${FEEDS[format].path}`;
}

/**
 * @param format which feed
 * @param events the feeds' events, in any order (feeds put the newest first)
 * @param story the story's title and description
 * @param origin the site's origin, from Astro's `site`
 * @param month a month's archive, `YYYY-MM`; none for the subscription feed, which
 *   carries the latest `size` events
 * @param size how many events the subscription feed carries
 * @returns the feed as an HTTP response for an endpoint
 */
export function renderFeed(
  format: keyof typeof FEEDS,
  events: readonly EventLike[],
  story: { title: string; description: string },
  origin: URL | string,
  month?: string,
  size = FEED_SIZE,
): Response {
  const feed = FEEDS[format];
  const byMonth = getFeedMonthsOnce(events);
  const months = byMonth.map((m) => m.month);
  const at = (path: string) => new URL(getPath(path), origin).href;
  const archive = (m: string | undefined) => (m ? at(getFeedArchivePath(format, m)) : undefined);
  let links: ArchiveLinks | undefined;
  let carried: FeedEntry[];
  if (month === undefined) {
    carried = newestFirst(events.map((event) => toFeedEntry(event, origin))).slice(0, size);
    // Archives only when the feed cannot carry everything (see hasFeedArchives).
    if (hasFeedArchives(events, size)) links = { archive: false, prev: archive(months[0]) };
  } else {
    const i = months.indexOf(month);
    carried = (byMonth[i]?.events ?? []).map((event) => toFeedEntry(event, origin));
    links = { archive: true, current: at(feed.path), prev: archive(months[i + 1]), next: archive(months[i - 1]) };
  }
  const self = month === undefined ? at(feed.path) : at(getFeedArchivePath(format, month));
  const info = { ...story, home: at(''), self, ...(links ? { links } : {}) };
  return new Response(feed.write(info, carried), { headers: { 'Content-Type': `${feed.type}; charset=utf-8` } });
}
