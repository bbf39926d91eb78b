/**
 * `/oembed/<events|statements>/<id>.json` in `npm run dev`, on request. A build writes
 * the same documents straight into the output instead (see the oembed integration).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEmbeddables, getOembedFile, type Embeddable } from '../../story';
import { getOembedName } from '../../lib/embed';
import { getOrigin } from '../../lib/urls';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await getEmbeddables()).map((item) => ({ params: { path: getOembedName(item.kind, item.id) }, props: { item } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: Embeddable }> = ({ props, site }) =>
  new Response(getOembedFile(props.item, getOrigin(site)).content, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
