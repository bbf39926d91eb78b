import type { APIRoute } from 'astro';
import { getEvents, site } from '../../story';
import { toTimelineJs } from '../../lib/timelinejs';
import { getEventPath, getOrigin } from '../../lib/urls';
import { t } from '../../i18n';

// The story in TimelineJS's JSON format, for a TimelineJS embed of a reader's own.
export const GET: APIRoute = async ({ site: astroSite }) => {
  const origin = getOrigin(astroSite);
  const events = (await getEvents()).map((event) => ({ id: event.id, ...event.data, url: new URL(getEventPath(event.id), origin).href }));
  const story = toTimelineJs({ title: site.title, description: site.description, events }, t('embed.readMore'));
  return new Response(`${JSON.stringify(story, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
