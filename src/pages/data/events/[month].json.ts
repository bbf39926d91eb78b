import type { APIRoute, GetStaticPaths } from 'astro';
import { getEventsJson } from '../../../story';
import { getOrigin } from '../../../lib/urls';

/** A month of events.json, published only when the whole story is too big for one file. */
export const getStaticPaths = (async () => {
  const files = await getEventsJson(getOrigin(import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined));
  return [...files].flatMap(([path, text]) => {
    const month = /^data\/events\/(\d{4}-\d{2})\.json$/.exec(path)?.[1];
    return month ? [{ params: { month }, props: { text } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ text: string }> = ({ props }) => new Response(props.text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
