/**
 * The query step on a vocabulary built as the site builds it: every country from
 * `world-countries`, the `stopword` list, and a small story of its own.
 */
import { eng } from 'stopword';
import worldCountries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { isCountryCode } from '../../src/lib/countries';
import { editDistance, fewerWords, fold, looserReadings, prepare, suggest, understand } from '../../src/lib/query';
import { buildVocabulary, getOtherSpellings, type WorldCountry } from '../../src/lib/search-vocabulary';

const vocabulary = prepare(
  buildVocabulary({
    countries: worldCountries as readonly WorldCountry[],
    isCountryCode,
    storyCountries: new Set(['AF', 'AU', 'BR', 'CN', 'GB', 'IN', 'IQ', 'IR', 'MM', 'NG', 'PK', 'RU', 'US']),
    stopWords: eng,
    speakers: [
      { name: 'Maria Zakharova', speakerType: 'person' },
      { name: 'Mao Ning', speakerType: 'person' },
      { name: 'Inter-Services Public Relations (ISPR)', speakerType: 'organization' },
      { name: 'Ministry of Foreign Affairs of Pakistan', speakerType: 'organization' },
      { name: 'Matthew Miller', speakerType: 'person' },
    ],
    names: ['Saravan', 'Koh-e-Sabz', 'Erbil', 'Irbil', 'Jaish al-Adl'],
    aliasGroups: [
      ['Balochistan', 'Baluchistan', 'Baluchestan'],
      ['Koh-e-Sabz', 'Koh-i-Sabz'],
      ['Erbil', 'Irbil'],
    ],
    story: {
      aliases: [['Balochistan', 'Baluchistan', 'Baluchestan']],
      countries: { RU: ['Kremlin'] },
      speakers: { 'Matthew Miller': ['State Department'] },
    },
  }),
);

const read = (query: string, asWords: string[] = [], chosen: string[] = []) => understand(query, vocabulary, new Set(asWords), new Set(chosen));
const suggestionFor = (query: string) => suggest(query, read(query).corrections);
const filters = (query: string) => Object.fromEntries(read(query).understood.map((u) => [u.filter, u.value]));

describe('stop words', () => {
  it('drops question and function words', () => {
    expect(read('how many people were killed in Saravan').words).toEqual(['people', 'killed', 'saravan']);
    expect(read('when did the foreign minister visit').words).toEqual(['foreign', 'minister', 'visit']);
  });

  it('keeps words that carry the news, and "us" as a word', () => {
    expect(read('us states killed warns').words).toEqual(['us', 'states', 'killed', 'warns']);
  });

  it('keeps a country code typed in capitals as the country, and in lower case as a word', () => {
    expect(filters('IN reaction')).toEqual({ country: 'IN', type: 'statement' });
    expect(read('strikes in Iran').words).toEqual(['strikes']);
  });

  it('reads a code in capitals as a country only if the story covers it', () => {
    expect(read('caretaker PM')).toMatchObject({ words: ['caretaker', 'pm'], understood: [] });
    expect(filters('IS claims')).toEqual({});
    expect(filters('Reykjavik reaction')).toEqual({ country: 'IS', type: 'statement' });
  });

  it('keeps every word of a quoted query, as an exact phrase', () => {
    expect(read('"what did they say"')).toEqual({ words: ['"what did they say"'], exact: true, understood: [], corrections: [] });
    expect(read('Mao Ning "the situation"').words).toEqual(['the', 'situation']);
  });
});

describe('countries in the reader’s words', () => {
  it.each([
    ['what did China say', 'CN'],
    ['Chinese reaction', 'CN'],
    ['Beijing mediation offer', 'CN'],
    ["Moscow's position", 'RU'],
    ['Kremlin', 'RU'],
    ['Washington condemns Iran', 'US'],
    ['American condemnation', 'US'],
    ['US', 'US'],
    ['USA', 'US'],
    ['UK', 'GB'],
    ['British view', 'GB'],
    ['Iraqi government', 'IQ'],
    ['Iraqis', 'IQ'],
    ['Kabul', 'AF'],
    ['Afghan', 'AF'],
    ['Brasília', 'BR'],
    ['Brazilian', 'BR'],
    ['Nigerian', 'NG'],
    ['Canberra', 'AU'],
    ['united states', 'US'],
    ['Burma', 'MM'],
  ])('%s → %s', (query, code) => {
    expect(filters(query).country).toBe(code);
  });

  it('takes the first country as the filter and keeps the next as a word', () => {
    const { words, understood } = read('Washington condemns Iran');
    expect(understood).toEqual([{ filter: 'country', value: 'US', from: 'Washington' }]);
    expect(words).toEqual(['condemns', 'iran']);
  });

  it('reads the words for a country’s voice, once the country is named, as its statements', () => {
    expect(filters('Iraqi government')).toEqual({ country: 'IQ', type: 'statement' });
    expect(read('Iraqi government').words).toEqual([]);
    expect(read('government').words).toEqual(['government']);
  });

  it('reads "say", "reaction" and "position" as a wish for statements', () => {
    expect(read('what did Pakistan say')).toMatchObject({
      words: [],
      understood: [
        { filter: 'country', value: 'PK', from: 'Pakistan' },
        { filter: 'type', value: 'statement', from: 'say' },
      ],
    });
  });

  it('searches a name as a word once the reader removed its filter', () => {
    const { words, understood } = read('what did China say', ['china']);
    expect(understood.map((u) => u.filter)).toEqual(['type']);
    expect(words).toEqual(['china']);
  });

  it('leaves a country the reader chose in the form alone', () => {
    const { words, understood } = read('China', [], ['country']);
    expect(understood).toEqual([]);
    expect(words).toEqual(['china']);
  });
});

describe('looser readings, for when the filters read from the words leave nothing', () => {
  const looser = (query: string, asWords: string[] = [], chosen: string[] = []) =>
    looserReadings(query, vocabulary, new Set(asWords), new Set(chosen)).map(({ words, understood }) => ({ words, filters: understood.map((u) => `${u.filter}:${u.value}`) }));

  it('drops "statements only" first, then the country, whose name becomes a word', () => {
    expect(looser('who condemned Iran')).toEqual([
      { words: ['condemned'], filters: ['country:IR'] },
      { words: ['condemned', 'iran'], filters: [] },
    ]);
  });

  it('searches the words alone when "statements only" was the only filter', () => {
    expect(looser('what did Guterres say')).toEqual([{ words: ['guterres'], filters: [] }]);
  });

  it('reads the next country as the filter once the first is a word, and goes on until none is left', () => {
    expect(looser('Pakistan condemned Iran')).toEqual([
      { words: ['pakistan', 'condemned'], filters: ['country:IR'] },
      { words: ['pakistan', 'condemned', 'iran'], filters: [] },
    ]);
  });

  it('frees a speaker’s and a country’s names together, as words', () => {
    expect(looser('Zakharova on Pakistan')).toEqual([{ words: ['zakharova', 'pakistan'], filters: [] }]);
  });

  it('keeps the filters the reader chose and what they already declined, and has nothing to loosen without filters', () => {
    expect(looser('what did China say', [], ['type'])).toEqual([{ words: ['china'], filters: [] }]);
    expect(looser('what did China say', ['china'])).toEqual([{ words: ['china'], filters: [] }]);
    expect(looser('border strikes')).toEqual([]);
    expect(looser('"what did China say"')).toEqual([]);
  });
});

describe('speakers', () => {
  it.each([
    ['Zakharova', 'Maria Zakharova'],
    ['Mao Ning', 'Mao Ning'],
    ['ISPR', 'Inter-Services Public Relations (ISPR)'],
    ['State Department', 'Matthew Miller'],
    ['what did Miller say', 'Matthew Miller'],
  ])('%s → %s', (query, speaker) => {
    expect(filters(query).speaker).toBe(speaker);
  });

  it('does not take the last word of an office as a name', () => {
    expect(filters('foreign affairs')).toEqual({});
  });
});

describe('folding', () => {
  it('folds diacritics, apostrophes, possessives and hyphens', () => {
    expect(fold('Moscow’s Koh-e-Sabz Hewlêr chargé d’affaires')).toBe('moscow koh e sabz hewler charge daffaires');
  });

  it('reads hyphens and spaces alike', () => {
    expect(read('Koh e Sabz').words).toEqual(read('Koh-e-Sabz').words);
    expect(read('Jaish al Adl').words).toEqual(['jaish', 'al', 'adl']);
  });
});

describe('aliases', () => {
  it('searches any spelling of a name by the one the pages use', () => {
    expect(read('Baluchistan strike').words).toEqual(['balochistan', 'strike']);
    expect(read('Irbil').words).toEqual(['erbil']);
    expect(read('Koh i Sabz').words).toEqual(['koh', 'sabz']);
  });

  it('offers no correction for a known spelling', () => {
    expect(suggestionFor('Baluchestan')).toBeUndefined();
  });
});

describe('did you mean', () => {
  it('offers the known name closest to a misspelt one', () => {
    expect(suggestionFor('Zakarova')).toBe('Zakharova');
    expect(suggestionFor('Pakistn strike')).toBe('Pakistan strike');
    expect(suggestionFor('Sarvan')).toBe('Saravan');
  });

  it('counts a swapped pair of letters as one edit', () => {
    expect(editDistance('pakitsan', 'pakistan', 2)).toBe(1);
    expect(editDistance('zakarova', 'zakharova', 2)).toBe(1);
    expect(editDistance('restraint', 'pakistan', 2)).toBe(3);
    expect(suggestionFor('Pakitsan')).toBe('Pakistan');
  });

  it('corrects only the words the page passes on, each where it was typed', () => {
    const { corrections } = read('Zakarova on Pakistn?');
    expect(corrections).toEqual([
      { typed: 'Zakarova', word: 'zakarova', name: 'zakharova' },
      { typed: 'Pakistn', word: 'pakistn', name: 'pakistan' },
    ]);
    expect(suggest('Zakarova on Pakistn?', corrections.slice(1))).toBe('Zakarova on Pakistan?');
    expect(suggest('Zakarova on Pakistn?', [])).toBeUndefined();
  });

  it('offers nothing for words it knows or that are far from any name', () => {
    expect(suggestionFor('restraint')).toBeUndefined();
    expect(suggestionFor('Saravan')).toBeUndefined();
    expect(suggestionFor('blorptangle')).toBeUndefined();
  });
});

describe('fewer words', () => {
  it('tries every smaller set of words, most words first', () => {
    expect(fewerWords(['a', 'b', 'c'])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c'], ['a'], ['b'], ['c']]);
    expect(fewerWords(['a'])).toEqual([]);
  });

  it('bounds the searches for long questions', () => {
    expect(fewerWords('a b c d e f g h'.split(' '))).toHaveLength(16);
  });
});

describe('other spellings of a page', () => {
  const groups = [['Baluchistan', 'Balochistan', 'Baluchestan']];
  const spellings = { labourers: 'laborers', laborers: 'labourers' };

  it('adds the other spellings of a name the page contains, and its declared aliases', () => {
    const other = getOtherSpellings('Strikes in Sistan-Baluchestan; nine labourers killed', ['Sistan and Baluchestan'], groups, spellings);
    expect(other.split(' · ').sort()).toEqual(['Balochistan', 'Baluchistan', 'Sistan and Baluchestan', 'laborers']);
  });

  it('adds nothing for a page that names none of them', () => {
    expect(getOtherSpellings('Talks in Islamabad', [], groups, spellings)).toBe('');
  });
});
