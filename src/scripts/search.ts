/**
 * The search page's behaviour, loaded only once a reader uses search. It reads the
 * reader's words (`lib/query.ts`: "what did China say?" is China's statements), runs
 * Pagefind on the index built with the site, searches without the filters read from the
 * words when they leave no result with every word, falls back to the results that match
 * most of the words when none match all, offers "Did you mean" for words the index
 * lacks, keeps the search in the URL (so a search can be shared, restored, and walked
 * back with Back and Forward) and announces the number of results to screen readers.
 *
 * A search within one country queries that country's own bundle (`pagefind/country/<code>/`),
 * a fraction of the whole index; a search across countries queries the whole site's.
 * Every bundle is searched with the whole site's copy of the engine (`pagefind.js`, its
 * worker and WebAssembly), so moving between countries downloads their index files and
 * nothing of the engine but its small script once more. Each bundle runs in its own copy
 * of the script, so in its own worker: Pagefind keeps its WebAssembly in one global per
 * worker, and two instances in one worker overwrite each other's memory ("memory access
 * out of bounds").
 */
import type { UiKey } from '../i18n';
import { fill } from '../i18n/fill';
import { fewerWords, fold, looserReadings, prepare, suggest, understand, type Correction, type PreparedVocabulary, type Understanding, type Understood, type Vocabulary } from '../lib/query';
import { getSearchBundlePath } from '../lib/urls';
import { hasFilters, isActive, readState, SEARCH_FILTERS, splitExcerpt, writeState, type SearchFilter, type SearchState } from './search-state';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

interface PagefindSearch {
  results: PagefindResult[];
  totalFilters: Record<string, Record<string, number> | undefined>;
}

type PagefindFilters = Record<string, string | { any: string[] }>;

interface Pagefind {
  init(): Promise<void>;
  search(query: string | null, options: { filters: PagefindFilters; sort?: Record<string, 'asc'> }): Promise<PagefindSearch>;
}

interface PagefindEngine {
  createInstance(options: { basePath: string; baseUrl: string; ranking?: { metaWeights?: Record<string, number> } }): Pagefind;
}

// Results shown at first and at each “more”: each downloads its page's text (about
// 0.8 KB), so ten rather than twenty take 8 KB off a first search at 10,000 events.
const PAGE_SIZE = 10;
// Fewer results than this with every word are followed by those with most of the words.
const FEW = 5;
// Typing pauses longer than this start a new entry in the browser's history.
const TYPING_SESSION_MS = 1500;
// Typing pauses longer than this search.
const TYPING_DEBOUNCE_MS = 250;
/**
 * How much a match in a result's metadata adds to its rank (Pagefind adds it to the
 * text's score). What an editor said an event is about counts almost as much as its
 * title (5, Pagefind's default); who spoke counts more than their role; other
 * spellings of a name count like the text. What a result only shows (its date, kind
 * and countries) adds nothing.
 */
const META_WEIGHTS = { topics: 4, speaker: 3, role: 1, also: 1, date: 0, kind: 0, countries: 0, country: 0, reported: 0 };
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

// The page's own strings (`pickStrings` in search.astro), set by `startSearch`.
let strings: Record<string, string> = {};
const t = (key: UiKey, values: Record<string, string | number> = {}) => fill(strings[key] ?? key, values);

/** The parts of the search page this module drives. */
export interface SearchPage {
  form: HTMLFormElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
  clear: HTMLButtonElement;
  /** Where the filters read from the words are shown, each with a button to undo it. */
  understood: HTMLElement;
  /** "Did you mean …?" */
  suggestion: HTMLElement;
  /** Links onward, shown when nothing matched. */
  wayOn: HTMLElement;
  base: string;
  /** The `search.` strings of `en.json`, and `statement.reported`. */
  strings: Record<string, string>;
}

/**
 * What one search found. The first `full` results hold every word; when they are few,
 * the results that hold most of the words (`matched` of `words`) follow them.
 */
interface Found {
  results: PagefindResult[];
  counts: PagefindSearch['totalFilters'];
  full: number;
  matched: number;
  words: number;
}

function field(form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) {
    throw new Error(`search form has no field "${name}"`);
  }
  return element;
}

function readForm(form: HTMLFormElement, asWords: string[]): SearchState {
  const params = new URLSearchParams([...new FormData(form)].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
  return { ...readState(params), asWords };
}

function fillForm(form: HTMLFormElement, state: SearchState): void {
  field(form, 'q').value = state.q;
  for (const name of SEARCH_FILTERS) field(form, name).value = state[name];
  field(form, 'sort').value = state.sort;
}

function option(form: HTMLFormElement, name: SearchFilter, value: string): HTMLOptionElement | undefined {
  const select = field(form, name);
  return select instanceof HTMLSelectElement ? [...select.options].find((o) => o.value === value) : undefined;
}

/** @returns the filters in force: the reader's own, then those read from their words */
function effectiveFilters(state: SearchState, understanding: Understanding): Record<SearchFilter, string> {
  const filters = { country: state.country, speaker: state.speaker, kind: state.kind, type: state.type };
  for (const { filter, value } of understanding.understood) if (!filters[filter]) filters[filter] = value;
  return filters;
}

/**
 * The filters as Pagefind knows them: each option's `data-filter` (e.g. a country's name).
 * Across countries, the country filter lists every country: it keeps every result and
 * makes Pagefind count the results of each country. A country's own bundle holds only
 * that country, so the filter is needed there only to list everything when no words are given.
 */
function toPagefindFilters(form: HTMLFormElement, filters: Record<SearchFilter, string>, hasBundle: boolean, words: boolean): PagefindFilters {
  const pagefind: PagefindFilters = {};
  for (const name of SEARCH_FILTERS) {
    if (!filters[name] || (name === 'country' && hasBundle && words)) continue;
    // A country with no option is not in the story: its name finds nothing, as it should.
    pagefind[name] = option(form, name, filters[name])?.dataset['filter'] ?? filters[name];
  }
  if (!filters.country) {
    const select = field(form, 'country');
    if (select instanceof HTMLSelectElement) pagefind['country'] = { any: [...select.options].flatMap((o) => (o.dataset['filter'] ? [o.dataset['filter']] : [])) };
  }
  return pagefind;
}

/** Shows each option's number of results where Pagefind counted them, and its name alone elsewhere. */
function updateCounts(form: HTMLFormElement, counts: PagefindSearch['totalFilters'], filters: Record<SearchFilter, string>): void {
  for (const name of SEARCH_FILTERS) {
    const select = field(form, name);
    if (!(select instanceof HTMLSelectElement)) continue;
    // Within one country's bundle, the other countries' numbers are unknown.
    const known = name === 'country' ? !filters.country : Boolean(filters[name]);
    for (const o of select.options) {
      const value = o.dataset['filter'];
      const label = o.dataset['label'];
      if (value && label) o.textContent = known ? `${label} (${counts[name]?.[value] ?? 0})` : label;
    }
  }
}

function formatDate(meta: PagefindResultData['meta']): string {
  const iso = meta['date'];
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const date = DATE_FORMAT.format(new Date(`${iso}T12:00:00Z`));
  return meta['reported'] ? t('statement.reported', { date }) : date;
}

function highlighted(className: string, excerpt: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = className;
  for (const part of splitExcerpt(excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      paragraph.append(mark);
    } else {
      paragraph.append(part.text);
    }
  }
  return paragraph;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const { meta } = data;
  const isStatement = data.filters['type']?.includes(t('search.statement')) ?? false;
  const item = document.createElement('li');
  item.className = 'result';
  const kicker = document.createElement('p');
  kicker.className = 'result-kicker';
  const label = isStatement ? t('search.quote') : `${t('search.event')}: ${meta['kind'] ?? ''}`;
  kicker.textContent = [label, isStatement ? meta['country'] : meta['countries'], formatDate(meta)].filter(Boolean).join(' · ');
  const heading = document.createElement('h2');
  heading.className = 'result-title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = (isStatement ? meta['speaker'] : meta['title']) ?? data.url;
  heading.append(link);
  item.append(kicker, heading);
  if (isStatement && meta['role']) {
    const role = document.createElement('p');
    role.className = 'result-role';
    role.textContent = meta['role'];
    item.append(role);
  }
  item.append(highlighted('result-excerpt', data.excerpt));
  return item;
}

/**
 * @param filtered whose filters are in force: some the reader chose in the form, or
 *   only those read from their words, or none
 */
function describe(state: SearchState, found: Found, filtered: 'chosen' | 'read' | ''): string {
  const withFilters = { chosen: t('search.withFilters'), read: t('search.withReadFilters'), '': '' }[filtered];
  const what = [state.q ? t('search.forQuery', { q: state.q }) : '', withFilters].filter(Boolean).join(' ');
  const count = (n: number) => (n === 1 ? t('search.resultCountOne') : t('search.resultCount', { count: n }));
  const partial = found.results.length - found.full;
  const hint = { chosen: t('search.noResultsHint'), read: t('search.noResultsHintRead'), '': '' }[filtered];
  if (found.results.length === 0) return `${t('search.noResults', { what })} ${hint}`.trim();
  if (partial === 0) return `${count(found.full)} ${what}.`;
  if (found.full === 0) return `${t('search.noneHasAll', { what })} ${t('search.partly', { count: count(partial), matched: found.matched, words: found.words })}`;
  return `${count(found.full)} ${what}, ${t('search.andPartly', { count: partial, matched: found.matched, words: found.words })}`;
}

/** @returns a filter read from the words as its chip names it: "Country: China" */
function describeUnderstood(form: HTMLFormElement, u: Understood): string {
  const value = u.filter === 'country' ? (option(form, 'country', u.value)?.dataset['label'] ?? REGION_NAMES.of(u.value) ?? u.value) : u.filter === 'type' ? t('search.typeStatement') : u.value;
  return t(`search.understood.${u.filter}`, { value });
}

/** A chip for each filter read from the words: "Country: China ×". */
function showUnderstood(page: SearchPage, understood: readonly Understood[], decline: (from: string) => void): void {
  const list = page.understood.querySelector('ul');
  if (!list) return;
  list.replaceChildren(
    ...understood.map((u) => {
      const item = document.createElement('li');
      const text = describeUnderstood(page.form, u);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'chip';
      remove.setAttribute('aria-label', t('search.understood.remove', { what: text, from: u.from }));
      const label = document.createElement('span');
      label.textContent = text;
      const cross = document.createElement('span');
      cross.setAttribute('aria-hidden', 'true');
      cross.textContent = '×';
      remove.append(label, ' ', cross);
      remove.addEventListener('click', () => decline(u.from));
      item.append(remove);
      return item;
    }),
  );
  page.understood.hidden = understood.length === 0;
}

/**
 * Loads Pagefind and wires the search form; searches at once if the URL asks for one.
 *
 * @param page the search page's elements
 */
export async function startSearch(page: SearchPage): Promise<void> {
  const { form, status, results, more, clear, suggestion, wayOn, base } = page;
  strings = page.strings;
  if (import.meta.env.DEV) {
    status.textContent = t('search.needsBuild');
    return;
  }
  status.textContent = t('search.loading');
  const loadEngine = (path: string) =>
    // The same file under another address is another module, with a worker of its own.
    import(/* @vite-ignore */ `${getSearchBundlePath()}pagefind.js${path === getSearchBundlePath() ? '' : `?bundle=${encodeURIComponent(path)}`}`) as Promise<PagefindEngine>;
  const bundles = new Map<string, Promise<Pagefind>>();
  const loadBundle = (path: string) => {
    let bundle = bundles.get(path);
    if (!bundle) {
      bundle = (async () => {
        const pagefind = (await loadEngine(path)).createInstance({ basePath: path, baseUrl: base, ranking: { metaWeights: META_WEIGHTS } });
        await pagefind.init();
        return pagefind;
      })();
      // A failed load may be retried by the next search.
      bundle.catch(() => bundles.delete(path));
      bundles.set(path, bundle);
    }
    return bundle;
  };
  // Without its vocabulary, search still works, on the words as typed.
  const vocabulary: Promise<PreparedVocabulary | undefined> = fetch(`${base}search/vocabulary.json`)
    .then(async (response) => (response.ok ? prepare((await response.json()) as Vocabulary) : undefined))
    .catch((error: unknown) => {
      console.warn('search vocabulary could not load', error);
      return undefined;
    });

  let current: PagefindResult[] = [];
  let fullCount = 0;
  let partialWords = '';
  let shown = 0;
  let run = 0;
  let lastTyping = 0;
  let asWords: string[] = [];

  const partialHeading = () => {
    const item = document.createElement('li');
    item.className = 'results-partial';
    const heading = document.createElement('h2');
    heading.textContent = partialWords;
    item.append(heading);
    return item;
  };

  /** Shows the next page of results, unless a newer search has started meanwhile. */
  const showMore = async (thisRun: number) => {
    const batch = current.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (thisRun !== run) return;
    const items = data.map(renderResult);
    // The results with only some of the words start under their own heading.
    const first = fullCount - shown;
    if (fullCount < current.length && first >= 0 && first < items.length) items.splice(first, 0, partialHeading());
    results.append(...items);
    shown += batch.length;
    more.hidden = shown >= current.length;
  };

  /** Runs the words; where few pages hold them all, adds those with the most of them. */
  const find = async (pagefind: Pagefind, words: string[], filters: PagefindFilters, byDate: boolean): Promise<Found> => {
    const sort = byDate || words.length === 0 ? { sort: { position: 'asc' as const } } : {};
    const all = await pagefind.search(words.length > 0 ? words.join(' ') : null, { filters, ...sort });
    const found = { results: all.results, counts: all.totalFilters, full: all.results.length, matched: words.length, words: words.length };
    if (all.results.length >= FEW || words.length < 2) return found;
    const sets = fewerWords(words);
    for (let size = words.length - 1; size >= 1; size--) {
      const partial = await Promise.all(sets.filter((set) => set.length === size).map((set) => pagefind.search(set.join(' '), { filters, ...sort })));
      const seen = new Set(all.results.map((result) => result.id));
      const best = new Map<string, PagefindResult>();
      for (const result of partial.flatMap((p) => p.results)) {
        if (!seen.has(result.id) && (best.get(result.id)?.score ?? -1) < result.score) best.set(result.id, result);
      }
      const more = [...best.values()].sort((a, b) => (byDate ? 0 : b.score - a.score));
      if (more.length > 0) return { ...found, results: [...all.results, ...more], matched: size };
    }
    return found;
  };

  /** Searches one reading of the reader's words, in the bundle of its country if it has one. */
  const runReading = async (state: SearchState, understanding: Understanding) => {
    const filters = effectiveFilters(state, understanding);
    // A country's own bundle, where the story has one; a country it lacks finds nothing in the whole index.
    const hasBundle = Boolean(filters.country && option(form, 'country', filters.country));
    const pagefind = await loadBundle(getSearchBundlePath(hasBundle ? filters.country : ''));
    const found = await find(pagefind, understanding.words, toPagefindFilters(form, filters, hasBundle, understanding.words.length > 0), state.sort === 'date');
    return { understanding, filters, found, pagefind };
  };

  const search = async (state: SearchState) => {
    const thisRun = ++run;
    const known = await vocabulary;
    if (thisRun !== run) return;
    const chosen = new Set(SEARCH_FILTERS.filter((name) => state[name] !== ''));
    const understanding: Understanding = known
      ? understand(state.q, known, new Set(state.asWords), chosen)
      : { words: state.q.split(/\s+/).filter(Boolean), exact: false, understood: [], corrections: [] };
    const declineFilter = (from: string) => {
      const next = { ...readForm(form, [...asWords, fold(from)]) };
      asWords = next.asWords;
      commit(next, false);
      void search(next);
      field(form, 'q').focus();
    };
    clear.hidden = !hasFilters(state);
    showUnderstood(page, understanding.understood, declineFilter);
    showSuggestion(undefined, state);
    wayOn.hidden = true;
    if (!isActive(state)) {
      results.replaceChildren();
      more.hidden = true;
      status.textContent = t('search.prompt');
      return;
    }
    let reading: Awaited<ReturnType<typeof runReading>>;
    let loosened: Understood[] = [];
    let misspelt: Correction[];
    try {
      reading = await runReading(state, understanding);
      // Filters read from the words that leave no result with every word give way to
      // the words: the first looser reading that has such results, or any results at all.
      if (known && reading.found.full === 0 && understanding.understood.length > 0) {
        for (const looser of looserReadings(state.q, known, new Set(state.asWords), chosen)) {
          const tried = await runReading(state, looser);
          if (thisRun !== run) return;
          if (tried.found.full > 0 || (reading.found.results.length === 0 && tried.found.results.length > 0)) {
            loosened = understanding.understood.filter((u) => !looser.understood.some((l) => l.filter === u.filter && l.value === u.value));
            reading = tried;
            if (tried.found.full > 0) break;
          }
        }
      }
      // "Did you mean" only for words that find nothing here: "killed" is no misspelt "Miller".
      const finds = await Promise.all(understanding.corrections.map(async ({ word }) => (await reading.pagefind.search(word, { filters: {} })).results.length > 0));
      misspelt = understanding.corrections.filter((_, i) => !finds[i]);
    } catch (error) {
      console.error('search failed', error);
      if (thisRun === run) status.textContent = t('search.failed');
      return;
    }
    // A slower, older search must not overwrite a newer one.
    if (thisRun !== run) return;
    const { found, filters } = reading;
    if (loosened.length > 0) showUnderstood(page, reading.understanding.understood, declineFilter);
    showSuggestion(suggest(state.q, misspelt), state);
    current = found.results;
    fullCount = found.full;
    partialWords = t('search.partlyHeading', { matched: found.matched, words: found.words });
    shown = 0;
    results.replaceChildren();
    await showMore(thisRun);
    if (thisRun !== run) return;
    updateCounts(form, found.counts, filters);
    const named = loosened.map((u) => `“${describeUnderstood(form, u)}”`).join(', ');
    const left = loosened.length === 0 ? '' : `${t(loosened.length === 1 ? 'search.loosenedOne' : 'search.loosened', { filters: named })} `;
    const filtered = chosen.size > 0 ? 'chosen' : Object.values(filters).some(Boolean) ? 'read' : '';
    status.textContent = `${left}${describe(state, found, filtered)}`;
    wayOn.hidden = found.full > 0;
  };

  const showSuggestion = (text: string | undefined, state: SearchState) => {
    suggestion.hidden = !text;
    const link = suggestion.querySelector('a');
    if (!text || !link) return;
    link.textContent = text;
    link.href = `${location.pathname}${writeState({ ...state, q: text, asWords: [] })}`;
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
    // Words taken as words stay so only while the reader keeps them in the query.
    const q = fold(field(form, 'q').value);
    asWords = asWords.filter((words) => ` ${q} `.includes(` ${words} `));
    const state = readForm(form, asWords);
    commit(state, typing);
    void search(state);
  };

  let debounce: ReturnType<typeof setTimeout> | undefined;
  field(form, 'q').addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => onChange(true), TYPING_DEBOUNCE_MS);
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
    const state = { ...readForm(form, asWords), country: '', speaker: '', kind: '', type: '' };
    fillForm(form, state);
    commit(state, false);
    void search(state);
    field(form, 'q').focus();
  });
  suggestion.querySelector('a')?.addEventListener('click', (event) => {
    event.preventDefault();
    const state = readState(new URL((event.currentTarget as HTMLAnchorElement).href).searchParams);
    asWords = [];
    fillForm(form, state);
    commit(state, false);
    void search(state);
  });
  more.addEventListener('click', () => void showMore(run));
  window.addEventListener('popstate', () => {
    const state = readState(new URLSearchParams(location.search));
    asWords = state.asWords;
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
    const index = links.findIndex((link) => link === document.activeElement);
    const next = links[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') field(form, 'q').focus();
    event.preventDefault();
  });

  // A search in the URL wins; otherwise keep what the reader typed while this loaded.
  const fromUrl = readState(new URLSearchParams(location.search));
  const initial = isActive(fromUrl) ? fromUrl : readForm(form, []);
  asWords = initial.asWords;
  fillForm(form, initial);
  commit(initial, true);
  await search(initial);
}
