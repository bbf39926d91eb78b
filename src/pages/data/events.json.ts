import type { APIRoute } from 'astro';
import { getEventsJson } from '../../story';
import { getOrigin } from '../../lib/urls';

// Every event, or for a story too big for one file an index of its monthly parts.
export const GET: APIRoute = async ({ site }) =>
  new Response((await getEventsJson(getOrigin(site))).get('data/events.json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
