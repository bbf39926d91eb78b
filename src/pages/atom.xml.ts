import type { APIRoute } from 'astro';
import { getEvents, site } from '../content';
import { toFeedEntry, toAtom } from '../lib/feeds';
import { getPath } from '../lib/urls';

export const GET: APIRoute = async ({ site: origin = new URL('http://localhost/') }) => {
  const entries = (await getEvents()).map((event) => toFeedEntry(event, origin));
  const info = { title: site.title, description: site.description, home: new URL(getPath(), origin).href, self: new URL(getPath('atom.xml'), origin).href };
  return new Response(toAtom(info, entries), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
