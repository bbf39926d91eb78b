/**
 * The search page's state, as it lives in the URL: `/search/?q=restraint&country=CN`.
 * Pure functions, so that reading and writing the URL round-trip exactly.
 */

/** What a reader has asked for. Empty strings mean "any". */
export interface SearchState {
  q: string;
  /** ISO 3166-1 alpha-2 code, e.g. `CN`. */
  country: string;
  /** A speaker's name as it appears in the content. */
  speaker: string;
  /** An event kind key, e.g. `military-strike`. */
  kind: string;
  /** `statement`, `event`, or empty for both. */
  type: string;
  sort: 'relevance' | 'date';
  /**
   * Words of `q` the reader wants searched as words, not read as a filter: they
   * removed the filter that "China" or "say" had set. Folded (see `lib/query.ts`).
   */
  asWords: string[];
}

export const EMPTY_STATE: SearchState = { q: '', country: '', speaker: '', kind: '', type: '', sort: 'relevance', asWords: [] };

/** The filters a reader can set, by the names pages give them in the index (`src/search-index.ts`). */
export const SEARCH_FILTERS = ['country', 'speaker', 'kind', 'type'] as const;

export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** @returns the state a URL's query string describes */
export function readState(params: URLSearchParams): SearchState {
  const get = (name: string) => (params.get(name) ?? '').trim();
  return {
    q: get('q'),
    country: get('country').toUpperCase(),
    speaker: get('speaker'),
    kind: get('kind'),
    type: get('type'),
    sort: get('sort') === 'date' ? 'date' : 'relevance',
    asWords: params.getAll('as-words').flatMap((words) => words.split(',')).map((words) => words.trim()).filter(Boolean),
  };
}

/** @returns the query string for a state, `?…`, or an empty string for no search */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of SEARCH_FILTERS) if (state[name]) params.set(name, state[name]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.q.trim() && state.asWords.length > 0) params.set('as-words', state.asWords.join(','));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** @returns whether any filter is set */
export function hasFilters(state: SearchState): boolean {
  return SEARCH_FILTERS.some((name) => state[name] !== '');
}

/** @returns whether the state asks for a search at all */
export function isActive(state: SearchState): boolean {
  return state.q.trim() !== '' || hasFilters(state);
}

/**
 * Splits a Pagefind excerpt into text and highlighted parts without treating it as
 * HTML, so that nothing in indexed text can become markup.
 *
 * @returns the parts in order; `mark` is true for a highlighted match
 */
export function splitExcerpt(excerpt: string): { text: string; mark: boolean }[] {
  const decode = (text: string) =>
    text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[entity] ?? '');
  const parts: { text: string; mark: boolean }[] = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const match of excerpt.matchAll(re)) {
    if (match.index > last) parts.push({ text: decode(excerpt.slice(last, match.index)), mark: false });
    parts.push({ text: decode(match[1] ?? ''), mark: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), mark: false });
  return parts;
}
