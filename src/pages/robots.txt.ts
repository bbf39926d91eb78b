import type { APIRoute } from 'astro';
import { getOrigin, getPath } from '../lib/urls';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(getPath('sitemap.xml'), getOrigin(site)).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
