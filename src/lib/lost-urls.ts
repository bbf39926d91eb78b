/**
 * Published URLs of content pages that the content no longer gives, for the dev
 * server, which has no built pages to compare with the URL lock (the build compares
 * every page it wrote; src/integrations/permalinks.ts). Both word the failure alike.
 */

/** What the events give pages to: event slugs, statement ids, country codes. */
export interface ContentPages {
  events: Iterable<string>;
  statements: Iterable<string>;
  countries: Iterable<string>;
}

// Pages that exist because of the content; the others do not change with an edit.
const CONTENT_PAGE = /^\/(?:events|statements|countries)\/[^/]+\/$/;

/**
 * @param published paths the lock file lists
 * @param pages what the events give pages to now
 * @param redirects declared redirects, whose old paths still answer
 * @returns the published event, statement and country paths that would disappear
 */
export function findLostContentPaths(published: readonly string[], pages: ContentPages, redirects: Record<string, string>): string[] {
  const now = new Set([
    ...[...pages.events].map((slug) => `/events/${slug}/`),
    ...[...pages.statements].map((id) => `/statements/${id}/`),
    ...[...pages.countries].map((code) => `/countries/${code.toLowerCase()}/`),
  ]);
  return published.filter((path) => CONTENT_PAGE.test(path) && !now.has(path) && !(path in redirects));
}

/**
 * @param lost the paths that would disappear, at least one
 * @param redirectsFile where redirects are declared, if anywhere
 * @returns the message that fails the build (or shows in dev)
 */
export function describeLostPaths(lost: readonly string[], redirectsFile: string | undefined): string {
  return (
    `${lost.length} published URL(s) would disappear:\n${lost.map((path) => `  ${path}`).join('\n')}\n` +
    `Restore them, or declare where each now lives in ${redirectsFile ?? 'a redirects file'}, e.g. { "${lost[0]}": "/events/new-slug/" }.`
  );
}
