/**
 * Keeps published URLs alive. A committed lock file lists every URL the site has
 * published; a build in which one of them is gone fails, unless a redirect for it is
 * declared. Declared redirects become pages at the old URLs (Astro's `redirects`) and a
 * `_redirects` file for static hosts. The same list of pages gives `sitemap.xml`.
 *
 * The check runs before the later build steps; the lock is written (recordLock) only
 * after the whole build succeeded and its output was swapped in. Written any earlier,
 * a failure in a later step (search index, preview images) would leave the lock
 * listing URLs that were never published, and renaming such an entry would then fail
 * the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { normalizeBase, withBase } from '../lib/base';
import { describeLostPaths } from '../lib/lost-urls';
import { withEmbedRedirects } from '../lib/embed';
import { parseJsonFile, redirectsSchema } from '../lib/site-files';
import { renderSitemaps } from '../lib/sitemap';

export interface PermalinkOptions {
  /** The lock file, one path per line; none means no check (test and generated content). */
  lockFile: string | undefined;
  /** JSON object of old path → new path, e.g. `{ "/events/old/": "/events/new/" }`. */
  redirectsFile: string | undefined;
}

// Written by the build (routes/page-dates.ts) for the sitemap's lastmod, then removed.
const PAGE_DATES = 'page-dates.json';

// Files that are not addresses readers keep: preview images change with their page.
const NOT_PERMALINKS = /^\/(?:og\/|404(?:\.html|\/)$|pagefind\/)/;

/**
 * @param file the redirects file, or none
 * @returns the declared redirects, checked: both sides site paths, no chains
 */
export function readRedirects(file: string | undefined): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  return parseJsonFile(file, readFileSync(file, 'utf8'), redirectsSchema);
}

/**
 * @param published paths the lock file lists
 * @param built paths of the pages the build produced
 * @param redirects declared redirects, whose old paths still answer
 * @returns the published paths the build lost
 */
export function findLostPermalinks(published: Iterable<string>, built: ReadonlySet<string>, redirects: Record<string, string>): string[] {
  return [...published].filter((path) => !built.has(path) && !(path in redirects) && !NOT_PERMALINKS.test(path));
}

/** What a build adds to the URL lock: written by recordLock once the site is swapped in. */
export interface LockUpdate {
  /** The lock file. */
  file: string;
  /** Every path it will list, sorted. */
  paths: string[];
  /** How many of them are new. */
  added: number;
}

/** The permalink step, and what its check found for the lock. */
export interface Permalinks {
  /** Checks the lock, adds redirects and the sitemap; list it before the other steps. */
  check: AstroIntegration;
  /** @returns what this build adds to the lock, once `check` has run; nothing when it adds no URL */
  lockUpdate(): LockUpdate | undefined;
}

/**
 * Writes the URL lock. A finishing step (see finish.ts): the last, once the site is
 * swapped in, so that the lock lists only what was really published.
 */
export async function recordLock(update: LockUpdate | undefined, log: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  if (!update) return;
  await writeFile(update.file, `${update.paths.join('\n')}\n`);
  log.info(`${update.added} new URL(s) added to ${update.file}; commit it with the content.`);
}

/** See the module comment. */
export function permalinks({ lockFile, redirectsFile }: PermalinkOptions): Permalinks {
  let redirects: Record<string, string> = {};
  let base = '/';
  let site: URL | undefined;
  // The lock's next contents, when this build adds URLs to it.
  let nextLock: LockUpdate | undefined;
  const check: AstroIntegration = {
    name: 'timeline:permalinks',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        redirects = withEmbedRedirects(readRedirects(redirectsFile));
        updateConfig({ redirects });
        if (command === 'build') injectRoute({ pattern: `/${PAGE_DATES}`, entrypoint: new URL('./routes/page-dates.ts', import.meta.url) });
      },
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, pages }) => {
        nextLock = undefined;
        const outDir = fileURLToPath(dir);
        const built = new Set(pages.map(({ pathname }) => `/${pathname}`.replace(/\/{2,}/g, '/')));
        const permalinksNow = [...built].filter((path) => !NOT_PERMALINKS.test(path)).sort();
        const datesFile = join(outDir, PAGE_DATES);
        const lastModified = existsSync(datesFile) ? (JSON.parse(await readFile(datesFile, 'utf8')) as Record<string, string>) : {};
        await rm(datesFile, { force: true });

        if (lockFile) {
          const published = existsSync(lockFile) ? readFileSync(lockFile, 'utf8').split('\n').filter(Boolean) : [];
          const lost = findLostPermalinks(published, built, redirects);
          if (lost.length > 0) {
            throw new Error(describeLostPaths(lost, redirectsFile));
          }
          const next = [...new Set([...published, ...permalinksNow])].sort();
          if (next.join('\n') !== published.join('\n')) nextLock = { file: lockFile, paths: next, added: next.length - published.length };
        }

        const redirectLines = Object.entries(redirects).map(([from, to]) => `${withBase(base, from)} ${withBase(base, to)} 301`);
        await writeFile(join(outDir, '_redirects'), redirectLines.length ? `${redirectLines.join('\n')}\n` : '');

        if (site) {
          const redirected = new Set(Object.keys(redirects));
          const urls = permalinksNow
            // Frames are not pages to find: they say noindex and name their page as canonical.
            .filter((path) => path.endsWith('/') && !redirected.has(path) && !path.startsWith('/embed/'))
            .map((path) => ({ loc: new URL(withBase(base, path), site).href, lastmod: lastModified[path] }));
          for (const [path, text] of renderSitemaps(urls, new URL(withBase(base, '/'), site).href)) await writeFile(join(outDir, path), text);
        }
      },
    },
  };
  return { check, lockUpdate: () => nextLock };
}
