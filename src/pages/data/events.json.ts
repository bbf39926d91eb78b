import type { APIRoute } from 'astro';
import { getAllEvents, getEvents, isWithdrawn, site } from '../../story';
import { getEventPath, getOrigin, getPath } from '../../lib/urls';

// Every event on the timeline as its files say, in timeline order, with its slug and
// permalink; then each withdrawn event, marked, with why, and none of its text.
export const GET: APIRoute = async ({ site: astroSite }) => {
  const origin = getOrigin(astroSite);
  return new Response(
    `${JSON.stringify(
      {
        $schema: new URL(getPath('data/events.schema.json'), origin).href,
        title: site.title,
        description: site.description,
        events: (await getEvents()).map((event) => ({ id: event.id, url: new URL(getEventPath(event.id), origin).href, ...event.data })),
        withdrawn: (await getAllEvents())
          .filter(isWithdrawn)
          .map(({ id, data }) => ({ id, url: new URL(getEventPath(id), origin).href, title: data.title, status: data.status, reason: data.reason, updates: data.updates })),
      },
      null,
      2,
    )}\n`,
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
