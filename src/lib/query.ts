/**
 * Reads a reader's question before it goes to Pagefind, which finds only pages that
 * hold every word it is given. "What did China say?" becomes the country filter China,
 * statements only, and no words; "Moscow's position" becomes Russia; "Zakarova" gets a
 * "Did you mean Zakharova?". Pure: the vocabulary is built from the content at build
 * time (`search-vocabulary.ts`) and fetched with the first search.
 */
/** What the query step knows, as the build writes it to `/search/vocabulary.json`. */
export interface Vocabulary {
  /** Function words, folded; dropped from a question unless quoted. */
  stopWords: string[];
  /** Words that ask what someone said ("say", "reaction"), folded: they keep the search to statements. */
  statementWords: string[];
  /**
   * Every name of every country readers use, folded, by ISO code, separated by `|`:
   * `{ "CN": "beijing|china|chinese|CN" }`. Codes and other short forms written in
   * capitals (`US`, `UK`) are kept in capitals: they count only when typed so, as
   * `in` and `it` are words.
   */
  countries: Record<string, string>;
  /** Words that stand for a country's voice once it is named ("Iraqi government"): dropped then. */
  governmentWords: string[];
  /**
   * Other spellings of a name, folded, with the spelling the pages are searched by:
   * `["baluchistan", "balochistan"]`, `["irbil", "erbil"]`. Every page that holds any
   * spelling is indexed with all of them (`getOtherSpellings`), so one spelling finds
   * them all; searching the one the story's own pages use ranks them best.
   */
  aliases: [string, string][];
  /** Every name of a speaker readers use, folded, with the speaker as the content names them. */
  speakers: [string, string][];
  /** The words of the names of places, people and groups, folded: what "Did you mean" offers. */
  names: string[];
}

/** Something the query step took from the words as a filter; the reader can undo it. */
export interface Understood {
  /** The filter it sets. */
  filter: 'country' | 'speaker' | 'type';
  /** Its value: an ISO code, a speaker's name, or `statement`. */
  value: string;
  /** The words of the query it came from, as typed. */
  from: string;
}

export interface Understanding {
  /** The words to search for, as one Pagefind query. */
  words: string[];
  /** True when the whole query was in quotation marks: an exact phrase. */
  exact: boolean;
  understood: Understood[];
  /** Words that look like a misspelt name, with the name: what "Did you mean" offers (`suggest`). */
  corrections: Correction[];
}

/** A word of the query that looks like a misspelt name. */
export interface Correction {
  /** As typed, without the punctuation that ends a sentence. */
  typed: string;
  /** Folded, as searched. */
  word: string;
  /** The known name, folded. */
  name: string;
}


// Longest name matched at once, in words: "united states of america".
const MAX_NAME_WORDS = 5;

/**
 * @returns the text in lower case without diacritics, with apostrophes and possessives
 *   dropped and other punctuation as spaces: "Moscow’s Koh-e-Sabz" → "moscow koh e sabz"
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`](s\b)?/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** @returns a typed word without the punctuation that ends a question or a sentence */
const bare = (typed: string) => typed.replace(/[?!.,;:]+$/, '');

interface Token {
  /** As typed, for showing what a filter came from. */
  typed: string;
  folded: string;
}

function tokenize(text: string): Token[] {
  return text
    .split(/\s+/)
    .flatMap((typed) => fold(typed).split(' ').filter(Boolean).map((folded) => ({ typed, folded })));
}

/**
 * @param asWords names the reader wants searched as words, folded
 * @returns the longest name at `tokens[start]` found in `names`, as [value, number of tokens]
 */
function matchName(tokens: Token[], start: number, names: ReadonlyMap<string, string>, asWords: ReadonlySet<string>): [string, number] | undefined {
  for (let length = Math.min(MAX_NAME_WORDS, tokens.length - start); length > 0; length--) {
    const phrase = tokens.slice(start, start + length).map((token) => token.folded).join(' ');
    if (asWords.has(phrase)) continue;
    const value = names.get(phrase) ?? (length === 1 && phrase.endsWith('s') ? names.get(phrase.slice(0, -1)) : undefined);
    if (value !== undefined) return [value, length];
  }
  return undefined;
}

/**
 * @returns the number of edits (a letter added, dropped, changed, or two swapped)
 *   between two words, or `limit + 1` as soon as it must be more than `limit`
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      row.push(best);
    }
    if (Math.min(...row) > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length] ?? limit + 1;
}

/** @returns the closest name to a word, when it is close enough to be a misspelling of it */
function closestName(word: string, names: readonly string[]): string | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  const allowed = word.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const name of names) {
    if (Math.abs(name.length - word.length) > allowed) continue;
    const d = editDistance(word, name, allowed);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** Lookup tables for one vocabulary; build once per page with `prepare`. */
export interface PreparedVocabulary {
  stopWords: ReadonlySet<string>;
  statementWords: ReadonlySet<string>;
  governmentWords: ReadonlySet<string>;
  countries: ReadonlyMap<string, string>;
  aliases: ReadonlyMap<string, string>;
  speakers: ReadonlyMap<string, string>;
  names: readonly string[];
  known: ReadonlySet<string>;
}

export function prepare(vocabulary: Vocabulary): PreparedVocabulary {
  const countries = Object.entries(vocabulary.countries).flatMap(([code, forms]) => forms.split('|').map((form): [string, string] => [form, code]));
  const countryWords = countries.map(([form]) => form).filter((form) => form === form.toLowerCase());
  const known = new Set([...vocabulary.names, ...countryWords, ...vocabulary.speakers.map(([name]) => name)].flatMap((name) => name.split(' ')));
  return {
    stopWords: new Set(vocabulary.stopWords),
    statementWords: new Set(vocabulary.statementWords),
    governmentWords: new Set(vocabulary.governmentWords),
    countries: new Map(countries),
    aliases: new Map(vocabulary.aliases),
    speakers: new Map(vocabulary.speakers),
    names: [...new Set([...vocabulary.names, ...countryWords.flatMap((name) => name.split(' '))])].filter((name) => name.length >= 4),
    known,
  };
}

/**
 * Understands a reader's query.
 *
 * @param query what the reader typed
 * @param vocabulary the prepared vocabulary
 * @param asWords words the reader removed the filter of (`Understood.from`, folded): searched as words
 * @param chosen filters the reader set themselves, which a word cannot override
 */
export function understand(
  query: string,
  vocabulary: PreparedVocabulary,
  asWords: ReadonlySet<string> = new Set(),
  chosen: ReadonlySet<string> = new Set(),
): Understanding {
  const trimmed = query.trim();
  const quoted = /^["“](.+)["”]$/.exec(trimmed);
  if (quoted) return { words: [`"${quoted[1] ?? ''}"`], exact: true, understood: [], corrections: [] };

  const understood: Understood[] = [];
  const words: string[] = [];
  const corrections: Correction[] = [];
  const may = (filter: Understood['filter']) => !chosen.has(filter) && !understood.some((u) => u.filter === filter);
  // Quoted parts are kept as they are; the rest is read word by word.
  const parts = trimmed.split(/["“”]/);
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      words.push(...tokenize(part).map((token) => token.folded));
      return;
    }
    const tokens = tokenize(part);
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i] as Token;
      const typed = (length: number) => bare([...new Set(tokens.slice(i, i + length).map((t) => t.typed))].join(' '));
      const speaker = may('speaker') ? matchName(tokens, i, vocabulary.speakers, asWords) : undefined;
      const code = /^[A-Z]{2,3}$/.test(bare(token.typed)) && !asWords.has(token.folded) ? vocabulary.countries.get(bare(token.typed)) : undefined;
      const country = speaker || !may('country') ? undefined : code ? ([code, 1] as [string, number]) : matchName(tokens, i, vocabulary.countries, asWords);
      const match = speaker ? { filter: 'speaker' as const, found: speaker } : country ? { filter: 'country' as const, found: country } : undefined;
      if (match) {
        understood.push({ filter: match.filter, value: match.found[0], from: typed(match.found[1]) });
        i += match.found[1];
        continue;
      }
      const alias = matchName(tokens, i, vocabulary.aliases, new Set());
      if (alias) {
        words.push(...alias[0].split(' ').filter((word) => word.length > 1 && !vocabulary.stopWords.has(word)));
        i += alias[1];
        continue;
      }
      i += 1;
      // "What did China say": drop "say", and keep to statements unless the reader declined that.
      if (vocabulary.statementWords.has(token.folded)) {
        if (may('type') && !asWords.has(token.folded)) understood.push({ filter: 'type', value: 'statement', from: bare(token.typed) });
        continue;
      }
      if (vocabulary.stopWords.has(token.folded) || (token.folded.length < 2 && !/\d/.test(token.folded))) continue;
      words.push(token.folded);
      if (!vocabulary.known.has(token.folded)) {
        const name = closestName(token.folded, vocabulary.names);
        if (name) corrections.push({ typed: bare(token.typed), word: token.folded, name });
      }
    }
  });
  // "The Iraqi government": what Iraq's officials said.
  const voice = words.filter((word) => vocabulary.governmentWords.has(word));
  if (voice.length > 0 && understood.some((u) => u.filter === 'country')) {
    words.splice(0, words.length, ...words.filter((word) => !vocabulary.governmentWords.has(word)));
    if (may('type') && !asWords.has(voice[0] ?? '')) understood.push({ filter: 'type', value: 'statement', from: voice[0] ?? '' });
  }
  return { words, exact: false, understood, corrections };
}

/**
 * @param corrections the corrections to make; the search page keeps those whose word
 *   finds nothing in the index, so that an ordinary word near a name ("killed",
 *   "Miller") is not taken for a misspelling of it
 * @returns the query with those words corrected, for "Did you mean": "Zakarova" →
 *   "Zakharova"; nothing without a correction
 */
export function suggest(query: string, corrections: readonly Correction[]): string | undefined {
  if (corrections.length === 0) return undefined;
  return corrections.reduce((text, { typed, name }) => text.replace(typed, name.replace(/^./, (c) => c.toUpperCase())), query.trim());
}

/**
 * The fallback when the filters read from a question leave no result with every word
 * ("what did Guterres say" where Guterres made no statement, "who condemned Iran"):
 * the same question read with fewer of them, as if the reader had removed them one
 * step at a time. "Statements only" goes first, being read from the loosest words
 * ("who", "reaction"); then every filter, each name searched as a word. A name freed
 * so can let the next one be read as a filter ("Pakistan condemned Iran"), so the
 * steps go on until a reading has no filter left. Filters the reader chose stay.
 *
 * @returns the looser readings, loosest last
 */
export function looserReadings(query: string, vocabulary: PreparedVocabulary, asWords: ReadonlySet<string>, chosen: ReadonlySet<string>): Understanding[] {
  const readings: Understanding[] = [];
  let declined = new Set(asWords);
  let reading = understand(query, vocabulary, declined, chosen);
  while (reading.understood.length > 0) {
    const types = reading.understood.filter((u) => u.filter === 'type');
    const step = types.length > 0 && types.length < reading.understood.length ? types : reading.understood;
    const next = new Set([...declined, ...step.map((u) => fold(u.from))]);
    // Every step declines a phrase not declined before; this only guards the loop.
    if (next.size === declined.size) break;
    declined = next;
    reading = understand(query, vocabulary, declined, chosen);
    readings.push(reading);
  }
  return readings;
}

/**
 * The fallback when no page holds every word: the word sets to try, most words first.
 * Each set leaves out some words; up to six words, every combination is tried, beyond
 * that only the sets that leave out one word, then single words.
 *
 * @returns the sets of fewer words, each with how many words it keeps
 */
export function fewerWords(words: readonly string[]): string[][] {
  const sets: string[][] = [];
  const n = words.length;
  if (n <= 1) return sets;
  if (n > 6) {
    for (let skip = 0; skip < n; skip++) sets.push(words.filter((_, i) => i !== skip));
    for (const word of words) sets.push([word]);
    return sets;
  }
  for (let size = n - 1; size >= 1; size--) {
    for (let mask = 0; mask < 1 << n; mask++) {
      let bits = 0;
      for (let m = mask; m; m &= m - 1) bits++;
      if (bits === size) sets.push(words.filter((_, i) => mask & (1 << i)));
    }
  }
  return sets;
}
