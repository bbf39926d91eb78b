import type { APIRoute } from 'astro';
import { getEvents } from '../../story';
import { EVENT_COLUMNS, toCsv, toEventRow } from '../../lib/data-export';
import { getOrigin } from '../../lib/urls';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv([EVENT_COLUMNS, ...(await getEvents()).map((event) => toEventRow(event, getOrigin(site)))]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
