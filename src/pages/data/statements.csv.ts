import type { APIRoute } from 'astro';
import { getStatements } from '../../story';
import { STATEMENT_COLUMNS, toCsv, toStatementRow } from '../../lib/data-export';
import { getOrigin } from '../../lib/urls';

export const GET: APIRoute = async ({ site }) =>
  new Response(
    toCsv([STATEMENT_COLUMNS, ...(await getStatements()).map(({ statement, source, event }) => toStatementRow(statement, source, event.id, getOrigin(site)))]),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
