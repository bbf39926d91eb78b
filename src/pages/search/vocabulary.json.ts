/**
 * The query step's vocabulary (see `src/lib/query.ts`), fetched by the search page
 * with the reader's first search, never before.
 */
import type { APIRoute } from 'astro';
import { getSearchVocabulary } from '../../search-index';

export const GET: APIRoute = async () => new Response(JSON.stringify(await getSearchVocabulary()), { headers: { 'Content-Type': 'application/json' } });
