/**
 * From and to TimelineJS (Knight Lab's TimelineJS 3): a row of its Google Sheets
 * template (exported as CSV) becomes an event file; the story becomes its JSON format
 * (https://timeline.knightlab.com/docs/json-format.html), for a TimelineJS embed of
 * the reader's own. Imports carry `.ts` extensions: the importer runs under plain Node.
 */
import { tzOffset } from '@date-fns/tz';
import { parse } from 'csv-parse/sync';
import { getCountryName, isCountryCode, type CountryCode } from './countries.ts';
import { getClockTime, getLocalDate, isCalendarDate, isTimeZone, type When } from './dates.ts';

/** The template's columns, as its header row names them. */
export const SHEET_COLUMNS = ['Year', 'Month', 'Day', 'Time', 'End Year', 'End Month', 'End Day', 'End Time', 'Display Date', 'Headline', 'Text', 'Media', 'Media Credit', 'Media Caption', 'Media Thumbnail', 'Type', 'Group', 'Background'] as const;

export type SheetRow = Partial<Record<(typeof SHEET_COLUMNS)[number], string>>;

/** What the sheet cannot say and the editor chooses for every row: pass them to the importer. */
export interface ImportDefaults {
  /** IANA zone the sheet's dates and times are in. */
  timeZone: string;
  /** The kind given to every event; editors refine it afterwards. */
  kind: string;
  /** Countries of a row whose Group names none. */
  countries: readonly CountryCode[];
  /** The day the imported entries are first published on this site, `YYYY-MM-DD` (the importer gives today). */
  published: string;
}

/** A row turned into an event file, or the reason it could not be. */
export type RowResult = { ok: true; slug: string; file: string } | { ok: false; reason: string; /** A row that is not an event (title, era), left out as meant. */ skipped?: boolean };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A link found in a Text cell: it becomes a source, its words stay in the text. */
export interface FoundLink {
  url: string;
  text: string;
}

/**
 * @param html a Text cell, which TimelineJS reads as HTML
 * @returns its words as paragraphs of plain text (no tag survives, scripts and styles
 *   are dropped with their content), and the addresses of its links
 */
export function htmlToText(html: string): { paragraphs: string[]; links: FoundLink[] } {
  const links: FoundLink[] = [];
  const text = html
    .replace(/<(script|style|iframe|object|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi, (_whole, d: string | undefined, s: string | undefined, u: string | undefined, inner: string) => {
      const words = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
      links.push({ url: decodeEntities(d ?? s ?? u ?? '').trim(), text: words });
      return words;
    })
    .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, '\n\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '');
  const paragraphs = decodeEntities(text)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { paragraphs, links };
}

/** @returns text that Markdown shows as written: no character of it makes HTML, a link or emphasis */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&~|]/g, (c) => `\\${c}`)
    // What starts a heading, a list or a quotation only at the start of a line.
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** @returns a YAML double-quoted scalar: JSON's string syntax is valid YAML */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

/** @returns the sentences of a text up to `max` characters, or its start cut at a word */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).trim().length > max) break;
    out += sentence;
  }
  return out.trim() || `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * @returns the time as `HH:MM` (24-hour) from what people type in the Time column:
 *   `14:05`, `2:05 PM`, `14:05:30`; undefined for anything else
 */
export function parseSheetTime(value: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(value.trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase().replaceAll('.', '');
  if (half && (hour < 1 || hour > 12)) return undefined;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** @returns the zone's offset at a local wall time, as `+03:30` */
export function getZoneOffset(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // Twice: the offset at the guessed instant may differ from the one at the real instant near a change.
  const first = tzOffset(timeZone, new Date(wall));
  const minutes = tzOffset(timeZone, new Date(wall - first * 60_000));
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const COUNTRY_BY_NAME = new Map<string, CountryCode>();
function countryFromGroup(group: string): CountryCode[] {
  const parts = group.split(/[,;/]| and /).map((p) => p.trim()).filter(Boolean);
  const codes: CountryCode[] = [];
  for (const part of parts) {
    const upper = part.toUpperCase();
    if (isCountryCode(upper)) {
      codes.push(upper);
      continue;
    }
    if (COUNTRY_BY_NAME.size === 0) {
      for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (isCountryCode(a + b)) COUNTRY_BY_NAME.set(getCountryName(a + b as CountryCode).toLowerCase(), (a + b) as CountryCode);
    }
    const byName = COUNTRY_BY_NAME.get(part.toLowerCase());
    if (!byName) return [];
    codes.push(byName);
  }
  return [...new Set(codes)];
}

/**
 * @param row one row of the sheet
 * @param defaults what the sheet cannot say
 * @param taken slugs already used, so that two rows never share a file
 * @returns the event file, or why the row cannot become one (title and era rows are
 *   not events; a row without a day, a source or a country cannot be one here)
 */
export function convertRow(row: SheetRow, defaults: ImportDefaults, taken: ReadonlySet<string> = new Set()): RowResult {
  const type = (row.Type ?? '').trim().toLowerCase();
  if (type === 'title') return { ok: false, skipped: true, reason: 'the title row is the story’s name: put it in content/site.json' };
  if (type === 'era') return { ok: false, skipped: true, reason: 'an era is a span of time, not an event' };
  const headline = decodeEntities((row.Headline ?? '').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  if (!headline) return { ok: false, reason: 'no Headline' };
  const [year, month, day] = [row.Year, row.Month, row.Day].map((v) => (v ?? '').trim());
  if (!year || !month || !day) return { ok: false, reason: `no ${!year ? 'Year' : !month ? 'Month' : 'Day'}: every event here is placed on a day` };
  const date = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date)) return { ok: false, reason: `${year}-${month}-${day} is not a date` };
  const timeCell = (row.Time ?? '').trim();
  const time = timeCell ? parseSheetTime(timeCell) : undefined;
  if (timeCell && !time) return { ok: false, reason: `Time "${timeCell}" is not a time such as 14:05 or 2:05 PM` };

  const { paragraphs, links } = htmlToText(row.Text ?? '');
  const sources: { id: string; title: string; outlet?: string; url: string }[] = [];
  const media = (row.Media ?? '').trim();
  if (/^https:\/\//i.test(media) && URL.canParse(media)) {
    const caption = htmlToText(row['Media Caption'] ?? '').paragraphs.join(' ');
    const credit = htmlToText(row['Media Credit'] ?? '').paragraphs.join(' ');
    sources.push({ id: 'media', title: caption || credit || media, ...(credit ? { outlet: credit } : {}), url: media });
  }
  for (const link of links) {
    if (/^https:\/\//i.test(link.url) && URL.canParse(link.url) && !sources.some((s) => s.url === link.url)) {
      sources.push({ id: `link-${sources.length + 1}`, title: link.text || link.url, url: link.url });
    }
  }
  if (sources.length === 0) return { ok: false, reason: 'no https address in Media or in a link in Text: every event needs a source' };
  const group = (row.Group ?? '').trim();
  const countries = group ? countryFromGroup(group) : [];
  const chosen = countries.length > 0 ? countries : [...defaults.countries];
  if (chosen.length === 0) return { ok: false, reason: `Group "${group}" names no country: pass --country` };

  const text = paragraphs.join(' ');
  const summary = shorten(text || headline, 400);
  let slug = `${date}-${slugify(headline) || 'event'}`;
  for (let n = 2; taken.has(slug); n++) slug = `${date}-${slugify(headline) || 'event'}-${n}`;

  const when = time ? `"${date}T${time}${getZoneOffset(date, time, defaults.timeZone)}"` : date;
  const lines = [
    '---',
    `title: ${yamlString(headline)}`,
    `summary: ${yamlString(summary)}`,
    `published: ${defaults.published}`,
    `kind: ${defaults.kind}`,
    'when:',
    `  date: ${when}`,
    `  precision: ${time ? 'minute' : 'day'}`,
    `  timeZone: ${defaults.timeZone}`,
    `countries: [${chosen.join(', ')}]`,
    'sources:',
    ...sources.flatMap((s) => [`  - id: ${s.id}`, `    title: ${yamlString(s.title)}`, ...(s.outlet ? [`    outlet: ${yamlString(s.outlet)}`] : []), `    url: ${yamlString(s.url)}`]),
    '---',
    '',
    // The cell's words, never its markup: the build rejects raw HTML, and none can get through.
    ...paragraphs.flatMap((p) => [escapeMarkdown(p), '']),
  ];
  return { ok: true, slug, file: `${lines.join('\n').trimEnd()}\n` };
}

/** The outcome of importing a sheet: files to write, and rows left out with their sheet row numbers. */
export interface SheetImport {
  files: { row: number; slug: string; file: string }[];
  problems: { row: number; reason: string; skipped: boolean }[];
}

/**
 * @param csv the sheet exported as CSV, its first row the template's header
 * @param defaults what the sheet cannot say
 * @param taken slugs that exist already
 * @returns the event files and the rows that did not become one; row numbers are the
 *   sheet's (the header is row 1), whatever line breaks the cells hold
 */
export function importSheet(csv: string, defaults: ImportDefaults, taken: ReadonlySet<string> = new Set()): SheetImport {
  if (!isTimeZone(defaults.timeZone)) throw new Error(`${defaults.timeZone} is not an IANA time zone such as Asia/Karachi`);
  const records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as SheetRow[];
  const missing = (['Year', 'Headline', 'Text'] as const).filter((column) => records.length > 0 && !(column in (records[0] ?? {})));
  if (missing.length > 0) throw new Error(`not a TimelineJS sheet: no column ${missing.join(', ')}`);
  const used = new Set(taken);
  const result: SheetImport = { files: [], problems: [] };
  records.forEach((record, i) => {
    const row = i + 2;
    const converted = convertRow(record, defaults, used);
    if (converted.ok) {
      used.add(converted.slug);
      result.files.push({ row, slug: converted.slug, file: converted.file });
    } else result.problems.push({ row, reason: converted.reason, skipped: converted.skipped ?? false });
  });
  return result;
}

/** A date in TimelineJS's format: numbers as its sheet would give them. */
export interface TimelineJsDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  display_date?: string;
}

/** A slide of a TimelineJS story. */
export interface TimelineJsSlide {
  start_date?: TimelineJsDate;
  text: { headline: string; text?: string };
  group?: string;
  unique_id?: string;
}

/** A TimelineJS story (its JSON format). */
export interface TimelineJsStory {
  title: TimelineJsSlide;
  events: TimelineJsSlide[];
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** What the export needs of an event. */
export interface ExportedEvent {
  id: string;
  title: string;
  summary: string;
  when: When;
  countries: readonly CountryCode[];
  /** The event's permalink, absolute. */
  url: string;
}

/**
 * @param story the story's name and description, and its events in timeline order
 * @param readMore the words of each slide's link to its permalink
 * @returns the story in TimelineJS's JSON format: local dates (with the minute only
 *   where the event has one), the acting country as the slide's group, text escaped
 */
export function toTimelineJs(story: { title: string; description: string; events: readonly ExportedEvent[] }, readMore: string): TimelineJsStory {
  return {
    title: { text: { headline: escapeHtml(story.title), text: `<p>${escapeHtml(story.description)}</p>` }, unique_id: 'title' },
    events: story.events.map((event) => {
      const [year, month, day] = getLocalDate(event.when).split('-').map(Number) as [number, number, number];
      const clock = event.when.precision === 'minute' ? getClockTime(event.when).local.split(':').map(Number) : undefined;
      return {
        start_date: { year, month, day, ...(clock ? { hour: clock[0] ?? 0, minute: clock[1] ?? 0 } : {}) },
        text: { headline: escapeHtml(event.title), text: `<p>${escapeHtml(event.summary)}</p><p><a href="${escapeHtml(event.url)}">${escapeHtml(readMore)}</a></p>` },
        ...(event.countries[0] ? { group: getCountryName(event.countries[0]) } : {}),
        unique_id: event.id,
      };
    }),
  };
}
