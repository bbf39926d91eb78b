/**
 * What search records of each page, in one place: the filters a reader can narrow by,
 * the metadata a result shows, the sort key, and the words that find a page though it
 * does not show them (aliases, topics, other spellings). The event and statement
 * templates pass these to `SearchMeta`; the search page reads the same filter names.
 *
 * Also the query step's vocabulary (`/search/vocabulary.json`): country names from
 * `world-countries` (ODbL, credited on the About page), stop words from `stopword`,
 * and the story's own names from `content/`.
 */
import britishToAmerican from 'american-british-english-translator/data/british_spellings.json';
import americanToBritish from 'american-british-english-translator/data/american_spellings.json';
import { eng as englishStopWords } from 'stopword';
import worldCountries from 'world-countries';
import searchJson from '../content/search.json';
import { getCountries, getEvents, getStatements, type StatementInContext, type TimelineEvent } from './story';
import { getCountryName, isCountryCode } from './lib/countries';
import { getLocalDate } from './lib/dates';
import type { Vocabulary } from './lib/query';
import { searchVocabularySchema, type SearchVocabularyData } from './lib/schema';
import { buildVocabulary, getOtherSpellings, NEWS_SYNONYMS, type Spellings, type WorldCountry } from './lib/search-vocabulary';
import { parseFileData } from './lib/site-files';
import { t } from './i18n';

/** What one page gives Pagefind; see `SearchMeta.astro`. */
export interface SearchRecord {
  /** Filter name → values; the names are `SEARCH_FILTERS` in `scripts/search-state.ts`. */
  filters: Record<string, readonly string[]>;
  /**
   * Shown with a result, and searched: `date` is ISO, so hidden dates do not match
   * words. `topics` (what the event is about) and `also` (other spellings) are
   * searched, never shown.
   */
  meta: Record<string, string>;
  sort: Record<string, number>;
}

const story: SearchVocabularyData = parseFileData('content/search.json', searchJson, searchVocabularySchema);
const spellings: Spellings = { ...britishToAmerican, ...americanToBritish };
// Words for one thing: news English's, then the story's own.
const aliasGroups = [...NEWS_SYNONYMS, ...story.aliases];

/** @returns the words of an event that search reads: its title, summary, body, places and people */
function eventText(event: TimelineEvent): string {
  const { data } = event;
  return [data.title, data.summary, event.body ?? '', ...data.places.map((p) => p.name), ...data.actors.map((a) => `${a.name} ${a.role}`)].join(' ');
}

/** @returns the search record of an event's page */
export function getEventSearchRecord(event: TimelineEvent, position: number): SearchRecord {
  const { data } = event;
  const kind = t(`kind.${data.kind}`);
  const declared = [...data.places.flatMap((p) => p.aliases), ...data.actors.flatMap((a) => a.aliases)];
  return {
    filters: { type: [t('search.event')], kind: [kind], country: data.countries.map(getCountryName) },
    meta: {
      date: getLocalDate(data.when),
      kind,
      countries: data.countries.map(getCountryName).join(', '),
      topics: data.topics.join(' · '),
      also: getOtherSpellings(eventText(event), declared, aliasGroups, spellings),
    },
    sort: { position },
  };
}

/** @returns the search record of a statement's page */
export function getStatementSearchRecord({ statement, event, position }: StatementInContext): SearchRecord {
  const country = getCountryName(statement.country);
  const text = [statement.quote, statement.speaker, statement.role, event.data.title].join(' ');
  const declared = [...(story.speakers[statement.speaker] ?? []), ...event.data.actors.filter((a) => a.name === statement.speaker).flatMap((a) => a.aliases)];
  return {
    filters: { type: [t('search.statement')], kind: [t(`kind.${event.data.kind}`)], country: [country], speaker: [statement.speaker] },
    meta: {
      speaker: statement.speaker,
      role: statement.role,
      country,
      date: statement.date,
      ...(statement.dateReported ? { reported: 'yes' } : {}),
      also: getOtherSpellings(text, declared, aliasGroups, spellings),
    },
    sort: { position },
  };
}

/** @returns the vocabulary the search page reads questions with */
export async function getSearchVocabulary(): Promise<Vocabulary> {
  const [events, statements, countries] = await Promise.all([getEvents(), getStatements(), getCountries()]);
  const speakers = new Map(statements.map(({ statement }) => [statement.speaker, { name: statement.speaker, speakerType: statement.speakerType }]));
  const names = events.flatMap(({ data }) => [
    ...data.places.flatMap((p) => [p.name, ...p.aliases]),
    ...data.actors.flatMap((a) => [a.name, ...a.aliases]),
    ...data.topics,
  ]);
  return buildVocabulary({
    countries: worldCountries as readonly WorldCountry[],
    isCountryCode,
    storyCountries: new Set(countries.map(({ code }) => code)),
    stopWords: englishStopWords,
    speakers: [...speakers.values()],
    names,
    aliasGroups,
    story,
  });
}
