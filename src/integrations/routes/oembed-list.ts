/**
 * `/_oembed.json`, written during a build only: every oEmbed document, with the path it
 * goes to. The oembed integration writes each file and removes this list.
 */
import type { APIRoute } from 'astro';
import { getEmbeddables, getOembedFile } from '../../story';
import { getOrigin } from '../../lib/urls';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => Response.json((await getEmbeddables()).map((item) => getOembedFile(item, getOrigin(site))));
