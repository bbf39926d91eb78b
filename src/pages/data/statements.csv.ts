import type { APIRoute } from 'astro';
import { getStatements } from '../../story';
import { STATEMENT_COLUMNS, toCsv, toStatementRow } from '../../lib/data-export';

export const GET: APIRoute = async ({ site = new URL('http://localhost/') }) =>
  new Response(
    toCsv([STATEMENT_COLUMNS, ...(await getStatements()).map(({ statement, source, event }) => toStatementRow(statement, source, event.id, site))]),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
