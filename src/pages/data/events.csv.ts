import type { APIRoute } from 'astro';
import { getEvents } from '../../story';
import { EVENT_COLUMNS, toCsv, toEventRow } from '../../lib/data-export';

export const GET: APIRoute = async ({ site = new URL('http://localhost/') }) =>
  new Response(toCsv([EVENT_COLUMNS, ...(await getEvents()).map((event) => toEventRow(event, site))]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
