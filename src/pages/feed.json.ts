import type { APIRoute } from 'astro';
import { getEvents, site } from '../content';
import { toFeedEntry, toJsonFeed } from '../lib/feeds';
import { getPath } from '../lib/urls';

export const GET: APIRoute = async ({ site: origin = new URL('http://localhost/') }) => {
  const entries = (await getEvents()).map((event) => toFeedEntry(event, origin));
  const info = { title: site.title, description: site.description, home: new URL(getPath(), origin).href, self: new URL(getPath('feed.json'), origin).href };
  return new Response(toJsonFeed(info, entries), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
