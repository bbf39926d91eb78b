import type { APIRoute } from 'astro';
import { site } from '../story';
import { getPath } from '../lib/urls';
import { getWebManifest } from '../lib/well-known';

export const GET: APIRoute = () => new Response(getWebManifest(site, getPath), { headers: { 'Content-Type': 'application/manifest+json' } });
