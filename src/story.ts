/**
 * The story: the only module that queries the events collection (Astro's content,
 * declared in content.config.ts from the files in content/). Every page imports its
 * events from here, in one order, so the timeline, event pages and anything built
 * later agree.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import siteJson from '../content/site.json';
import { getCountryName, type CountryCode } from './lib/countries';
import { getEventCard, getStatementCard, type OgCard } from './lib/previews';
import type { Source, Statement } from './lib/schema';
import { parseFileData, siteSchema } from './lib/site-files';
import { groupByDay, paginateDays, sortEvents, type TimelinePage } from './lib/timeline';
import { t } from './i18n';

export type TimelineEvent = CollectionEntry<'events'>;

/** The story's own words about itself, from `content/site.json`. */
export const site = parseFileData('content/site.json', siteJson, siteSchema);

/**
 * @returns a function that computes its value once per build, since every page asks
 *   for the same lists; in dev it computes afresh, as content changes while the server runs
 */
function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (value ??= load()));
}

/** @returns every published event in timeline order */
export const getEvents = oncePerBuild(async (): Promise<TimelineEvent[]> => sortEvents(await getCollection('events')));

/** @returns the timeline's pages, the story's start first */
export const getTimelinePages = oncePerBuild(async (): Promise<TimelinePage<TimelineEvent>[]> => paginateDays(groupByDay(await getEvents())));

/**
 * @param events events in timeline order (the whole story's, or one country's)
 * @returns their days on one unpaged timeline, as the embeddable views show them
 */
export function getUnpagedDays(events: readonly TimelineEvent[]): TimelinePage<TimelineEvent>['days'] {
  return groupByDay(events).map((day) => ({ ...day, continued: false }));
}

/** A month of the story and the timeline page where it starts. */
export interface MonthStart {
  /** `YYYY-MM` */
  month: string;
  page: number;
}

/** @returns each month of the story with the page it starts on */
export async function getMonthStarts(): Promise<MonthStart[]> {
  const months: MonthStart[] = [];
  for (const page of await getTimelinePages()) {
    for (const day of page.days) {
      const month = day.date.slice(0, 7);
      if (months.at(-1)?.month !== month) months.push({ month, page: page.number });
    }
  }
  return months;
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
  const [events, pages] = await Promise.all([getEvents(), getTimelinePages()]);
  const pageOf = new Map(pages.flatMap((page) => page.days.flatMap((day) => day.events.map((event) => [event.id, page.number] as const))));
  return events.map((event, i) => ({ event, previous: events[i - 1], next: events[i + 1], position: i * 1000, timelinePage: pageOf.get(event.id) ?? 1 }));
}

/** A statement with the event and source it belongs to. */
export interface StatementInContext {
  statement: Statement;
  event: TimelineEvent;
  source: Source;
  /** Position on the timeline: events in order, statements in their event's order. */
  position: number;
}

/** @returns every statement in timeline order */
export const getStatements = oncePerBuild(
  async (): Promise<StatementInContext[]> =>
    (await getEvents()).flatMap((event, eventIndex) =>
      event.data.statements.map((statement, i) => {
        const source = event.data.sources.find((s) => s.id === statement.source);
        // The schema guarantees the source exists; this keeps the type honest.
        if (!source) throw new Error(`${event.id}: statement ${statement.id} cites unknown source ${statement.source}`);
        return { statement, event, source, position: eventIndex * 1000 + i + 1 };
      }),
    ),
);

/** A country that appears in the story, with what it said and did. */
export interface CountryInStory {
  code: CountryCode;
  name: string;
  statements: StatementInContext[];
  events: TimelineEvent[];
}

/** @returns every country named by an event or a statement, by name */
export async function getCountries(): Promise<CountryInStory[]> {
  const [events, statements] = await Promise.all([getEvents(), getStatements()]);
  const codes = new Set<CountryCode>([
    ...events.flatMap((event) => event.data.countries),
    ...statements.map(({ statement }) => statement.country),
  ]);
  return [...codes]
    .map((code) => ({
      code,
      name: getCountryName(code),
      statements: statements.filter(({ statement }) => statement.country === code),
      events: events.filter((event) => event.data.countries.includes(code)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
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

/** A preview image to draw: its path under `og/` without `.png`, and what it shows. */
export interface PreviewImage {
  path: string;
  card: OgCard;
}

/** @returns the preview image of the site, of every event and of every statement */
export async function getPreviewImages(): Promise<PreviewImage[]> {
  const [events, statements] = await Promise.all([getEvents(), getStatements()]);
  return [
    { path: 'site', card: { kicker: t('og.siteKicker'), title: site.title, countries: [], site: '' } },
    ...events.map((event) => ({ path: `events/${event.id}`, card: getEventCard(event.data, site.title) })),
    ...statements.map(({ statement }) => ({ path: `statements/${statement.id}`, card: getStatementCard(statement, site.title) })),
  ];
}
