/**
 * Paths on this site, all under Astro's `base` so the site works from a sub-path.
 */
import { withBase } from './base';

/** @returns the path of a page of the site, e.g. `about/` → `/timeline/about/` */
export function getPath(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/**
 * @param site Astro's `site`, as an endpoint or page receives it
 * @returns the public origin absolute URLs are built on; astro.config.mjs always sets it
 */
export function getOrigin(site: URL | undefined): URL {
  if (!site) throw new Error('No site URL: astro.config.mjs sets `site` from SITE_URL');
  return site;
}

/** @returns the permalink path of an event */
export function getEventPath(slug: string): string {
  return getPath(`events/${slug}/`);
}

/** @returns the path of a page of the timeline; page 1 is the home page */
export function getTimelinePagePath(page: number): string {
  return page === 1 ? getPath() : getPath(`timeline/${page}/`);
}

/** @returns the path of an event's place on the timeline */
export function getTimelinePath(slug: string, page = 1): string {
  return `${getTimelinePagePath(page)}#${slug}`;
}

/** @returns the permalink of a statement: its anchor in its event */
export function getStatementAnchorPath(eventSlug: string, statementId: string): string {
  return `${getEventPath(eventSlug)}#${statementId}`;
}

/** @returns the path of a statement's own page */
export function getStatementPath(statementId: string): string {
  return getPath(`statements/${statementId}/`);
}

/** @returns the path of a country's page, e.g. `/countries/pk/`, or of a later page of it, `/countries/pk/2/` */
export function getCountryPath(code: string, page = 1): string {
  return getPath(`countries/${code.toLowerCase()}/${page === 1 ? '' : `${page}/`}`);
}

/** @returns the path of a page of `/corrections/`, the newest first */
export function getCorrectionsPath(page = 1): string {
  return getPath(`corrections/${page === 1 ? '' : `${page}/`}`);
}

/** @returns the folder of a search bundle: the whole site's, or one country's alone */
export function getSearchBundlePath(country?: string): string {
  return getPath(country ? `pagefind/country/${country.toLowerCase()}/` : 'pagefind/');
}

/** Files the build writes besides the pages in `src/pages/` (the permalinks step). */
const GENERATED_PATHS: readonly string[] = ['/sitemap.xml'];

/**
 * @param pageFiles the files under `src/pages/`, relative to it, e.g. `data/events.csv.ts`
 * @returns the paths of the pages and files that do not come from content, as editors
 *   link to them: `about.astro` → `/about/`, `robots.txt.ts` → `/robots.txt`. Routes with
 *   parameters (`[slug].astro`) and the 404 page are left out.
 */
export function getFixedPaths(pageFiles: readonly string[]): string[] {
  const pages = pageFiles
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => /\.(?:astro|ts)$/.test(file) && !file.includes('[') && !/(?:^|\/)404\.astro$/.test(file))
    // A page is a folder (`about.astro` → `/about/`); an endpoint keeps its file name.
    .map((file) => (file.endsWith('.astro') ? `/${file.replace(/(?:^|(?<=\/))index\.astro$/, '').replace(/\.astro$/, '/')}` : `/${file.replace(/\.ts$/, '')}`));
  return [...pages, ...GENERATED_PATHS].sort();
}

/** What an event page shows that an editor may link to. */
export interface EventSections {
  /** A withdrawn event's page shows only its notice and its updates. */
  status?: string;
  updates: readonly unknown[];
  statements: readonly { id: string }[];
  claims: readonly unknown[];
  actors: readonly unknown[];
  sources: readonly { id: string }[];
}

/**
 * @returns the sections an event page renders, in page order: a section with no
 *   entries is left out, so no link to it can pass
 */
export function getEventSections(event: EventSections): ('updates' | 'statements' | 'claims' | 'actors' | 'sources')[] {
  const updates = event.updates.length > 0 ? (['updates'] as const) : [];
  if (event.status === 'withdrawn') return [...updates];
  return [
    ...updates,
    ...(event.statements.length > 0 ? (['statements'] as const) : []),
    ...(event.claims.length > 0 ? (['claims'] as const) : []),
    ...(event.actors.length > 0 ? (['actors'] as const) : []),
    'sources',
  ];
}

/** @returns every anchor on an event page: its sections, statements and sources */
export function getEventAnchors(event: EventSections): string[] {
  const updates = event.updates.map((_, i) => getUpdateAnchor(i));
  if (event.status === 'withdrawn') return [...getEventSections(event), ...updates];
  return [...getEventSections(event), ...updates, ...event.statements.map((s) => s.id), ...event.sources.map((s) => getSourceAnchor(s.id))];
}

/**
 * @param index an update's place in the event file's list, from 0
 * @returns its anchor on the event page, e.g. `update-1`; stable while editors add updates at the end
 */
export function getUpdateAnchor(index: number): string {
  return `update-${index + 1}`;
}

/** @returns the anchor of a source in its event's source list */
export function getSourceAnchor(sourceId: string): string {
  return `source-${sourceId}`;
}
