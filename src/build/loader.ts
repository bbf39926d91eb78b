/**
 * Loads event files with Astro's glob loader and adds what it does not enforce:
 * permalinks from file names, duplicate slugs and statement ids as errors, errors
 * that name the file, and the rules of src/lib/entry-rules.ts (safe Markdown, links
 * only to pages and anchors that exist), given what the whole site will hold.
 */
import { existsSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentEntryType } from 'astro';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { getDateIn } from '../lib/dates';
import { BodyRenderer } from './body-renderer';
import { handOverEvent } from './image-handover';
import { ContentError, checkSiteLink, findFutureDates, getSlug, inspectMarkdown, isSlug, type SiteLink, type SiteMap } from '../lib/entry-rules';
import { readBody, readFrontMatter } from '../lib/front-matter';
import { remember } from '../lib/remember';
import type { EventData } from '../lib/schema';
import { groupByDay, paginateDays, sortEvents } from '../lib/timeline';
import { getEventAnchors, getFixedPaths } from '../lib/urls';

// Bump when inspectMarkdown's rules change, so that cached bodies are read again.
const INSPECTION_VERSION = 1;
// Bump when how front matter is read changes: entries parsed the old way are dropped.
const READER_VERSION = 2;

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
      dropStaleEntries(context, root, posix.resolve(root, base));

      const inner = glob({
        base,
        // Drafts (isDraft) are left out: their names start with `_`.
        pattern: '**/[!_]*.md',
        generateId({ entry }) {
          const file = posix.join(folder, entry);
          const slug = getSlug(entry);
          if (!isSlug(slug)) {
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
          // The front matter as lightenMarkdown read it: dates as written.
          const parsed = await context.parseData(props);
          handOverEvent(props.id, parsed as unknown as EventData);
          return parsed;
        } catch (error) {
          const file = props.filePath ? rel(props.filePath) : (fileOf.get(props.id) ?? props.id);
          const detail = error instanceof Error ? error.message.replaceAll('**', '') : String(error);
          throw new ContentError(file, 'front matter', detail, { cause: error });
        }
      };
      const unrendered: Unrendered[] = [];
      const bodies = new BodyRenderer();
      const globContext: GlobContext = { ...context, parseData, entryTypes: lightenMarkdown(context, rel, bodies, unrendered) };
      try {
        await inner.load(globContext);
      } finally {
        await bodies.close();
      }
      // glob() only logs a body it could not render, and keeps the entry without it.
      const [failed] = unrendered;
      if (failed) {
        // Dropped, so that the next load renders them again rather than keep them as they are.
        for (const { id } of unrendered) context.store.delete(id);
        const file = fileOf.get(failed.id) ?? failed.id;
        const { problems } = inspectMarkdown(failed.body);
        throw new ContentError(file, 'body', problems.length > 0 ? problems.join('; ') : `could not be rendered: ${failed.error.message}`, { cause: failed.error });
      }

      const statementOwners = new Map<string, string>();
      const events = new Map<string, ReadonlySet<string>>();
      const countries = new Set<string>();
      const linksByEntry: { file: string; slug: string; links: SiteLink[] }[] = [];
      // Read on every build, cached entries too: an entry's date stays; the build day moves.
      const now = new Date();
      // The day in each time zone, worked out once (0.37 s for 10,000 events, each on every load).
      const todayIn = remember((timeZone) => getDateIn(now, timeZone));
      for (const entry of context.store.values()) {
        const file = entry.filePath ?? entry.id;
        const data = entry.data as unknown as EventData;
        const future = findFutureDates(data, todayIn(data.when.timeZone))[0];
        if (future) throw new ContentError(file, future.field, future.problem);
        // A body is read again only when its file changed since the last build (and
        // then, mostly, as it was read: see lightenMarkdown).
        const links = getSiteLinks(context, file, entry.id, String(entry.digest), entry.body ?? '');
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
      let timelinePages: number | undefined;
      const site: SiteMap = {
        events,
        statements: new Set(statementOwners.keys()),
        countries,
        fixedPaths: new Set(getFixedPaths(pageFiles)),
        // Counted only if a body links to a timeline page: that orders every event, 0.4 s at
        // 10,000 events on a start of `npm run dev` (the dates' zones read for the first time).
        get timelinePages() {
          if (timelinePages === undefined) {
            timelinePages = paginateDays(groupByDay(sortEvents(getStoredEvents(context.store)))).length;
          }
          return timelinePages;
        },
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

/** @returns the events in a load's store, with the data the schema parsed */
export function getStoredEvents(store: LoaderContext['store']): { id: string; data: EventData }[] {
  return [...store.values()].map(({ id, data }) => ({ id, data: data as unknown as EventData }));
}

/**
 * @returns the links to the site's own pages in an event's body, from the store's
 *   metadata when its file is unchanged since they were found
 * @throws when the body breaks a rule of inspectMarkdown
 */
function getSiteLinks(context: LoaderContext, file: string, slug: string, digest: string, body: string): SiteLink[] {
  const key = `body:${INSPECTION_VERSION}:${slug}`;
  const found = JSON.parse(context.meta.get(key) ?? 'null') as { digest: string; links: SiteLink[] } | null;
  if (found?.digest === digest) return found.links;
  const { problems, siteLinks } = inspectMarkdown(body);
  if (problems.length > 0) throw new ContentError(file, 'body', problems.join('; '));
  context.meta.set(key, JSON.stringify({ digest, links: siteLinks }));
  return siteLinks;
}

// Astro passes every loader the entry types glob() reads files with, outside LoaderContext's type.
type GlobContext = LoaderContext & { entryTypes?: Map<string, ContentEntryType> | undefined };

/** An entry whose body could not be rendered. */
interface Unrendered {
  id: string;
  body: string;
  error: Error;
}

/**
 * The Markdown entry type glob() reads files with, made lighter in three ways and
 * stricter in two. It answers for a file whose text matches its stored entry without
 * parsing it: glob() parses a file's front matter before it finds the file unchanged,
 * then drops what it parsed (at 10,000 events, 2 s of YAML on every load: every start
 * of `npm run dev`, every edit).
 * It reads a changed file's front matter once, our way (dates as written,
 * src/lib/front-matter.ts), where glob() would read it with js-yaml's defaults and the
 * schema would need it read again.
 * It checks a changed body by the rules of inspectMarkdown (no raw HTML, safe
 * addresses, no nesting so deep that rendering it would take minutes or overflow the
 * stack) before glob() renders it, and notes each body it could not render, which
 * glob() only logs.
 * And it stores no second copy of the front matter: Astro keeps the raw front matter
 * in each entry's rendered metadata (for `remarkPluginFrontmatter`) beside the parsed
 * data, which made that copy about a third of the content store that every start of
 * `npm run dev` reads, writes back and hands to its pages. Only what a remark plugin
 * added to the front matter is kept there, and no empty field (no headings, no
 * images): Astro reads each with a default.
 *
 * @returns the entry types, Markdown's lightened
 */
function lightenMarkdown(context: GlobContext, rel: (path: string) => string, bodies: BodyRenderer, unrendered: Unrendered[]): GlobContext['entryTypes'] {
  const markdown = context.entryTypes?.get('.md');
  if (!markdown) return context.entryTypes;
  const { getRenderFunction } = markdown;
  return new Map(context.entryTypes).set('.md', {
    ...markdown,
    getEntryInfo(params: { fileUrl: URL; contents: string }) {
      const file = rel(fileURLToPath(params.fileUrl));
      const slug = getSlug(file);
      const kept = context.store.get(slug);
      const digest = context.generateDigest(params.contents);
      // Never read: glob() keeps the stored entry of an unchanged file.
      if (kept?.filePath === file && kept.digest === digest) return { data: {}, rawData: '', body: '', slug: '' };
      let data: Record<string, unknown>;
      try {
        data = readFrontMatter(params.contents);
      } catch (error) {
        throw new ContentError(file, 'front matter', error instanceof Error ? error.message : String(error), { cause: error });
      }
      const body = readBody(params.contents);
      // Checked before glob() renders it (a body nested too deep would take minutes), and
      // while the bodies read before it render in another thread (src/build/body-renderer.ts).
      getSiteLinks(context, file, slug, String(digest), body);
      return { data, rawData: '', body, slug: '' };
    },
    ...(getRenderFunction && {
      async getRenderFunction(config) {
        const render = bodies.wrap(await getRenderFunction.call(markdown, config), config);
        return async (entry) => {
          const { html, metadata = {} } = await render(entry).catch((error: unknown) => {
            unrendered.push({ id: entry.id, body: entry.body ?? '', error: error instanceof Error ? error : new Error(String(error)) });
            throw error;
          });
          const added = Object.entries(metadata['frontmatter'] ?? {}).filter(([key]) => !Object.hasOwn(entry.data, key));
          const kept = Object.entries({ ...metadata, frontmatter: Object.fromEntries(added) }).filter(([, value]) => !isEmpty(value));
          return { html, metadata: Object.fromEntries(kept) };
        };
      },
    }),
  });
}

/** @returns whether `value` is an empty list or an object with no keys */
function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/**
 * Astro keeps the content store between builds, and the glob loader keeps an entry
 * whose file's text is unchanged without reading it again, even when that file now
 * lives elsewhere, and only drops the others once every file has loaded. So a build
 * could see entries of an earlier one: a file of another TIMELINE_CONTENT_DIR (as a
 * duplicate slug), or a renamed file under its old path. Keep only entries of files
 * that are still in this folder, read the way this loader reads them.
 */
function dropStaleEntries(context: LoaderContext, root: string, folder: string): void {
  const reader = JSON.stringify({ version: READER_VERSION, folder });
  if (context.meta.get('reader') !== reader) {
    context.store.clear();
    context.meta.set('reader', reader);
    return;
  }
  const inside = `${folder.replace(/\/$/, '')}/`;
  for (const entry of context.store.values()) {
    const path = entry.filePath === undefined ? undefined : posix.resolve(root, entry.filePath);
    if (path === undefined || !path.startsWith(inside) || !existsSync(path)) context.store.delete(entry.id);
  }
}
