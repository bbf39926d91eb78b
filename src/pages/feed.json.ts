import type { APIRoute } from 'astro';
import { getEvents, site } from '../story';
import { renderFeed } from '../lib/feeds';
import { getOrigin } from '../lib/urls';

export const GET: APIRoute = async ({ site: origin }) => renderFeed('json', await getEvents(), site, getOrigin(origin));
