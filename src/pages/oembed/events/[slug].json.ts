import type { APIRoute, GetStaticPaths } from 'astro';
import { getEvents, getPageKey, site, type TimelineEvent } from '../../../story';
import { getEmbedEventPath, getOembed } from '../../../lib/embed';
import { OG_HEIGHT, OG_WIDTH } from '../../../lib/previews';
import { getOrigin, getPath } from '../../../lib/urls';

export const getStaticPaths = (async () => (await getEvents()).map((event) => ({ params: { slug: event.id }, props: { event }, cacheKey: getPageKey({ event }) }))) satisfies GetStaticPaths;

// An event's oEmbed document, written once at build time: its page links to it.
export const GET: APIRoute<{ event: TimelineEvent }> = ({ props: { event }, site: astroSite }) => {
  const origin = getOrigin(astroSite);
  const oembed = getOembed({
    iframe: { src: new URL(getEmbedEventPath(event.id), origin).href, title: event.data.title, kind: 'event' },
    siteName: site.title,
    siteUrl: new URL(getPath(), origin).href,
    thumbnail: { url: new URL(getPath(`og/events/${event.id}.png`), origin).href, width: OG_WIDTH, height: OG_HEIGHT },
  });
  return new Response(`${JSON.stringify(oembed, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
