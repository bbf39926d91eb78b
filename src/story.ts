/**
 * The story: the only module that queries the events collection (Astro's content,
 * declared in content.config.ts from the files in content/). Every page imports its
 * events from here, in one order, so the timeline, event pages and anything built
 * later agree.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { getCountryName, type CountryCode } from './lib/countries';
import { getEventsJsonFiles } from './lib/data-export';
import { getEmbedEventPath, getEmbedStatementPath, getOembed, getOembedPath } from './lib/embed';
import { getDateIn, getLocalDate } from './lib/dates';
import { getEventPath, getPath } from './lib/urls';
import { throwIfLoadFailed } from './lib/load-failure';
import { getEventPreviews, OG_HEIGHT, OG_WIDTH, type PreviewImage } from './lib/previews';
import type { Source, Statement, Update } from './lib/schema';
import { site } from './site';
import { groupByDay, listMonthStarts, paginateDays, paginateList, sortEvents, type ListPage, type MonthStart, type TimelinePage } from './lib/timeline';
import { compareUpdates, getUpdatesNewestFirst } from './lib/updates';
import { t } from './i18n';

export type TimelineEvent = CollectionEntry<'events'>;

export { site };

/**
 * @returns a function that computes its value once per build, since every page asks
 *   for the same lists; in dev it computes afresh, as content changes while the server runs
 */
function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (value ??= load()));
}

// "Now" for the whole build, so every page agrees on what has happened yet.
const buildTime = new Date();

/**
 * @returns every event, withdrawn ones too, in timeline order: each has a page
 * @throws in dev, the content error the events loader met on the last change (the build stops at it)
 */
export const getAllEvents = oncePerBuild(async (): Promise<TimelineEvent[]> => sortEvents(throwIfLoadFailed(await getCollection('events'))));

/** @returns the events on the timeline, in its order: all but the withdrawn */
export const getEvents = oncePerBuild(async (): Promise<TimelineEvent[]> => (await getAllEvents()).filter((event) => !isWithdrawn(event)));

/** @returns whether an event was taken back (`status: withdrawn`): its page says so, nothing else shows it */
export function isWithdrawn(event: TimelineEvent): boolean {
  return event.data.status === 'withdrawn';
}

/** @returns whether an event marked scheduled has yet to happen on the day of this build */
export function isUpcoming(event: TimelineEvent): boolean {
  return event.data.status === 'scheduled' && getLocalDate(event.data.when) > getDateIn(buildTime, event.data.when.timeZone);
}

/**
 * @returns the key under which Astro's incremental build keeps a page rendered from
 *   `props` (`cacheKey` in getStaticPaths): a hash of the props, with whether each
 *   event in them is yet to happen on the day of this build, since that changes its
 *   page and not its file. Astro adds the rest: the page's code, the site's settings
 *   and the installed packages. Computed in every mode: a build run with NODE_ENV set
 *   to something other than production has import.meta.env.DEV set, and a constant key
 *   there would copy every page from the last build whatever changed.
 */
export function getPageKey(props: object): string {
  const json = JSON.stringify(props, (key, value: unknown) => {
    return isEvent(value) ? { upcoming: isUpcoming(value), event: getEventDigest(value) } : listCollections(key, value);
  });
  return createHash('sha256').update(json).digest('base64url');
}

function listCollections(_key: string, value: unknown): unknown {
  return value instanceof Map || value instanceof Set ? [...value] : value;
}

// An event is in the props of a dozen pages or more (its own, its frame, its statements',
// its neighbours'): each is serialised and hashed once a build.
const eventDigests = new WeakMap<TimelineEvent, string>();

function getEventDigest(event: TimelineEvent): string {
  let digest = eventDigests.get(event);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(event, listCollections)).digest('base64url');
    eventDigests.set(event, digest);
  }
  return digest;
}

function isEvent(value: unknown): value is TimelineEvent {
  return typeof value === 'object' && value !== null && 'collection' in value && value.collection === 'events' && 'data' in value;
}

/** @returns the events the feeds carry: the timeline's, less those yet to happen */
export const getFeedEvents = oncePerBuild(async (): Promise<TimelineEvent[]> => (await getEvents()).filter((event) => !isUpcoming(event)));

/** A correction, clarification or update, with the event it belongs to. */
export interface CorrectionInContext {
  update: Update;
  event: TimelineEvent;
  /** Its anchor on the event page. */
  anchor: string;
}

/** @returns every correction, clarification and update on the site, newest first */
export async function getCorrections(): Promise<CorrectionInContext[]> {
  return (await getAllEvents())
    .flatMap((event) => getUpdatesNewestFirst(event.data.updates).map(({ update, anchor }) => ({ update, event, anchor })))
    .sort((a, b) => compareUpdates(b.update, a.update));
}

/** A page of `/corrections/`: corrections, clarifications and updates, newest first. */
export interface CorrectionsPage {
  page: ListPage<CorrectionInContext>;
  /** How many pages there are. */
  pages: number;
  /** How many corrections, clarifications and updates there are, over all the pages. */
  total: number;
  /** The number of the page's first in the whole list, which counts down to 1, the oldest. */
  start: number;
  months: MonthStart[];
}

/** @returns `/corrections/` split into pages like the timeline, so that it never grows with the story */
export const getCorrectionPages = oncePerBuild(async (): Promise<CorrectionsPage[]> => {
  const corrections = await getCorrections();
  const pages = paginateList(corrections);
  const months = listMonthStarts(pages.map((page) => ({ number: page.number, dates: page.items.map(({ update }) => update.date) })));
  let before = 0;
  return pages.map((page) => {
    const start = corrections.length - before;
    before += page.items.length;
    return { page, pages: pages.length, total: corrections.length, start, months };
  });
});

/** @returns the timeline's pages, the story's start first */
export const getTimelinePages = oncePerBuild(async (): Promise<TimelinePage<TimelineEvent>[]> => paginateEvents(await getEvents()));

/**
 * @param events events in timeline order, e.g. one country's
 * @returns their timeline, split into pages like the whole story's
 */
export function paginateEvents(events: readonly TimelineEvent[]): TimelinePage<TimelineEvent>[] {
  return paginateDays(groupByDay(events));
}

/** @returns each month of a paged timeline with the page it starts on */
export function getMonthStartsOf(pages: readonly TimelinePage<TimelineEvent>[]): MonthStart[] {
  return listMonthStarts(pages.map((page) => ({ number: page.number, dates: page.days.map((day) => day.date) })));
}

export type { MonthStart };

/** @returns each month of the story with the timeline page it starts on */
export async function getMonthStarts(): Promise<MonthStart[]> {
  return getMonthStartsOf(await getTimelinePages());
}

/** An event with the events just before and after it. */
export interface EventInContext {
  event: TimelineEvent;
  previous: TimelineEvent | undefined;
  next: TimelineEvent | undefined;
  /** Position on the timeline, in steps of 1000 so statements fit between events. */
  position: number;
  /** The timeline page the event is on. */
  timelinePage: number;
}

/** @returns every event with its neighbours, for the permalink pages */
export async function getEventsInContext(): Promise<EventInContext[]> {
  const [all, events, pages] = await Promise.all([getAllEvents(), getEvents(), getTimelinePages()]);
  const pageOf = new Map(pages.flatMap((page) => page.days.flatMap((day) => day.events.map((event) => [event.id, page.number] as const))));
  const inContext = events.map((event, i) => ({ event, previous: events[i - 1], next: events[i + 1], position: i * 1000, timelinePage: pageOf.get(event.id) ?? 1 }));
  // A withdrawn event is on no timeline page: its page leads back to where it stood.
  const withdrawn = all.flatMap((event, i) => {
    if (!isWithdrawn(event)) return [];
    const before = all.slice(0, i).findLast((other) => !isWithdrawn(other));
    return [{ event, previous: undefined, next: undefined, position: -1, timelinePage: before ? (pageOf.get(before.id) ?? 1) : 1 }];
  });
  return [...inContext, ...withdrawn];
}

/** A statement with the event and source it belongs to. */
export interface StatementInContext {
  statement: Statement;
  event: TimelineEvent;
  source: Source;
  /** Position on the timeline: events in order, statements in their event's order. */
  position: number;
}

/** @returns every statement of the timeline's events, in timeline order */
export const getStatements = oncePerBuild(async (): Promise<StatementInContext[]> => listStatements(await getEvents()));

/** @returns every statement, those of withdrawn events too: each has a page */
export const getAllStatements = oncePerBuild(async (): Promise<StatementInContext[]> => listStatements(await getAllEvents()));

function listStatements(events: readonly TimelineEvent[]): StatementInContext[] {
  return events.flatMap((event, eventIndex) =>
    event.data.statements.map((statement, i) => {
      const source = event.data.sources.find((s) => s.id === statement.source);
      // The schema guarantees the source exists; this keeps the type honest.
      if (!source) throw new Error(`${event.id}: statement ${statement.id} cites unknown source ${statement.source}`);
      return { statement, event, source, position: eventIndex * 1000 + i + 1 };
    }),
  );
}

/** A country that appears in the story, with what it said and did. */
export interface CountryInStory {
  code: CountryCode;
  name: string;
  statements: StatementInContext[];
  events: TimelineEvent[];
}

/** @returns every country named by an event or a statement on the timeline, by name */
export async function getCountries(): Promise<CountryInStory[]> {
  const [events, statements] = await Promise.all([getEvents(), getStatements()]);
  return listCountries(
    events.flatMap((event) => [...event.data.countries, ...event.data.statements.map((statement) => statement.country)]),
    events,
    statements,
  );
}

/**
 * @returns every country with a page: those of withdrawn events too, since a country
 *   page, once published, keeps its address when the only event that named the
 *   country is withdrawn (it then lists nothing, and has no search bundle)
 */
export async function getCountryPages(): Promise<CountryInStory[]> {
  const [all, events, statements] = await Promise.all([getAllEvents(), getEvents(), getStatements()]);
  return listCountries(
    all.flatMap((event) => [...event.data.countries, ...event.data.statements.map((statement) => statement.country)]),
    events,
    statements,
  );
}

function listCountries(named: readonly CountryCode[], events: readonly TimelineEvent[], statements: readonly StatementInContext[]): CountryInStory[] {
  return [...new Set(named)]
    .map((code) => ({
      code,
      name: getCountryName(code),
      statements: statements.filter(({ statement }) => statement.country === code),
      events: events.filter((event) => event.data.countries.includes(code)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** One line of a country's page: an event involving it, or a statement it made. */
export type CountryEntry = { event: TimelineEvent; said?: undefined } | { said: StatementInContext; event?: undefined };

/** A page of a country's statements and events, in timeline order. */
export interface CountryPage {
  country: CountryInStory;
  page: ListPage<CountryEntry>;
  /** How many pages the country has. */
  pages: number;
  months: MonthStart[];
}

/** A country's own embeddable timeline: its events, split into pages like the timeline (a type, so that it can be a route's props). */
export type CountryTimeline = {
  country: CountryInStory;
  pages: TimelinePage<TimelineEvent>[];
};

/** @returns the embeddable timeline of every country with events, for its frames and their `pages.json` */
export const getCountryTimelines = oncePerBuild(async (): Promise<CountryTimeline[]> =>
  (await getCountries()).filter((country) => country.events.length > 0).map((country) => ({ country, pages: paginateEvents(country.events) })));

/**
 * @returns every page of every country with a page (see `getCountryPages`): its
 *   statements and events merged in timeline order and split like the timeline, so that
 *   no country page grows with the story; each entry is on exactly one page
 */
export async function getCountryPageList(): Promise<CountryPage[]> {
  const [countries, events] = await Promise.all([getCountryPages(), getEvents()]);
  // Statements sit between their event and the next (positions in steps of 1000).
  const position = new Map(events.map((event, i) => [event.id, i * 1000]));
  return countries.flatMap((country) => {
    const entries = [
      ...country.events.map((event) => ({ at: position.get(event.id) ?? 0, entry: { event } })),
      ...country.statements.map((said) => ({ at: said.position, entry: { said } })),
    ]
      .sort((a, b) => a.at - b.at)
      .map(({ entry }): CountryEntry => entry);
    const pages = paginateList(entries);
    const months = listMonthStarts(pages.map((page) => ({ number: page.number, dates: page.items.map(getEntryDate) })));
    return pages.map((page) => ({ country, page, pages: pages.length, months }));
  });
}

/** @returns the local date an entry of a country's page is listed under: its event's */
export function getEntryDate(entry: CountryEntry): string {
  return getLocalDate((entry.event ?? entry.said.event).data.when);
}

/** A located place and the country it is in. */
export interface LocatedPlace {
  name: string;
  country: CountryCode;
  lat: number;
  lon: number;
}

/** @returns the places of an event whose position is known */
export function getLocatedPlaces(event: TimelineEvent): LocatedPlace[] {
  return event.data.places.flatMap(({ name, country, lat, lon }) => (lat !== undefined && lon !== undefined ? [{ name, country, lat, lon }] : []));
}

/** @returns places in words for a map's caption, e.g. "Erbil (Iraq); Idlib province (Syria)" */
export function describePlaces(places: readonly LocatedPlace[]): string {
  return places.map((place) => `${place.name} (${getCountryName(place.country)})`).join('; ');
}

/** @returns every located place on the timeline once, in timeline order */
export async function getAllLocatedPlaces(): Promise<LocatedPlace[]> {
  const seen = new Map<string, LocatedPlace>();
  for (const event of await getEvents()) {
    for (const place of getLocatedPlaces(event)) seen.set(`${place.lat},${place.lon}`, seen.get(`${place.lat},${place.lon}`) ?? place);
  }
  return [...seen.values()];
}

/** @returns the preview image of the site, of every event and of every statement */
export async function getPreviewImages(): Promise<PreviewImage[]> {
  return [
    { path: 'site', card: { kicker: t('og.siteKicker'), title: site.title, countries: [], site: '' } },
    ...(await getAllEvents()).flatMap((event) => getEventPreviews(event.id, event.data, site.title)),
  ];
}

/** A file the build writes as it is, not through Astro's renderer: its path under the site, and its text. */
export interface SiteFile {
  path: string;
  content: string;
}

/** What an oEmbed document describes: an event or a statement, by id, and its title. */
export interface Embeddable {
  kind: 'event' | 'statement';
  id: string;
  title: string;
}

/** @returns every event and statement that is not withdrawn: each has an oEmbed document, which its page links to */
export async function getEmbeddables(): Promise<Embeddable[]> {
  const [events, statements] = await Promise.all([getEvents(), getStatements()]);
  return [
    ...events.map((event): Embeddable => ({ kind: 'event', id: event.id, title: event.data.title })),
    ...statements.map(({ statement }): Embeddable => ({ kind: 'statement', id: statement.id, title: t('statementPage.title', { speaker: statement.speaker }) })),
  ];
}

/**
 * @param origin the site's origin, from Astro's `site`
 * @returns the oEmbed document of `item`, at `oembed/events/<slug>.json` or `oembed/statements/<id>.json`
 */
export function getOembedFile({ kind, id, title }: Embeddable, origin: URL): SiteFile {
  const url = (path: string) => new URL(path, origin).href;
  const oembed = getOembed({
    iframe: { src: url(kind === 'event' ? getEmbedEventPath(id) : getEmbedStatementPath(id)), title, kind },
    siteName: site.title,
    siteUrl: url(getPath()),
    thumbnail: { url: url(getPath(`og/${kind === 'event' ? 'events' : 'statements'}/${id}.png`)), width: OG_WIDTH, height: OG_HEIGHT },
  });
  return { path: getOembedPath(kind, id).slice(getPath().length), content: `${JSON.stringify(oembed, null, 2)}\n` };
}

// The data files' text, kept for the build: events.json and its monthly parts are
// separate routes, and the whole story is serialised once.
const eventsJsonFiles = new Map<string, Promise<Map<string, string>>>();

/**
 * @param origin the site's origin, from Astro's `site`
 * @returns `data/events.json` and, for a story too big for one file, its monthly
 *   parts `data/events/YYYY-MM.json`, as paths under the site → text
 */
export function getEventsJson(origin: URL): Promise<Map<string, string>> {
  const load = async () => {
    const url = (path: string) => new URL(getPath(path), origin).href;
    const head = { $schema: url('data/events.schema.json'), title: site.title, description: site.description };
    // Every event on the timeline as its files say, in timeline order, with its slug and
    // permalink; then each withdrawn event, marked, with why, and none of its text.
    const events = (await getEvents()).map((event) => ({
      month: getLocalDate(event.data.when).slice(0, 7),
      record: { id: event.id, url: new URL(getEventPath(event.id), origin).href, ...event.data },
    }));
    const withdrawn = (await getAllEvents())
      .filter(isWithdrawn)
      .map(({ id, data }) => ({ id, url: new URL(getEventPath(id), origin).href, title: data.title, status: data.status, reason: data.reason, updates: data.updates }));
    return getEventsJsonFiles(head, events, withdrawn, (month) => ({ path: `data/events/${month}.json`, url: url(`data/events/${month}.json`) }));
  };
  if (import.meta.env.DEV) return load();
  const files = eventsJsonFiles.get(origin.href) ?? load();
  eventsJsonFiles.set(origin.href, files);
  return files;
}
