/**
 * `/_preview-images.json`, written during a build only: every preview image the site needs
 * and what it shows. The preview-images integration draws or links them and removes
 * this list from the output; it is also handed the list as soon as it is rendered,
 * so that drawing starts while the other pages are rendered.
 */
import type { APIRoute } from 'astro';
import { handOverImages } from '../../build/image-handover';
import { getPreviewImages } from '../../story';

export const prerender = true;

export const GET: APIRoute = async () => {
  const images = await getPreviewImages();
  handOverImages(images);
  return Response.json(images);
};
