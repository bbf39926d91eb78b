/**
 * The shape of an event file's front matter. Every field says what it means for an
 * editor; `src/content.config.ts` wires this schema to the files in `content/`.
 */
import { z } from 'astro/zod';
import { isCountryCode, type CountryCode } from './countries';
import { checkDateTime, isCalendarDate, isClockTime, isTimeZone, PRECISIONS } from './dates';
import { EVENT_KINDS } from './kinds';

export { EVENT_KINDS, type EventKind } from './kinds';

/** Whether an event stands, each with its label in `src/i18n/en.json`. */
export const EVENT_STATUSES = [
  /** On the timeline, in search and in the feeds. The default. */
  'published',
  /** Announced for a day after the build (a planned visit or vote): shown as "Scheduled", left out of the feeds until that day. */
  'scheduled',
  /** Taken back: the page keeps its address with a notice and the `reason`, and nothing else of the event is shown. */
  'withdrawn',
] as const;

export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The kinds of change to a published event, each with its label in `src/i18n/en.json`. */
export const UPDATE_KINDS = [
  /** Something the event said was wrong and has been put right. */
  'correction',
  /** Something changed or became known after publication, e.g. a toll that rose. */
  'update',
  /** Wording that could be misread has been made clearer; no fact changed. */
  'clarification',
] as const;

export type UpdateKind = (typeof UPDATE_KINDS)[number];

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A short lowercase id such as `source-article`, used in anchors and references. */
const id = z
  .string()
  .regex(ID_RE, { error: 'use lowercase letters, digits and single hyphens, e.g. "mao-ning-restraint"' });

const countryCode = z
  .string()
  .refine(isCountryCode, {
    error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code (e.g. "PK", "IR")`,
  })
  .transform((code) => code as CountryCode);

/**
 * A day as the editor wrote it, `YYYY-MM-DD`, and a real one: the events loader reads
 * front matter with dates kept as text (src/lib/front-matter.ts), so `2024-02-30` is
 * refused here instead of becoming 1 March.
 */
const calendarDate = z
  .string({ error: 'write a date, YYYY-MM-DD' })
  .refine(isCalendarDate, { error: (issue) => `"${String(issue.input)}" is not a real date in the form YYYY-MM-DD` });

const update = z.strictObject({
  /** The day of the change, YYYY-MM-DD: when the newer report came out, or when we corrected the file. */
  date: calendarDate,
  /** The clock time of the change, `HH:MM` in the event's time zone, only when known. */
  time: z
    .string()
    .refine(isClockTime, { error: (issue) => `"${String(issue.input)}" is not a clock time from 00:00 to 23:59` })
    .optional(),
  /** `correction` (we had it wrong), `update` (it changed or became known later) or `clarification`. */
  kind: z.enum(UPDATE_KINDS),
  /** What changed, in plain words for a reader, e.g. "Iranian officials raised the toll from seven to nine." */
  note: z.string().trim().min(1),
  /** Id of the event's source that reported the change, when a report did. */
  source: id.optional(),
});

const source = z.strictObject({
  /** What statements and claims cite, e.g. `source-article`. Unique within the event. */
  id,
  /** The report's headline. Where only an address is known, its headline as the address spells it. */
  title: z.string().trim().min(1),
  /** Who published it, e.g. "NBC News". Leave out when the report does not say. */
  outlet: z.string().trim().min(1).optional(),
  /** The report's address. Must be https. Leave out only when there is none. */
  url: z.url({ protocol: /^https$/, error: 'must be a full https:// address' }).optional(),
  /** The day the report was published, YYYY-MM-DD, when known. */
  published: calendarDate.optional(),
  /** Anything a reader should know about the source, e.g. that its outlet is not named. */
  note: z.string().trim().min(1).optional(),
});

const statement = z.strictObject({
  /** Stable id: the statement's anchor (`/events/<slug>/#<id>`). Never change it once published. */
  id,
  /** Who said it: a person, or an office such as "Ministry of Foreign Affairs of Pakistan". */
  speaker: z.string().trim().min(1),
  /** The speaker's position, e.g. "US State Department spokesman". */
  role: z.string().trim().min(1),
  /** `organization` when the speaker is an office (a ministry, a military's media wing), not a person. */
  speakerType: z.enum(['person', 'organization']).default('person'),
  /** The country the speaker speaks for (ISO 3166-1 alpha-2). */
  country: countryCode,
  /** The words, verbatim, without surrounding quotation marks. */
  quote: z.string().trim().min(1),
  /** The day it was said, YYYY-MM-DD. */
  date: calendarDate,
  /** True when the source gives only the day it reported the statement, not the day it was said. */
  dateReported: z.boolean().default(false),
  /** Id of the event's source that carried the quote. */
  source: id,
});

const claim = z.strictObject({
  /** What is disputed; claims with the same topic are shown side by side, e.g. "Deaths". */
  topic: z.string().trim().min(1),
  /** Who claims it, e.g. "Pakistan's Ministry of Foreign Affairs" or "IRNA". */
  claimant: z.string().trim().min(1),
  /** The claimant's country, when it speaks for one. */
  country: countryCode.optional(),
  /** The claim, in our words or quoted: "two children killed, three injured". */
  claim: z.string().trim().min(1),
  /** Id of the event's source that reported the claim. */
  source: id,
});

const place = z.strictObject({
  /** How a reader knows the place, e.g. "Erbil, Kurdistan Region". */
  name: z.string().trim().min(1),
  /** The country it is in (ISO 3166-1 alpha-2). */
  country: countryCode,
  /** Latitude in degrees, only when the place is known well enough to map. */
  lat: z.number().min(-90).max(90).optional(),
  /** Longitude in degrees, only with `lat`. */
  lon: z.number().min(-180).max(180).optional(),
  /** Other spellings readers search for, e.g. `[Irbil, Hewlêr]`; searchable, never shown. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

const actor = z.strictObject({
  /** A named person or office, e.g. "Jalil Abbas Jilani". */
  name: z.string().trim().min(1),
  /** Their role at the time, e.g. "Caretaker Foreign Minister of Pakistan". */
  role: z.string().trim().min(1),
  /** The country they act for (ISO 3166-1 alpha-2). */
  country: countryCode,
  /** Other spellings readers search for, e.g. `[Amirabdollahian]`; searchable, never shown. */
  aliases: z.array(z.string().trim().min(1)).default([]),
});

const when = z
  .strictObject({
    /**
     * A date, `2024-01-18`, or with `precision: minute` a quoted date-time with the
     * place's offset, `"2024-01-18T04:05+03:30"`. Never more than the source says.
     */
    date: z.string({ error: 'write a date, YYYY-MM-DD, or a date-time such as "2024-01-18T04:05+03:30"' }),
    /**
     * How much of the time the source gives: `minute`, a part of the day
     * (`early-morning`, `morning`, `afternoon`, `evening`, `late-evening`) or `day`.
     */
    precision: z.enum(PRECISIONS),
    /** IANA time zone of the place, e.g. `Asia/Karachi`; times are shown in it. */
    timeZone: z.string().refine(isTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as "Asia/Karachi"`,
    }),
    /** True when the source gives only the day it reported the event, not the day it happened. */
    reported: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.precision === 'minute') {
      if (!isTimeZone(value.timeZone)) return;
      const problem = checkDateTime(value.date, value.timeZone);
      if (problem) ctx.addIssue({ code: 'custom', path: ['date'], message: problem });
    } else if (!isCalendarDate(value.date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `"${value.date}" must be a date, YYYY-MM-DD, when the precision is "${value.precision}"`,
      });
    }
  });

export const eventSchema = z
  .strictObject({
    /** The headline, in our words. */
    title: z.string().trim().min(1),
    /** One or two sentences in our own words; shown on the timeline and in previews. */
    summary: z.string().trim().min(1).max(400),
    /** What kind of event this is; see EVENT_KINDS. */
    kind: z.enum(EVENT_KINDS),
    /** When it happened, in the place's own time and no more precisely than the source. */
    when,
    /** Where it happened; leave empty when the sources do not say. */
    places: z.array(place).default([]),
    /** Every country involved (ISO 3166-1 alpha-2), the acting one first. */
    countries: z.array(countryCode).min(1),
    /** Named people and offices involved. */
    actors: z.array(actor).default([]),
    /** Quotations: each its own record with a stable anchor. */
    statements: z.array(statement).default([]),
    /** Disputed figures and facts, each attributed to who claims it. */
    claims: z.array(claim).default([]),
    /** The reports the event rests on; at least one. */
    sources: z.array(source).min(1, { error: 'every event needs at least one source' }),
    /**
     * Words readers use for what the event is about that its text may not contain,
     * e.g. `[ceasefire, truce, de-escalation]`; searchable, never shown.
     */
    topics: z.array(z.string().trim().min(1)).default([]),
    /**
     * The day this entry was first published on this site, YYYY-MM-DD: a fact about the
     * site, not the story (`npm run new` writes today's date). Never change it; add an
     * update instead. Shown as "Published …" on the page and given to search engines.
     */
    published: calendarDate,
    /**
     * Changes made after the event was first published, each shown on its page before
     * the text: `{ date: 2024-01-19, kind: correction, note: "…" }`. Add one, never edit one.
     */
    updates: z.array(update).default([]),
    /**
     * `published` (the default), `scheduled` for an event set for a day after the build,
     * or `withdrawn` to take an event back while its address keeps working.
     */
    status: z.enum(EVENT_STATUSES).default('published'),
    /** Why the event was withdrawn, in plain words; required with `status: withdrawn`, shown on its page. */
    reason: z.string().trim().min(1).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.status === 'withdrawn' && event.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'say why the event was withdrawn; readers see it on its page' });
    } else if (event.status !== 'withdrawn' && event.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'give a reason only with status: withdrawn' });
    }
    const sourceIds = new Set<string>();
    event.sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `source id "${s.id}" is used twice` });
      }
      sourceIds.add(s.id);
    });
    const cite = (list: 'statements' | 'claims' | 'updates', i: number, sourceId: string) => {
      if (!sourceIds.has(sourceId)) {
        ctx.addIssue({
          code: 'custom',
          path: [list, i, 'source'],
          message: `cites source "${sourceId}", which is not in this event's sources (${[...sourceIds].join(', ')})`,
        });
      }
    };
    const statementIds = new Set<string>();
    event.statements.forEach((s, i) => {
      cite('statements', i, s.source);
      if (statementIds.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['statements', i, 'id'], message: `statement id "${s.id}" is used twice` });
      }
      statementIds.add(s.id);
    });
    event.claims.forEach((c, i) => cite('claims', i, c.source));
    event.updates.forEach((u, i) => {
      if (u.source !== undefined) cite('updates', i, u.source);
      // A correction or clarification changes our own text, so it cannot come before the
      // text was published. An `update` is dated by the newer report, which may be older
      // than our entry (a story told after it unfolded).
      if (u.kind !== 'update' && isCalendarDate(u.date) && u.date < event.published) {
        ctx.addIssue({
          code: 'custom',
          path: ['published'],
          message: `${event.published} is after the ${u.kind} of ${u.date} (updates.${i}.date); a ${u.kind} can only follow publication`,
        });
      }
    });
    event.places.forEach((p, i) => {
      if ((p.lat === undefined) !== (p.lon === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['places', i, 'lat'], message: 'give both lat and lon, or neither' });
      }
    });
  });

export type EventData = z.output<typeof eventSchema>;
export type Statement = EventData['statements'][number];
export type Claim = EventData['claims'][number];
export type Source = EventData['sources'][number];
export type Update = EventData['updates'][number];

/**
 * What search should know of the story beyond its events: `content/search.json`.
 * Country names, demonyms and capitals come from the `world-countries` package; this
 * adds the story's own words for them.
 */
export const searchVocabularySchema = z.strictObject({
  /**
   * Spellings of one name, any of which finds the others, e.g.
   * `["Jaish al-Adl", "Jaish ul-Adl", "Jaish-e-Adl"]`. A page that contains one is
   * found by all of them.
   */
  aliases: z.array(z.array(z.string().trim().min(1)).min(2, { error: 'list at least two spellings' })).default([]),
  /** More names readers use for a country, e.g. `{ "RU": ["Kremlin"] }`: searching them keeps to that country. */
  countries: z
    .record(z.string(), z.array(z.string().trim().min(1)))
    .default({})
    .superRefine((countries, ctx) => {
      for (const code of Object.keys(countries)) {
        if (!isCountryCode(code)) ctx.addIssue({ code: 'custom', path: [code], message: `"${code}" is not an ISO 3166-1 alpha-2 country code (e.g. "PK", "IR")` });
      }
    }),
  /**
   * Offices or other names readers use for a speaker, by the speaker's name as the
   * statements give it, e.g. `{ "Matthew Miller": ["State Department"] }`.
   */
  speakers: z.record(z.string().trim().min(1), z.array(z.string().trim().min(1))).default({}),
});

export type SearchVocabularyData = z.output<typeof searchVocabularySchema>;
