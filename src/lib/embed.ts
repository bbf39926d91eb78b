/**
 * Embedding the timeline in other sites' pages: the frames' addresses, the iframe code
 * readers copy, the message a frame sends its host to be resized, the date range a
 * timeline frame can be narrowed to, and the oEmbed documents that announce all this.
 */
import { getPath } from './urls';

/** What a frame can show, and its default height in pixels before it is resized. */
export const EMBED_HEIGHTS = { timeline: 640, event: 560, statement: 320 } as const;

/** The width the iframe code asks for and oEmbed announces; the frame fits from 280 px. */
export const EMBED_WIDTH = 600;

export type EmbedKind = keyof typeof EMBED_HEIGHTS;

/** The `type` of the message a frame posts to its host with its height. */
export const RESIZE_MESSAGE_TYPE = 'news-timeline:resize';

/** The `type` of the message the host script sends a frame that loaded before it, asking for its height again. */
export const MEASURE_MESSAGE_TYPE = 'news-timeline:measure';

/** What a frame posts to its host page. */
export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE_TYPE;
  /** The frame's content height in CSS pixels. */
  height: number;
}

/** @returns the message a frame posts to its host when its content is `height` px tall */
export function getResizeMessage(height: number): ResizeMessage {
  return { type: RESIZE_MESSAGE_TYPE, height: Math.ceil(height) };
}

/**
 * The host script's check, the same rule as `public/embed/resize.js` (which cannot import
 * this module: it runs on other sites, unbundled).
 * @returns whether a message has the shape of a resize message with a sane height
 */
export function isResizeMessage(data: unknown): data is ResizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, height } = data as Record<string, unknown>;
  return type === RESIZE_MESSAGE_TYPE && typeof height === 'number' && Number.isFinite(height) && height > 0 && height < 100_000;
}

/** @returns whether a message asks a frame for its height; it carries nothing else, so any sender may ask */
export function isMeasureRequest(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)['type'] === MEASURE_MESSAGE_TYPE;
}

/**
 * @param country a country's code, for its timeline alone
 * @param page a page after the first, as the full timeline is split
 * @returns the path of the embeddable whole timeline, or one country's, e.g. `/embed/`, `/embed/timeline/2/`, `/embed/countries/pk/3/`
 */
export function getEmbedTimelinePath(country?: string, page = 1): string {
  const more = page === 1 ? '' : `${page}/`;
  return getPath(country ? `embed/countries/${country.toLowerCase()}/${more}` : `embed/${more && `timeline/${more}`}`);
}

/** A page of an embeddable timeline: its first day (`YYYY-MM-DD`) and its path. */
export interface EmbedPageStart {
  start: string;
  path: string;
}

/**
 * @returns the path of the list of an embeddable timeline's pages (`pages.json`, each
 *   page's first day and path), which a frame asked for a range of days reads to find
 *   the page that holds it: a list that grows with the story, kept out of every page
 */
export function getEmbedPagesPath(country?: string): string {
  return getPath(country ? `embed/countries/${country.toLowerCase()}/pages.json` : 'embed/timeline/pages.json');
}

/**
 * @param pages a paged timeline's pages, in order
 * @param pagePath the path of a page by its number
 * @returns each page's first day and path, as `pages.json` lists them
 */
export function listPageStarts(pages: readonly { number: number; days: readonly { date: string }[] }[], pagePath: (page: number) => string): EmbedPageStart[] {
  return pages.map((page) => ({ start: page.days[0]?.date ?? '', path: pagePath(page.number) }));
}

/**
 * @param starts the first day (`YYYY-MM-DD`) of each page of a paged timeline, in order
 * @param day the day a reader's range starts on
 * @returns the number of the first page that holds the day, or would: else the page before the next day on the timeline
 */
export function findPageOfDay(starts: readonly string[], day: string): number {
  const before = starts.filter((start) => start < day).length;
  return starts[before] === day ? before + 1 : Math.max(before, 1);
}

/** @returns the path of an event's embeddable view */
export function getEmbedEventPath(slug: string): string {
  return getPath(`embed/events/${slug}/`);
}

/** @returns the path of a statement's embeddable quote card */
export function getEmbedStatementPath(id: string): string {
  return getPath(`embed/statements/${id}/`);
}

/** @returns the path of the script a host page loads to resize frames to their content */
export function getResizeScriptPath(): string {
  return getPath('embed/resize.js');
}

/** @returns where the oEmbed document of an event or a statement is, under `oembed/` and without `.json`: `events/<slug>` */
export function getOembedName(kind: 'event' | 'statement', id: string): string {
  return `${kind === 'event' ? 'events' : 'statements'}/${id}`;
}

/** @returns the path of the oEmbed document of an event or a statement */
export function getOembedPath(kind: 'event' | 'statement', id: string): string {
  return getPath(`oembed/${getOembedName(kind, id)}.json`);
}

/**
 * @param redirects old path → new path, as editors declare them (without the base)
 * @returns the same with each moved event's and statement's frame following it
 *   (`/embed/events/old/` → `/embed/events/new/`), so that one redirect keeps both the
 *   page and the iframes pasted into other sites working; a frame redirect declared by
 *   hand wins
 */
export function withEmbedRedirects(redirects: Readonly<Record<string, string>>): Record<string, string> {
  const frames = Object.entries(redirects).flatMap(([from, to]) =>
    /^\/(?:events|statements)\//.test(from) && /^\/(?:events|statements)\//.test(to) ? [[`/embed${from}`, `/embed${to}`] as const] : [],
  );
  return { ...Object.fromEntries(frames), ...redirects };
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** What the iframe code is made of. */
export interface IframeOptions {
  /** The frame's absolute address. */
  src: string;
  /** The frame's accessible name, e.g. the event's title. */
  title: string;
  kind: EmbedKind;
  /** The absolute address of the resize script; left out, the frame keeps its height and scrolls. */
  script?: string;
}

/**
 * @returns the HTML a newsroom pastes into its page: an iframe as wide as its column
 *   (up to EMBED_WIDTH), lazily loaded, with the optional resize script after it
 */
export function getIframeCode({ src, title, kind, script }: IframeOptions): string {
  const iframe = `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHTS[kind]}" style="width:100%;max-width:${EMBED_WIDTH}px;border:0" loading="lazy"></iframe>`;
  return script ? `${iframe}\n<script src="${escapeAttribute(script)}" async></script>` : iframe;
}

/** A day range a timeline frame is narrowed to; either end may be open. */
export interface DateRange {
  /** First day shown, `YYYY-MM-DD`. */
  from?: string;
  /** Last day shown, `YYYY-MM-DD`. */
  to?: string;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * @param search a frame's query string, e.g. `?from=2024-01-16&to=2024-01-18`
 * @returns the range it asks for; a malformed end is ignored (open), a reversed range swapped
 */
export function parseDateRange(search: string): DateRange {
  const params = new URLSearchParams(search);
  const read = (name: string) => {
    const value = params.get(name)?.trim() ?? '';
    return DAY.test(value) ? value : undefined;
  };
  let from = read('from');
  let to = read('to');
  if (from && to && from > to) [from, to] = [to, from];
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** @returns whether a day (`YYYY-MM-DD`) falls within a range, ends included */
export function isDayInRange(day: string, { from, to }: DateRange): boolean {
  return (!from || day >= from) && (!to || day <= to);
}

/** An oEmbed 1.0 response of type `rich` (https://oembed.com/, section 2.3.4). */
export interface OembedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/** What an oEmbed document describes. */
export interface OembedOptions {
  iframe: IframeOptions;
  /** The site's name: the author and the provider are the newsroom that runs it. */
  siteName: string;
  /** The site's home page, absolute. */
  siteUrl: string;
  /** The preview image, absolute, and its size. */
  thumbnail: { url: string; width: number; height: number };
}

/** @returns the oEmbed document of an embeddable page */
export function getOembed({ iframe, siteName, siteUrl, thumbnail }: OembedOptions): OembedRich {
  return {
    type: 'rich',
    version: '1.0',
    title: iframe.title,
    author_name: siteName,
    author_url: siteUrl,
    provider_name: siteName,
    provider_url: siteUrl,
    // The frame alone: a consumer may refuse a script, and the frame works without it.
    html: getIframeCode({ src: iframe.src, title: iframe.title, kind: iframe.kind }),
    width: EMBED_WIDTH,
    height: EMBED_HEIGHTS[iframe.kind],
    thumbnail_url: thumbnail.url,
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
  };
}
