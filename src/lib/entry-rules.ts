/**
 * What an event file must be beyond its schema: a file name that makes a permalink,
 * a Markdown body with no raw HTML or script URLs, and links only to pages and anchors
 * of the site that exist. Pure: the events loader (src/build/loader.ts) feeds it.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { getLocalDate, type When } from './dates';
import type { EventStatus } from './schema';

const SLUG_RE = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** @returns whether a file, e.g. `2024-01/_2024-01-18-x.md`, is a draft: its name starts with `_` */
export function isDraft(entry: string): boolean {
  return (entry.split('/').at(-1) ?? entry).startsWith('_');
}

/** @returns whether a slug is a date and a few lowercase words, e.g. `2024-01-18-pakistan-strikes-iran` */
export function isSlug(slug: string): boolean {
  return SLUG_RE.test(slug);
}

/** An error in one content file; the message starts with the file's path. */
export class ContentError extends Error {
  constructor(file: string, field: string, problem: string, options?: ErrorOptions) {
    super(`${file}: ${field}: ${problem}`, options);
    this.name = 'ContentError';
  }
}

/**
 * @param entry the file's path inside the events folder, e.g. `2024-01/2024-01-18-x.md`
 * @returns the permalink slug: the file name without `.md`
 */
export function getSlug(entry: string): string {
  return (entry.split('/').at(-1) ?? entry).replace(/\.md$/, '');
}

// Links an editor may write: web and mail addresses, paths on this site, anchors.
const SAFE_URL_RE = /^(?:https?:|mailto:|\/|#|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/** A link in a Markdown body to a page of this site. */
export interface SiteLink {
  url: string;
  line: number;
}

// How deep Markdown may nest (quotes, lists and emphasis within each other). No news
// text comes near it; rendering thousands of levels (`> > > …`) overflows the stack.
const MAX_DEPTH = 100;
const DEEP = `is nested more than ${MAX_DEPTH} levels deep (quotes, lists or emphasis within each other); nest it less`;
// A line opening quotes or list items (`> - 1. `), and emphasis marks.
const OPENING_RE = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
const OPENER_RE = />|[-*+]|\d{1,9}[.)]/g;
const MARK_RE = /[*_~]/g;
// More emphasis marks than any news paragraph holds, and far fewer than slow the parser.
const MAX_MARKS = 200;

/**
 * Finds, in the text itself, Markdown that nests too deep, before anything parses it:
 * the parser takes seconds over two thousand list items opened on one line or emphases
 * within each other, and minutes over ten thousand. Linear in the body's length.
 *
 * @returns what is wrong, or `undefined`
 */
export function findRunawayNesting(body: string): string | undefined {
  let marks = 0;
  let paragraph = 1;
  for (const [i, line] of body.split('\n').entries()) {
    const opening = OPENING_RE.exec(line)?.[0] ?? '';
    if ((opening.match(OPENER_RE)?.length ?? 0) > MAX_DEPTH) return `line ${i + 1}: the text ${DEEP}`;
    if (line.trim() === '') {
      marks = 0;
      paragraph = i + 2;
      continue;
    }
    // A list item's own `*` or `-` is not emphasis.
    marks += line.slice(opening.length).match(MARK_RE)?.length ?? 0;
    if (marks > MAX_MARKS) return `line ${paragraph}: more than ${MAX_MARKS} emphasis marks (*, _ or ~) in one paragraph; write fewer`;
  }
  return undefined;
}

/**
 * Reads a Markdown body once for what must not reach a page (raw HTML, which Astro
 * passes through unsanitized, addresses with a scheme such as `javascript:`, and
 * nesting too deep to render) and for its links to pages of this site, which are
 * checked once all entries are known. Walks the tree with a list of its own rather
 * than by recursion, so that no depth overflows it.
 */
export function inspectMarkdown(body: string): { problems: string[]; siteLinks: SiteLink[] } {
  const runaway = findRunawayNesting(body);
  if (runaway) return { problems: [runaway], siteLinks: [] };
  const problems: string[] = [];
  const siteLinks: SiteLink[] = [];
  const toVisit: [Nodes, number][] = [[fromMarkdown(body), 0]];
  for (let next = toVisit.pop(); next; next = toVisit.pop()) {
    const [node, depth] = next;
    const line = node.position?.start.line ?? 0;
    if (depth > MAX_DEPTH) {
      problems.push(`line ${line}: the text ${DEEP}`);
      break;
    }
    if (node.type === 'html') {
      problems.push(`line ${line}: raw HTML is not allowed (${node.value.trim().slice(0, 40)}); write Markdown`);
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const url = node.url.trim();
      if (!SAFE_URL_RE.test(url)) problems.push(`line ${line}: the address "${node.url}" is not an http(s), mailto or site link`);
      else if (!/^(?:https?:|mailto:|\/\/)/i.test(url)) siteLinks.push({ url, line });
    }
    // In reverse, so that they are taken in the order they are written.
    if ('children' in node) for (const child of node.children.toReversed()) toVisit.push([child, depth + 1]);
  }
  return { problems, siteLinks };
}

/** What exists on the site, for checking editors' links. */
export interface SiteMap {
  /** Event slug → the anchors on its page. */
  events: ReadonlyMap<string, ReadonlySet<string>>;
  statements: ReadonlySet<string>;
  /** Lowercase country codes with a country page. */
  countries: ReadonlySet<string>;
  /** Paths of pages and files that do not come from content, e.g. `/about/`. */
  fixedPaths: ReadonlySet<string>;
  /** How many timeline pages there are: `/timeline/2/` up to this one exist. */
  timelinePages: number;
}

/**
 * @param link a link found in the body of the event `slug`
 * @returns why the link leads nowhere, or `undefined` when its page (and anchor) exist
 */
export function checkSiteLink(link: string, slug: string, site: SiteMap): string | undefined {
  const url = new URL(link, `https://site.invalid/events/${slug}/`);
  const path = url.pathname;
  const anchor = decodeURIComponent(url.hash.slice(1));
  const event = /^\/events\/([^/]+)\/$/.exec(path);
  const statement = /^\/statements\/([^/]+)\/$/.exec(path);
  const country = /^\/countries\/([a-z]{2})\/$/.exec(path);
  const timelinePage = /^\/timeline\/(\d+)\/$/.exec(path);
  let exists: boolean;
  if (event?.[1] !== undefined) {
    const anchors = site.events.get(event[1]);
    if (anchors && anchor && !anchors.has(anchor)) return `links to #${anchor} on ${path}, which has no such anchor`;
    exists = anchors !== undefined;
  } else if (statement?.[1] !== undefined) {
    exists = site.statements.has(statement[1]);
  } else if (country?.[1] !== undefined) {
    exists = site.countries.has(country[1]);
  } else if (timelinePage?.[1] !== undefined) {
    // Page 1 is the home page, `/`.
    const page = Number(timelinePage[1]);
    exists = String(page) === timelinePage[1] && page >= 2 && page <= site.timelinePages;
  } else {
    exists = site.fixedPaths.has(path);
  }
  return exists ? undefined : `links to ${path}, which is not a page of this site`;
}

/** What `findFutureDates` reads of an event. */
export interface DatedEvent {
  when: When;
  status: EventStatus;
  statements: readonly { date: string }[];
  updates: readonly { date: string }[];
  sources: readonly { published?: string | undefined }[];
}

/**
 * A date after the build is a typo (2099 for 2024) unless the event is marked as
 * scheduled; and nothing can have been said, reported or changed after the build.
 *
 * @param today the build's date in the event's time zone, `YYYY-MM-DD`
 * @returns each field dated after `today`, with what to do about it
 */
export function findFutureDates(event: DatedEvent, today: string): { field: string; problem: string }[] {
  const found: { field: string; problem: string }[] = [];
  const after = (date: string) => date.slice(0, 10) > today;
  const date = getLocalDate(event.when);
  if (event.status !== 'scheduled' && after(date)) {
    found.push({ field: 'when.date', problem: `${date} is after the day of this build (${today}); fix the date, or mark an event that is yet to happen with status: scheduled` });
  }
  const check = (field: string, value: string | undefined) => {
    if (value !== undefined && after(value)) found.push({ field, problem: `${value} is after the day of this build (${today})` });
  };
  event.statements.forEach((s, i) => check(`statements.${i}.date`, s.date));
  event.updates.forEach((u, i) => check(`updates.${i}.date`, u.date));
  event.sources.forEach((s, i) => check(`sources.${i}.published`, s.published));
  return found;
}
