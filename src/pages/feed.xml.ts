import type { APIRoute } from 'astro';
import { getEvents, site } from '../story';
import { renderFeed } from '../lib/feeds';

export const GET: APIRoute = async ({ site: origin = new URL('http://localhost/') }) => renderFeed('rss', await getEvents(), site, origin);
