import type { APIRoute, GetStaticPaths } from 'astro';
import { getFeedEvents, site } from '../../../story';
import { getFeedMonths, hasFeedArchives, renderFeed } from '../../../lib/feeds';
import { getOrigin } from '../../../lib/urls';

/** A month of the feed, for readers that follow its archives (RFC 5005); only when the feed leaves events out. */
export const getStaticPaths = (async () => {
  const events = await getFeedEvents();
  return hasFeedArchives(events) ? getFeedMonths(events).map(({ month }) => ({ params: { month } })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: origin }) => renderFeed('rss', await getFeedEvents(), site, getOrigin(origin), params.month);
