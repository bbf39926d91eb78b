/**
 * `/og/images.json`, written during a build only: every preview image the site needs
 * and what it shows. The preview-images integration draws or links them and removes
 * this list from the output.
 */
import type { APIRoute } from 'astro';
import { getPreviewImages } from '../../story';

export const prerender = true;

export const GET: APIRoute = async () => Response.json(await getPreviewImages());
