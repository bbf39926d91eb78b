/**
 * `/search-bundles.json`, written during a build only: the pages of each country's own
 * search bundle, as paths under the site. The Pagefind integration indexes them into
 * `pagefind/country/<code>/` and removes this list from the output.
 */
import type { APIRoute } from 'astro';
import { getCountries } from '../../story';
import { getEventPath, getPath, getSearchBundlePath, getStatementPath } from '../../lib/urls';

export const prerender = true;

/** A search bundle: where it is written and which pages it indexes, both relative to the site. */
export interface SearchBundle {
  path: string;
  pages: string[];
}

export const GET: APIRoute = async () => {
  const relative = (path: string) => path.slice(getPath().length);
  const bundles: SearchBundle[] = (await getCountries()).map(({ code, events, statements }) => ({
    path: relative(getSearchBundlePath(code)),
    pages: [...events.map((event) => getEventPath(event.id)), ...statements.map(({ statement }) => getStatementPath(statement.id))].map(relative),
  }));
  return Response.json(bundles);
};
