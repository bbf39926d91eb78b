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

/** @returns the path of an event's place on the timeline */
export function getTimelinePath(slug: string): string {
  return `${getPath()}#${slug}`;
}
