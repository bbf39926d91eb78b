/**
 * `/page-dates.json`, written during a build only: when each page last changed, for
 * the sitemap's `lastmod`, as paths under the site → a W3C date: an event's page and
 * its statements' pages change when the event is published and when it is corrected or
 * updated. The permalinks integration reads it and removes it from the output.
 */
import type { APIRoute } from 'astro';
import { getAllEvents } from '../../story';
import { getDateModified } from '../../lib/previews';

export const prerender = true;

export const GET: APIRoute = async () => {
  const dates: Record<string, string> = {};
  for (const event of await getAllEvents()) {
    const date = getDateModified(event.data);
    // Paths as the permalink lock writes them: without BASE_PATH.
    dates[`/events/${event.id}/`] = date;
    for (const statement of event.data.statements) dates[`/statements/${statement.id}/`] = date;
  }
  return Response.json(dates);
};
