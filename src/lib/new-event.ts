/**
 * A new event file from an editor's answers: its name (the permalink) and its text,
 * every required field present with a short comment. Pure; `npm run new`
 * (src/cli/new-event.ts) asks the questions and writes the file. Imports carry their
 * `.ts` extension because that command runs this file in plain Node.
 */
import { isCountryCode } from './countries.ts';
import { checkDateTime, isCalendarDate, isTimeZone, PRECISIONS } from './dates.ts';
import { EVENT_KINDS } from './kinds.ts';

/** What an editor says about a new event. */
export interface NewEventAnswers {
  /** `YYYY-MM-DD`, or with precision `minute` a date-time with offset. */
  date: string;
  /** The day the entry is first published on this site, `YYYY-MM-DD`: today, when the command runs. */
  published: string;
  title: string;
  kind: string;
  /** ISO 3166-1 alpha-2 codes, the acting country first. */
  countries: readonly string[];
  /** IANA zone of the place. */
  timeZone: string;
  /** Defaults to `day`. */
  precision?: string | undefined;
  /** Where it happened, in the first country. */
  place?: string | undefined;
  summary?: string | undefined;
  source?: { title?: string | undefined; outlet?: string | undefined; url?: string | undefined } | undefined;
}

/** @returns what is wrong with the answers, one line each, naming the answer */
export function checkNewEventAnswers(answers: NewEventAnswers): string[] {
  const problems: string[] = [];
  const precision = answers.precision ?? 'day';
  if (!(PRECISIONS as readonly string[]).includes(precision)) problems.push(`precision: "${precision}" is not one of ${PRECISIONS.join(', ')}`);
  if (!isTimeZone(answers.timeZone)) problems.push(`time zone: "${answers.timeZone}" is not an IANA time zone such as "Asia/Karachi"`);
  if (precision === 'minute') {
    const problem = isTimeZone(answers.timeZone) ? checkDateTime(answers.date, answers.timeZone) : undefined;
    if (problem) problems.push(`date: ${problem}`);
  } else if (!isCalendarDate(answers.date)) {
    problems.push(`date: "${answers.date}" is not a real date, YYYY-MM-DD`);
  }
  if (!isCalendarDate(answers.published)) problems.push(`published: "${answers.published}" is not a real date, YYYY-MM-DD`);
  if (!getSlugWords(answers.title)) problems.push('title: give a title with at least one letter or digit');
  if (!(EVENT_KINDS as readonly string[]).includes(answers.kind)) problems.push(`kind: "${answers.kind}" is not one of ${EVENT_KINDS.join(', ')}`);
  if (answers.countries.length === 0) problems.push('countries: name at least one, e.g. PK');
  for (const code of answers.countries) {
    if (!isCountryCode(code)) problems.push(`countries: "${code}" is not an ISO 3166-1 alpha-2 country code (e.g. "PK", "IR")`);
  }
  if (answers.source?.url !== undefined && !answers.source.url.startsWith('https://')) problems.push(`source url: "${answers.source.url}" must be a full https:// address`);
  return problems;
}

/** @returns up to six lowercase ASCII words of a title, joined by hyphens, e.g. `pakistan-recalls-its-ambassador` */
function getSlugWords(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6)
    .join('-');
}

/** @returns the new file's slug: its day and a few words of its title, e.g. `2024-01-30-talks-in-islamabad` */
export function getNewEventSlug(answers: Pick<NewEventAnswers, 'date' | 'title'>): string {
  return `${answers.date.slice(0, 10)}-${getSlugWords(answers.title)}`;
}

/** @returns a YAML scalar: quoted whenever plain YAML could read it as something else */
function yamlString(value: string): string {
  return /^[A-Za-z][\w ,.()/-]*$/.test(value) && !/[:#]/.test(value) && !/^(?:true|false|null|yes|no|on|off)$/i.test(value) ? value : JSON.stringify(value);
}

/**
 * @returns the file's text. Answers not given are left empty (`""`), so the build
 *   fails naming them until the editor writes them: nothing half-done is published.
 */
export function renderNewEvent(answers: NewEventAnswers): string {
  const precision = answers.precision ?? 'day';
  const [first] = answers.countries;
  const source = answers.source ?? {};
  const lines = [
    '---',
    '# Every field is explained in src/lib/schema.ts; the README shows a full example.',
    `title: ${yamlString(answers.title)}   # the headline, in our words; edit it freely (the file name stays)`,
    `summary: ${yamlString(answers.summary ?? '')}   # one or two sentences in our own words`,
    `published: ${answers.published}   # the day it first appears on this site; never change it, add an update`,
    `kind: ${answers.kind}   # ${EVENT_KINDS.join(' | ')}`,
    'when:',
    `  date: ${precision === 'minute' ? JSON.stringify(answers.date) : answers.date}   # no more precise than the source`,
    `  precision: ${precision}   # ${PRECISIONS.join(' | ')}`,
    `  timeZone: ${answers.timeZone}   # IANA zone of the place`,
    ...(answers.place && first
      ? ['places:   # only what the sources say; add lat/lon only when the place is known that well', `  - name: ${yamlString(answers.place)}`, `    country: ${first}`]
      : ['places: []   # where it happened, when the sources say']),
    `countries: [${answers.countries.join(', ')}]   # ISO 3166-1 alpha-2, the acting country first`,
    'actors: []   # named people and offices: { name, role, country }',
    'statements: []   # verbatim quotes, each with id, speaker, role, country, quote, date, source',
    'claims: []   # disputed figures, one per claimant: { topic, claimant, country, claim, source }',
    'sources:   # at least one; statements and claims cite them by id',
    '  - id: source-1',
    `    title: ${yamlString(source.title ?? '')}   # the report's headline`,
    ...(source.outlet ? [`    outlet: ${yamlString(source.outlet)}`] : ['    # outlet: who published it']),
    `    url: ${JSON.stringify(source.url ?? '')}   # https address of the report`,
    '# The text goes below the closing line, in Markdown, in our own words.',
    '---',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
