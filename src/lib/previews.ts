/**
 * What a shared link shows: the preview card drawn for each page, and the page's
 * schema.org description (JSON-LD) for search engines and link unfurlers.
 */
import { getCountryName, type CountryCode } from './countries';
import { formatDayHeading, getLocalDate } from './dates';
import { formatStatementDate } from './labels';
import { getLatestChangeSince, getUpdateDate, getUpdateHeading, getUpdatesNewestFirst } from './updates';
import type { EventData, Statement, Source } from './schema';
import { t } from '../i18n';

/** What a preview image shows. */
export interface OgCard {
  /** Small line above the title, e.g. "Military strike · Thursday 18 January 2024". */
  kicker: string;
  /** The headline, or a quotation with its marks. */
  title: string;
  /** Under the title, e.g. the speaker and role of a quote. */
  byline?: string;
  /** Country names. */
  countries: readonly string[];
  /** The site's name. */
  site: string;
  /** Located places of an event: its locator map fills the card's middle. */
  places?: readonly { name: string; lat: number; lon: number }[];
}

export { OG_HEIGHT, OG_WIDTH } from './og-size';

/** @returns the preview card of an event */
export function getEventCard(data: EventData, site: string): OgCard {
  return {
    kicker: `${t(`kind.${data.kind}`)} · ${formatDayHeading(getLocalDate(data.when))}`,
    title: data.title,
    countries: data.countries.map(getCountryName),
    site,
    places: data.places.flatMap(({ name, lat, lon }) => (lat !== undefined && lon !== undefined ? [{ name, lat, lon }] : [])),
  };
}

/** @returns the preview card of a withdrawn event or of one of its statements: its title, none of its text */
export function getWithdrawnCard(data: EventData, site: string): OgCard {
  return { kicker: t('withdrawn.heading'), title: t('withdrawn.title', { title: data.title }), countries: [], site };
}

/** A preview image to draw: its path under `og/` without `.png`, and what it shows. */
export interface PreviewImage {
  path: string;
  card: OgCard;
}

/**
 * @param slug the event's id
 * @returns the preview images of an event and of each of its statements
 *   (`events/<slug>`, `statements/<id>`); a withdrawn event's show that it was
 *   withdrawn, never its words
 */
export function getEventPreviews(slug: string, data: EventData, site: string): PreviewImage[] {
  const withdrawn = data.status === 'withdrawn' ? getWithdrawnCard(data, site) : undefined;
  return [
    { path: `events/${slug}`, card: withdrawn ?? getEventCard(data, site) },
    ...data.statements.map((statement) => ({ path: `statements/${statement.id}`, card: withdrawn ?? getStatementCard(statement, site) })),
  ];
}

/** @returns the preview card of a statement */
export function getStatementCard(statement: Statement, site: string): OgCard {
  return {
    kicker: `${t('search.statement')} · ${formatStatementDate(statement)}`,
    title: `“${statement.quote}”`,
    byline: `${statement.speaker}, ${statement.role}`,
    countries: [getCountryName(statement.country)],
    site,
  };
}

type JsonLd = Record<string, unknown>;

function citation(source: Source): JsonLd {
  return { '@type': 'CreativeWork', name: source.title, ...(source.url ? { url: source.url } : {}), ...(source.outlet ? { publisher: { '@type': 'Organization', name: source.outlet } } : {}) };
}

function country(code: CountryCode): JsonLd {
  return { '@type': 'Country', name: getCountryName(code), identifier: code };
}

/** Who publishes the site: the story's name and its home page, for an article's author and publisher. */
export interface Publisher {
  name: string;
  /** Absolute URL of the site's home page. */
  url: string;
}

/**
 * @returns the W3C date (or date-time) the entry last changed on this site: its newest
 *   correction or update since publication, else the day it was published
 */
export function getDateModified(data: Pick<EventData, 'published' | 'updates' | 'when'>): string {
  const changed = getLatestChangeSince(data.published, data.updates);
  return changed ? getUpdateDate(changed, data.when.timeZone) : data.published;
}

/**
 * @param url the event page's absolute URL
 * @param image the absolute URL of its preview image
 * @param publisher the site, which writes and publishes every entry
 * @returns a schema.org NewsArticle: the page as a news site's article, dated as
 *   published and modified here, with its corrections, `about` the Event it reports
 *   with its dates, places and sources
 */
export function getEventJsonLd(data: EventData, url: string, image: string, publisher: Publisher): JsonLd {
  const organization = { '@type': 'Organization', name: publisher.name, url: publisher.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: data.title,
    description: data.summary,
    image,
    datePublished: data.published,
    dateModified: getDateModified(data),
    author: organization,
    publisher: organization,
    inLanguage: 'en',
    about: {
      '@type': 'Event',
      name: data.title,
      startDate: data.when.date,
      location: data.places.length > 0
        ? data.places.map((place) => ({
            '@type': 'Place',
            name: place.name,
            address: { '@type': 'PostalAddress', addressCountry: place.country },
            ...(place.lat !== undefined && place.lon !== undefined ? { geo: { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lon } } : {}),
          }))
        : data.countries.map(country),
      about: data.countries.map(country),
    },
    citation: data.sources.map(citation),
    ...(data.updates.length > 0
      ? {
          correction: getUpdatesNewestFirst(data.updates).map(({ update, anchor }) => ({
            '@type': 'CorrectionComment',
            url: `${url}#${anchor}`,
            datePublished: getUpdateDate(update, data.when.timeZone),
            text: `${getUpdateHeading(update)}: ${update.note}`,
          })),
        }
      : {}),
  };
}

/**
 * @param url the statement page's absolute URL
 * @param eventUrl the absolute URL of the event it belongs to
 * @returns a schema.org Quotation attributed to its speaker
 */
export function getStatementJsonLd(statement: Statement, source: Source, url: string, eventUrl: string, image: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Quotation',
    '@id': url,
    url,
    text: statement.quote,
    dateCreated: statement.date,
    image,
    spokenByCharacter: {
      '@type': statement.speakerType === 'organization' ? 'Organization' : 'Person',
      name: statement.speaker,
      ...(statement.speakerType === 'organization' ? { description: statement.role } : { jobTitle: statement.role }),
      ...(statement.speakerType === 'organization' ? { location: country(statement.country) } : { nationality: country(statement.country) }),
    },
    isPartOf: { '@type': 'Event', '@id': eventUrl, url: eventUrl },
    citation: citation(source),
  };
}
