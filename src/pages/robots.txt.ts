import type { APIRoute } from 'astro';
import { getPath } from '../lib/urls';

export const GET: APIRoute = ({ site = new URL('http://localhost/') }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(getPath('sitemap.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
