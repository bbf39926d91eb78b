/**
 * What search knows beyond the words on the pages, built from the content at build
 * time. Two halves:
 *
 * - the query's vocabulary (`buildVocabulary`): every country's names, demonyms and
 *   capitals, the story's speakers and names, and the function words to drop, written
 *   to `/search/vocabulary.json` for `query.ts` in the reader's browser;
 * - each page's other spellings (`getOtherSpellings`): aliases, topics and British or
 *   American spellings of its words, indexed with the page but never shown.
 *
 * Pure: the country list, stop words and spelling dictionary are passed in.
 */
import type { Vocabulary } from './query';
import { fold } from './query';
import { remember } from './remember';
import type { SearchVocabularyData } from './schema';

/** A country as the npm package `world-countries` describes it (the fields used here). */
export interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  capital?: string[];
  /** Whether it is a sovereign state: "American" is the United States, not American Samoa. */
  independent?: boolean | null;
}

/**
 * Words that ask what someone said: "what did China say", "Chinese reaction",
 * "Moscow's position", "who urged dialogue". They keep a search to statements rather
 * than being searched.
 */
const STATEMENT_WORDS = ['who', 'say', 'says', 'said', 'saying', 'reaction', 'reactions', 'react', 'reacted', 'respond', 'responded', 'response', 'position', 'stance', 'view', 'views', 'comment', 'comments', 'commented'];

/** Words for a country's voice: "the Iraqi government" asks for Iraq. */
const GOVERNMENT_WORDS = ['government', 'governments', 'officials', 'official', 'authorities', 'administration', 'leadership', 'leaders', 'side'];

/**
 * Words news English uses for one another in any story, applied as the story's alias
 * groups are: "envoys" finds an ambassador, "FM" a foreign minister.
 */
export const NEWS_SYNONYMS: readonly (readonly string[])[] = [
  ['ambassador', 'envoy'],
  ['foreign minister', 'FM'],
];

/** Question words a general stop-word list leaves in, as readers ask: "how many were killed?". */
const QUESTION_WORDS = ['what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'many', 'much', 'did', 'does', 'do', 'done', 'tell', 'happened', 'happen', 'about', 'which', 'any', 'anything'];

/** Words a stop-word list may hold that name things in the news: never dropped. */
const NEVER_STOP = ['us', 'states', 'state', 'killed', 'kill', 'warns', 'warned', 'war', 'new', 'first', 'against', 'between', 'down', 'off', 'out', 'over', 'under', 'up'];

const LATIN = /^[a-z0-9 ]+$/;

const ENGLISH_NAME = /^[A-Za-z .'-]+$/;

/**
 * @returns the forms readers type for a country: its name, demonyms, capitals
 *   ("Washington D.C." and "Washington"), other English spellings of up to three words
 *   ("Burma", "Great Britain"). Official names ("Kingdom of Spain") and names in other
 *   languages are left out: they cost every first search bytes, and readers of an
 *   English site rarely type them. Short forms in capitals are `countryCodes`.
 */
function countryForms(country: WorldCountry): string[] {
  const capitals = (country.capital ?? []).flatMap((capital) => [capital, capital.replace(/\s+(?:[A-Z]\.)+$/, '')]);
  const demonyms = country.demonyms?.eng ? [country.demonyms.eng.f, country.demonyms.eng.m] : [];
  const spellings = country.altSpellings.filter((name) => ENGLISH_NAME.test(name) && name.split(' ').length <= 3 && !/^[A-Z]{2,3}$/.test(name));
  return [country.name.common, ...demonyms, ...capitals, ...spellings];
}

/** @returns the short forms of a country's name written in capitals, e.g. `GB` and `UK` */
const countryCodes = (country: WorldCountry) => [country.cca2, ...country.altSpellings.filter((name) => /^[A-Z]{2,3}$/.test(name))];

/**
 * @param preferred values that win a form they share with others (sovereign states)
 * @returns [form, value] pairs without the forms that name two different things
 */
function unambiguous(pairs: [string, string][], stopWords: ReadonlySet<string>, preferred: ReadonlySet<string> = new Set()): [string, string][] {
  const values = new Map<string, Set<string>>();
  for (const [form, value] of pairs) {
    if (!form || stopWords.has(form)) continue;
    values.set(form, (values.get(form) ?? new Set()).add(value));
  }
  return [...values].flatMap(([form, found]): [string, string][] => {
    const winners = found.size === 1 ? [...found] : [...found].filter((value) => preferred.has(value));
    return winners.length === 1 ? [[form, winners[0] ?? '']] : [];
  });
}

/** @returns the pairs grouped by value, each value's forms sorted and joined by `|` */
function byValue(pairs: [string, string][]): Record<string, string> {
  const grouped: Record<string, string[]> = {};
  for (const [form, value] of [...pairs].sort()) (grouped[value] ??= []).push(form);
  return Object.fromEntries(Object.entries(grouped).map(([value, forms]) => [value, forms.join('|')]));
}

/** A speaker as the statements name them. */
export interface Speaker {
  name: string;
  speakerType: 'person' | 'organization';
}

/**
 * @returns the names a speaker goes by: the name, the name without a parenthesis and
 *   the abbreviation inside it ("Inter-Services Public Relations (ISPR)"), and a
 *   person's last name ("Zakharova")
 */
function speakerForms(speaker: Speaker, extra: readonly string[]): string[] {
  const forms = [speaker.name, ...extra];
  const abbreviation = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(speaker.name);
  if (abbreviation) forms.push(abbreviation[1] ?? '', abbreviation[2] ?? '');
  const words = speaker.name.split(/\s+/);
  if (speaker.speakerType === 'person' && words.length > 1) forms.push(words.at(-1) ?? '');
  return forms;
}

export interface VocabularyInput {
  countries: readonly WorldCountry[];
  /** Is this an ISO 3166-1 code the site knows? */
  isCountryCode: (code: string) => boolean;
  /**
   * The codes of the countries the story's events and statements name. Only their short
   * forms count when typed in capitals: elsewhere "PM" is a prime minister and "IS" a
   * group, not Saint Pierre and Miquelon or Iceland.
   */
  storyCountries: ReadonlySet<string>;
  /** A general English stop-word list, e.g. the npm package `stopword`'s `eng`. */
  stopWords: readonly string[];
  speakers: readonly Speaker[];
  /** Names of places, people and groups, with their aliases, and topics. */
  names: readonly string[];
  /**
   * Words for one thing, the one the pages use first: `NEWS_SYNONYMS` and the story's
   * alias groups.
   */
  aliasGroups: readonly (readonly string[])[];
  story: SearchVocabularyData;
}

/** @returns the vocabulary `query.ts` reads questions with */
export function buildVocabulary(input: VocabularyInput): Vocabulary {
  const never = new Set(NEVER_STOP);
  const stopWords = [...new Set([...input.stopWords.map(fold), ...QUESTION_WORDS])].filter((word) => word && !never.has(word)).sort();
  const stop = new Set(stopWords);
  const known = input.countries.filter((country) => input.isCountryCode(country.cca2));
  const named: [string, string][] = [
    ...known.flatMap((country) => countryForms(country).map((form): [string, string] => [fold(form), country.cca2])),
    ...Object.entries(input.story.countries).flatMap(([code, forms]) => forms.map((form): [string, string] => [fold(form), code])),
  ].filter(([form]) => LATIN.test(form) && form.length > 2);
  const sovereign = new Set(known.filter((country) => country.independent).map((country) => country.cca2));
  const codes = known.filter((country) => input.storyCountries.has(country.cca2)).flatMap((country) => countryCodes(country).map((code): [string, string] => [code, country.cca2]));
  const speakers = input.speakers.flatMap((speaker) =>
    speakerForms(speaker, input.story.speakers[speaker.name] ?? []).map((form): [string, string] => [fold(form), speaker.name]),
  );
  const names = [...input.names, ...input.aliasGroups.flat(), ...input.speakers.map((s) => s.name)].map(fold).filter((name) => LATIN.test(name));
  return {
    stopWords,
    statementWords: STATEMENT_WORDS,
    governmentWords: GOVERNMENT_WORDS,
    countries: byValue([...unambiguous(named, stop, sovereign), ...unambiguous(codes, new Set(), sovereign)]),
    aliases: unambiguous(
      input.aliasGroups.flatMap(([first = '', ...others]) => others.map((other): [string, string] => [fold(other), fold(first)])),
      new Set(),
    )
      .filter(([other, first]) => other !== first)
      .sort(),
    speakers: unambiguous(speakers, stop).sort(),
    names: [...new Set(names.flatMap((name) => name.split(' ')))].filter((word) => word.length >= 4).sort(),
  };
}

/** A British or American spelling and its counterpart, e.g. `labourers` → `laborers`. */
export type Spellings = Readonly<Record<string, string>>;

// The same few names are looked for on every page.
const foldName = remember(fold);

/**
 * @param text everything a page shows that search reads
 * @param declared the page's own aliases and topics
 * @param groups spellings of one name (`content/search.json`'s `aliases`), any of which finds the others
 * @param spellings British and American spellings, both ways
 * @returns the words that should find the page though it does not show them: its
 *   declared aliases and topics, the other spellings of any name in a group it
 *   contains, and the other spelling of its British or American words
 */
export function getOtherSpellings(text: string, declared: readonly string[], groups: readonly (readonly string[])[], spellings: Spellings): string {
  const words = fold(text).split(' ');
  const shown = ` ${words.join(' ')} `;
  const other = new Set(declared);
  for (const group of groups) {
    if (group.some((name) => shown.includes(` ${foldName(name)} `))) for (const name of group) other.add(name);
  }
  for (const word of words) {
    const counterpart = spellings[word];
    if (counterpart) other.add(counterpart);
  }
  return [...other].filter((name) => !shown.includes(` ${foldName(name)} `)).join(' · ');
}
