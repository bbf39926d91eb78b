import type { APIRoute } from 'astro';
import { getFeedEvents, site } from '../story';
import { renderFeed } from '../lib/feeds';
import { getOrigin } from '../lib/urls';

export const GET: APIRoute = async ({ site: origin }) => renderFeed('rss', await getFeedEvents(), site, getOrigin(origin));
