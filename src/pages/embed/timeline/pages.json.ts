import type { APIRoute } from 'astro';
import { getTimelinePages } from '../../../story';
import { getEmbedTimelinePath, listPageStarts } from '../../../lib/embed';

// Where each page of the embeddable timeline starts, for a frame asked for a range of days (EmbedRange).
export const GET: APIRoute = async () => {
  const starts = listPageStarts(await getTimelinePages(), (page) => getEmbedTimelinePath(undefined, page));
  return new Response(JSON.stringify(starts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
