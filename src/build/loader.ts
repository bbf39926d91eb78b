/**
 * Loads event files with Astro's glob loader and adds what it does not enforce:
 * permalinks from file names, duplicate slugs and statement ids as errors, errors
 * that name the file, no raw HTML or script URLs in Markdown bodies, and no links
 * to pages of the site that do not exist.
 */
import { readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import type { EventData } from '../lib/schema';
import { groupByDay, paginateDays, sortEvents } from '../lib/timeline';
import { getEventAnchors, getFixedPaths } from '../lib/urls';

const SLUG_RE = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Bump when inspectMarkdown's rules change, so that cached bodies are read again.
const INSPECTION_VERSION = 1;

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
  return posix.basename(entry).replace(/\.md$/, '');
}

// Links an editor may write: web and mail addresses, paths on this site, anchors.
const SAFE_URL_RE = /^(?:https?:|mailto:|\/|#|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/** A link in a Markdown body to a page of this site. */
export interface SiteLink {
  url: string;
  line: number;
}

/**
 * Reads a Markdown body once for what must not reach a page (raw HTML, which Astro
 * passes through unsanitized, and addresses with a scheme such as `javascript:`) and
 * for its links to pages of this site, which are checked once all entries are known.
 */
export function inspectMarkdown(body: string): { problems: string[]; siteLinks: SiteLink[] } {
  const problems: string[] = [];
  const siteLinks: SiteLink[] = [];
  visit(fromMarkdown(body), (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'html') {
      problems.push(`line ${line}: raw HTML is not allowed (${node.value.trim().slice(0, 40)}); write Markdown`);
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const url = node.url.trim();
      if (!SAFE_URL_RE.test(url)) problems.push(`line ${line}: the address "${node.url}" is not an http(s), mailto or site link`);
      else if (!/^(?:https?:|mailto:|\/\/)/i.test(url)) siteLinks.push({ url, line });
    }
  });
  return { problems, siteLinks };
}

/** @returns one message per unsafe thing in a Markdown body, with its line */
export function findUnsafeMarkdown(body: string): string[] {
  return inspectMarkdown(body).problems;
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

/**
 * @param base the events folder, relative to the project root or absolute
 * @returns a content loader for `*.md` files below it; names starting with `_` are drafts
 */
export function eventsLoader(base: string): Loader {
  return {
    name: 'events-loader',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const rel = (path: string) => posix.relative(root, path) || path;
      const folder = rel(posix.resolve(root, base));
      const fileOf = new Map<string, string>();

      const inner = glob({
        base,
        pattern: '**/[!_]*.md',
        generateId({ entry }) {
          const file = posix.join(folder, entry);
          const slug = getSlug(entry);
          if (!SLUG_RE.test(slug)) {
            throw new ContentError(file, 'file name', 'must be the event\'s date and a few lowercase words, e.g. "2024-01-18-pakistan-strikes-iran.md"');
          }
          const other = fileOf.get(slug);
          if (other !== undefined && other !== file) {
            throw new ContentError(file, 'file name', `slug "${slug}" is already used by ${other}; every event needs its own file name`);
          }
          fileOf.set(slug, file);
          return slug;
        },
      });

      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          const file = props.filePath ? rel(props.filePath) : (fileOf.get(props.id) ?? props.id);
          const detail = error instanceof Error ? error.message.replaceAll('**', '') : String(error);
          throw new ContentError(file, 'front matter', detail, { cause: error });
        }
      };
      await inner.load({ ...context, parseData });

      const statementOwners = new Map<string, string>();
      const events = new Map<string, ReadonlySet<string>>();
      const countries = new Set<string>();
      const linksByEntry: { file: string; slug: string; links: SiteLink[] }[] = [];
      for (const entry of context.store.values()) {
        const file = entry.filePath ?? entry.id;
        const data = entry.data as unknown as EventData;
        // A body is read again only when its file changed since the last build.
        const cacheKey = `body:${INSPECTION_VERSION}:${entry.id}`;
        const cached = JSON.parse(context.meta.get(cacheKey) ?? 'null') as { digest: string; links: SiteLink[] } | null;
        let links = cached?.digest === String(entry.digest) ? cached.links : undefined;
        if (!links) {
          const { problems, siteLinks } = inspectMarkdown(entry.body ?? '');
          if (problems.length > 0) throw new ContentError(file, 'body', problems.join('; '));
          links = siteLinks;
          context.meta.set(cacheKey, JSON.stringify({ digest: String(entry.digest), links }));
        }
        linksByEntry.push({ file, slug: entry.id, links });
        data.statements.forEach((statement, i) => {
          const owner = statementOwners.get(statement.id);
          if (owner !== undefined) {
            throw new ContentError(file, `statements.${i}.id`, `statement id "${statement.id}" is already used in ${owner}`);
          }
          statementOwners.set(statement.id, file);
          countries.add(statement.country.toLowerCase());
        });
        data.countries.forEach((code) => countries.add(code.toLowerCase()));
        events.set(entry.id, new Set(getEventAnchors(data)));
      }
      const pageFiles = readdirSync(new URL('pages/', context.config.srcDir), { recursive: true, encoding: 'utf8' });
      const dated = [...context.store.values()].map(({ id, data }) => ({ id, data: data as unknown as EventData }));
      const site: SiteMap = {
        events,
        statements: new Set(statementOwners.keys()),
        countries,
        fixedPaths: new Set(getFixedPaths(pageFiles)),
        timelinePages: paginateDays(groupByDay(sortEvents(dated))).length,
      };
      for (const { file, slug, links } of linksByEntry) {
        const broken = links.flatMap(({ url, line }) => {
          const problem = checkSiteLink(url, slug, site);
          return problem ? [`line ${line}: ${problem}`] : [];
        });
        if (broken.length > 0) throw new ContentError(file, 'body', broken.join('; '));
      }
    },
  };
}
