/**
 * `/page-dates.json`, written during a build only: when each page last changed, for
 * the sitemap's `lastmod`, as paths under the site → a W3C date. Only pages whose
 * event carries a correction or update are listed: the others' change dates are not
 * known. The permalinks integration reads it and removes it from the output.
 */
import type { APIRoute } from 'astro';
import { getAllEvents } from '../../story';
import { getLatestUpdate, getUpdateDate } from '../../lib/updates';

export const prerender = true;

export const GET: APIRoute = async () => {
  const dates: Record<string, string> = {};
  for (const event of await getAllEvents()) {
    const latest = getLatestUpdate(event.data.updates);
    if (!latest) continue;
    const date = getUpdateDate(latest, event.data.when.timeZone);
    // Paths as the permalink lock writes them: without BASE_PATH.
    dates[`/events/${event.id}/`] = date;
    for (const statement of event.data.statements) dates[`/statements/${statement.id}/`] = date;
  }
  return Response.json(dates);
};
