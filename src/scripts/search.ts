/**
 * The search page's behaviour, loaded only once a reader uses search. It runs
 * Pagefind on the index built with the site, keeps the search in the URL (so a search
 * can be shared, restored, and walked back with Back and Forward) and announces the
 * number of results to screen readers.
 *
 * A search within one country queries that country's own bundle (`pagefind/country/<code>/`),
 * a fraction of the whole index; a search across countries queries the whole site's.
 */
import { t } from '../i18n';
import { getSearchBundlePath } from '../lib/urls';
import { hasFilters, isActive, readState, splitExcerpt, writeState, type SearchState } from './search-state';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  totalFilters: Record<string, Record<string, number> | undefined>;
}

type PagefindFilters = Record<string, string | { any: string[] }>;

interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options: { filters: PagefindFilters; sort?: Record<string, 'asc'> }): Promise<PagefindSearch>;
}

const PAGE_SIZE = 20;
// Typing pauses longer than this start a new entry in the browser's history.
const TYPING_SESSION_MS = 1500;
const FILTER_NAMES = ['country', 'speaker', 'kind', 'type'] as const;

/** The parts of the search page this module drives. */
export interface SearchPage {
  form: HTMLFormElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  clear: HTMLButtonElement;
  base: string;
}

function field(form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) {
    throw new Error(`search form has no field "${name}"`);
  }
  return element;
}

function readForm(form: HTMLFormElement): SearchState {
  return readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
}

function fillForm(form: HTMLFormElement, state: SearchState): void {
  field(form, 'q').value = state.q;
  for (const name of FILTER_NAMES) field(form, name).value = state[name];
  field(form, 'sort').value = state.sort;
}

function filterValues(form: HTMLFormElement, name: string): string[] {
  const select = field(form, name);
  if (!(select instanceof HTMLSelectElement)) return [];
  return [...select.options].flatMap((option) => (option.dataset['filter'] ? [option.dataset['filter']] : []));
}

/**
 * The filters as Pagefind knows them: each option's `data-filter` (e.g. a country's name).
 * Across countries, the country filter lists every country: it keeps every result and
 * makes Pagefind count the results of each country. A country's own bundle holds only
 * that country, so the filter is needed there only to list everything when no words are given.
 */
function toPagefindFilters(form: HTMLFormElement, state: SearchState): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const name of FILTER_NAMES) {
    const select = field(form, name);
    if (!(select instanceof HTMLSelectElement) || !state[name] || (name === 'country' && state.q)) continue;
    const option = [...select.options].find((o) => o.value === state[name]);
    filters[name] = option?.dataset['filter'] ?? state[name];
  }
  if (!state.country) filters['country'] = { any: filterValues(form, 'country') };
  return filters;
}

/** Shows each option's number of results where Pagefind counted them, and its name alone elsewhere. */
function updateCounts(form: HTMLFormElement, counts: PagefindSearch['totalFilters'], state: SearchState): void {
  for (const name of FILTER_NAMES) {
    const select = field(form, name);
    if (!(select instanceof HTMLSelectElement)) continue;
    // Within one country's bundle, the other countries' numbers are unknown.
    const known = name === 'country' ? !state.country : Boolean(state[name]);
    for (const option of select.options) {
      const value = option.dataset['filter'];
      const label = option.dataset['label'];
      if (value && label) option.textContent = known ? `${label} (${counts[name]?.[value] ?? 0})` : label;
    }
  }
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const isStatement = data.filters['type']?.includes(t('search.statement')) ?? false;
  const item = document.createElement('li');
  item.className = 'result';
  const kicker = document.createElement('p');
  kicker.className = 'result-kicker';
  const label = isStatement ? t('search.quote') : `${t('search.event')}: ${meta['kind'] ?? ''}`;
  kicker.textContent = [label, isStatement ? meta['country'] : meta['countries'], meta['date']].filter(Boolean).join(' · ');
  const heading = document.createElement('h2');
  heading.className = 'result-title';
  const link = document.createElement('a');
  link.href = meta['permalink'] ?? data.url;
  link.textContent = (isStatement ? meta['speaker'] : meta['title']) ?? data.url;
  heading.append(link);
  item.append(kicker, heading);
  if (isStatement && meta['role']) {
    const role = document.createElement('p');
    role.className = 'result-role';
    role.textContent = meta['role'];
    item.append(role);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  for (const part of splitExcerpt(data.excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(part.text);
    }
  }
  item.append(excerpt);
  return item;
}

function describe(state: SearchState, count: number): string {
  const what = [state.q ? t('search.forQuery', { q: state.q }) : '', hasFilters(state) ? t('search.withFilters') : '']
    .filter(Boolean)
    .join(' ');
  if (count === 0) return `${t('search.noResults', { what })} ${hasFilters(state) ? t('search.noResultsHint') : ''}`.trim();
  return `${count === 1 ? t('search.resultCountOne') : t('search.resultCount', { count })} ${what}.`;
}

/**
 * Loads Pagefind and wires the search form; searches at once if the URL asks for one.
 *
 * @param page the search page's elements
 */
export async function startSearch(page: SearchPage): Promise<void> {
  const { form, status, results, more, clear, base } = page;
  if (import.meta.env.DEV) {
    status.textContent = t('search.needsBuild');
    return;
  }
  status.textContent = t('search.loading');
  const bundles = new Map<string, Promise<Pagefind>>();
  const loadBundle = (country: string) => {
    const path = getSearchBundlePath(country);
    let bundle = bundles.get(path);
    if (!bundle) {
      bundle = (async () => {
        const pagefind = (await import(/* @vite-ignore */ `${path}pagefind.js`)) as Pagefind;
        await pagefind.options({ baseUrl: base });
        await pagefind.init();
        return pagefind;
      })();
      // A failed load may be retried by the next search.
      bundle.catch(() => bundles.delete(path));
      bundles.set(path, bundle);
    }
    return bundle;
  };

  let current: PagefindSearch['results'] = [];
  let shown = 0;
  let run = 0;
  let lastTyping = 0;

  const showMore = async () => {
    const batch = current.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    results.append(...data.map(renderResult));
    shown += batch.length;
    more.hidden = shown >= current.length;
  };

  const search = async (state: SearchState) => {
    const thisRun = ++run;
    clear.hidden = !hasFilters(state);
    if (!isActive(state)) {
      results.replaceChildren();
      more.hidden = true;
      status.textContent = t('search.prompt');
      return;
    }
    let response: PagefindSearch;
    try {
      const pagefind = await loadBundle(state.country);
      response = await pagefind.search(state.q || null, {
        filters: toPagefindFilters(form, state),
        ...(state.sort === 'date' ? { sort: { position: 'asc' } } : {}),
      });
    } catch {
      if (thisRun === run) status.textContent = t('search.failed');
      return;
    }
    // A slower, older search must not overwrite a newer one.
    if (thisRun !== run) return;
    current = response.results;
    shown = 0;
    results.replaceChildren();
    await showMore();
    if (thisRun !== run) return;
    updateCounts(form, response.totalFilters, state);
    status.textContent = describe(state, current.length);
  };

  const commit = (state: SearchState, typing: boolean) => {
    const url = `${location.pathname}${writeState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    const now = Date.now();
    if (typing && now - lastTyping < TYPING_SESSION_MS) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    lastTyping = typing ? now : 0;
  };

  const onChange = (typing: boolean) => {
    const state = readForm(form);
    commit(state, typing);
    void search(state);
  };

  let debounce: ReturnType<typeof setTimeout> | undefined;
  field(form, 'q').addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => onChange(true), 250);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) onChange(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    onChange(false);
  });
  clear.addEventListener('click', () => {
    const state = { ...readForm(form), country: '', speaker: '', kind: '', type: '' };
    fillForm(form, state);
    commit(state, false);
    void search(state);
    field(form, 'q').focus();
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    const state = readState(new URLSearchParams(location.search));
    fillForm(form, state);
    void search(state);
  });

  // Arrow keys move from the box through the results, as in a menu of suggestions.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.target === field(form, 'q')) {
      results.querySelector('a')?.focus();
      event.preventDefault();
    }
  });
  results.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') field(form, 'q').focus();
    event.preventDefault();
  });

  // A search in the URL wins; otherwise keep what the reader typed while this loaded.
  const fromUrl = readState(new URLSearchParams(location.search));
  const initial = isActive(fromUrl) ? fromUrl : readForm(form);
  fillForm(form, initial);
  commit(initial, true);
  await search(initial);
}
