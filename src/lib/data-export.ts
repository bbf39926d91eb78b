/**
 * The story as data: CSV with ACLED-style columns where they apply, and JSON.
 */
import { getCountryName } from './countries';
import { getLocalDate } from './dates';
import { getSourceLabel } from './labels';
import type { EventData, Source, Statement } from './schema';
import { getEventPath, getStatementAnchorPath } from './urls';
import { t } from '../i18n';

// A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV
// Injection"): `=HYPERLINK(…)` in a quote would become a live link, or worse.
const FORMULA_START = /^[=+\-@\t\r]/;
// Plain numbers (a negative longitude) are not formulas, and stay numbers.
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * @param text a cell's text
 * @returns the text, with a leading `'` when a spreadsheet would run it as a formula
 */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * @param rows a header row, then data rows
 * @returns RFC 4180 CSV: CRLF line ends, fields quoted when they need it, and no cell
 *   a spreadsheet would run as a formula
 */
export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  const field = (value: string | number | undefined) => {
    const text = value === undefined ? '' : neutralizeCell(String(value));
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Columns of events.csv: ACLED's names where the idea is the same, then ours. */
export const EVENT_COLUMNS = [
  'event_id',
  'event_date',
  'time_precision',
  'event_time',
  'time_zone',
  'event_type',
  'actor1',
  'actor2',
  'country',
  'location',
  'latitude',
  'longitude',
  'source',
  'source_urls',
  'notes',
  'fatalities',
  'url',
] as const;

/** Columns of statements.csv. */
export const STATEMENT_COLUMNS = [
  'statement_id',
  'speaker',
  'role',
  'country',
  'date',
  'date_is_report_date',
  'quote',
  'source',
  'source_url',
  'permalink',
  'event_id',
] as const;

/**
 * @returns the row of events.csv for one event
 */
export function toEventRow(event: { id: string; data: EventData }, site: URL | string): string[] {
  const { data } = event;
  const located = data.places.find((place) => place.lat !== undefined && place.lon !== undefined);
  const [first, second] = data.countries;
  return [
    event.id,
    getLocalDate(data.when),
    data.when.precision,
    data.when.date,
    data.when.timeZone,
    t(`kind.${data.kind}`),
    first ? getCountryName(first) : '',
    second ? getCountryName(second) : '',
    (() => {
      const code = data.places[0]?.country ?? first;
      return code ? getCountryName(code) : '';
    })(),
    data.places.map((place) => place.name).join('; '),
    located?.lat === undefined ? '' : String(located.lat),
    located?.lon === undefined ? '' : String(located.lon),
    data.sources.map(getSourceLabel).join('; '),
    data.sources.flatMap((source) => (source.url ? [source.url] : [])).join(' '),
    data.summary,
    // Casualty figures are claims (see each event's claims), never a plain number here.
    '',
    new URL(getEventPath(event.id), site).href,
  ];
}

/**
 * @returns the row of statements.csv for one statement
 */
export function toStatementRow(statement: Statement, source: Source, eventId: string, site: URL | string): string[] {
  return [
    statement.id,
    statement.speaker,
    statement.role,
    getCountryName(statement.country),
    statement.date,
    String(statement.dateReported),
    statement.quote,
    source.outlet ? `${source.title}, ${source.outlet}` : source.title,
    source.url ?? '',
    new URL(getStatementAnchorPath(eventId, statement.id), site).href,
    eventId,
  ];
}

/**
 * The most bytes one data file may have before it is split by month: a margin under
 * Cloudflare Pages' 25 MiB per file, the smallest limit of the hosts we deploy to.
 */
export const DATA_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** What every events JSON file starts with. */
export interface EventsJsonHead {
  /** Absolute URL of events.schema.json. */
  $schema: string;
  title: string;
  description: string;
}

/** An event as events.json gives it: its month (to file it by), and its record. */
export interface EventsJsonItem {
  /** `YYYY-MM`, the event's local month. */
  month: string;
  record: Record<string, unknown>;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const encoder = new TextEncoder();

/** @returns the text's size in UTF-8, as a host counts a file */
function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * @param head the `$schema`, title and description every file carries
 * @param events the events on the timeline, in timeline order
 * @param withdrawn the withdrawn events, as events.json lists them
 * @param monthPath where a month's file is published, as a path under the site
 * @param max the most bytes of one file
 * @returns the files, as paths under the site → text: `data/events.json` holding every
 *   event; or, when that would pass `max`, `data/events.json` as an index of one file
 *   per month (`parts`), and those files
 */
export function getEventsJsonFiles(
  head: EventsJsonHead,
  events: readonly EventsJsonItem[],
  withdrawn: readonly unknown[],
  monthPath: (month: string) => { path: string; url: string },
  max = DATA_FILE_MAX_BYTES,
): Map<string, string> {
  const whole = json({ ...head, events: events.map((event) => event.record), withdrawn });
  if (byteLength(whole) <= max) return new Map([['data/events.json', whole]]);
  const months = new Map<string, Record<string, unknown>[]>();
  for (const { month, record } of events) {
    const list = months.get(month) ?? [];
    list.push(record);
    months.set(month, list);
  }
  const files = new Map<string, string>();
  const parts = [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, records]) => {
    const { path, url } = monthPath(month);
    const text = json({ ...head, month, events: records });
    if (byteLength(text) > max) throw new Error(`${path}: the events of ${month} alone take ${byteLength(text)} bytes, more than one file may (${max})`);
    files.set(path, text);
    return { month, url, events: records.length };
  });
  files.set('data/events.json', json({ ...head, parts, withdrawn }));
  return files;
}
