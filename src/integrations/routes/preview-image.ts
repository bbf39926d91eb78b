/**
 * `/og/<path>.png` in `npm run dev`, drawn on request. A build links the same cached
 * files into the output instead (see the preview-images integration).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPreviewImages } from '../../story';
import { renderOgImage } from '../../build/og-image';
import type { OgCard } from '../../lib/previews';

export const prerender = true;

export const getStaticPaths = (async () =>
  (await getPreviewImages()).map(({ path, card }) => ({ params: { path }, props: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) =>
  new Response(new Uint8Array(await renderOgImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
