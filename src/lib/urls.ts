/**
 * Paths on this site, all under Astro's `base` so the site works from a sub-path.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** @returns the path of a page of the site, e.g. `about/` → `/timeline/about/` */
export function getPath(path = ''): string {
  return `${base}${path.replace(/^\//, '')}`;
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

/** @returns the path of a country's page, e.g. `/countries/pk/` */
export function getCountryPath(code: string): string {
  return getPath(`countries/${code.toLowerCase()}/`);
}

/** @returns the folder of a search bundle: the whole site's, or one country's alone */
export function getSearchBundlePath(country?: string): string {
  return getPath(country ? `pagefind/country/${country.toLowerCase()}/` : 'pagefind/');
}

/** Pages and files of the site that do not come from content, as editors link to them. */
export const FIXED_PATHS: readonly string[] = [
  '/',
  '/about/',
  '/countries/',
  '/search/',
  '/data/',
  '/data/events.json',
  '/data/events.schema.json',
  '/data/events.csv',
  '/data/statements.csv',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
];

/** Anchors every event page has besides its statements and sources. */
export const EVENT_SECTIONS: readonly string[] = ['statements', 'claims', 'actors', 'sources'];
