/**
 * `/search-bundles.json`, written during a build only: the pages of the whole site's
 * search bundle (first), and of each country's own, as paths under the site. The
 * Pagefind integration indexes them into `pagefind/` and `pagefind/country/<code>/`,
 * and removes this list from the output.
 */
import type { APIRoute } from 'astro';
import { getCountries, getEvents, getStatements, type StatementInContext } from '../../story';
import { getEventPath, getPath, getSearchBundlePath, getStatementPath } from '../../lib/urls';

export const prerender = true;

/** A search bundle: where it is written and which pages it indexes, both relative to the site. */
export interface SearchBundle {
  path: string;
  pages: string[];
}

export const GET: APIRoute = async () => {
  const relative = (path: string) => path.slice(getPath().length);
  const bundle = (path: string, events: readonly { id: string }[], statements: readonly StatementInContext[]): SearchBundle => ({
    path: relative(path),
    pages: [...events.map((event) => getEventPath(event.id)), ...statements.map(({ statement }) => getStatementPath(statement.id))].map(relative),
  });
  const [events, statements, countries] = await Promise.all([getEvents(), getStatements(), getCountries()]);
  return Response.json([
    bundle(getSearchBundlePath(), events, statements),
    ...countries.map((country) => bundle(getSearchBundlePath(country.code), country.events, country.statements)),
  ]);
};
