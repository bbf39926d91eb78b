import type { APIRoute } from 'astro';
import { getEvents, site } from '../../story';
import { getEventPath, getOrigin, getPath } from '../../lib/urls';

// Every event as its files say, in timeline order, with its slug and permalink.
export const GET: APIRoute = async ({ site: astroSite }) => {
  const origin = getOrigin(astroSite);
  return new Response(
    `${JSON.stringify(
      {
        $schema: new URL(getPath('data/events.schema.json'), origin).href,
        title: site.title,
        description: site.description,
        events: (await getEvents()).map((event) => ({ id: event.id, url: new URL(getEventPath(event.id), origin).href, ...event.data })),
      },
      null,
      2,
    )}\n`,
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
