/**
 * Builds the Pagefind search indexes after `astro build` (a finishing step, see
 * finish.ts), from the pages it wrote: only what pages mark with `data-pagefind-body`
 * (events and statements) is indexed. Any indexing error fails the build.
 *
 * Two kinds of bundle: the whole site's (`pagefind/`), and one per country
 * (`pagefind/country/<code>/`) holding only that country's events and statements, so a
 * search within one country downloads a fraction of the whole index. Which pages go
 * in each bundle comes from `/search-bundles.json`, a build-only route that
 * can read the content, and is removed from the output. Pagefind is given exactly
 * those pages (not the site's other pages, which it would parse to find them), one
 * bundle at a time, so it holds one index in memory.
 *
 * One engine searches every bundle: a country bundle holds only its index, and the
 * search page runs it with the whole site's `pagefind.js`, worker and WebAssembly.
 * Each bundle's fragments get short names (see fragment-names.ts), which makes the
 * metadata a search loads first a third smaller, and a country's pages point at the
 * whole site's fragments (the text a result shows), which are the same bytes: a
 * country bundle writes none of its own.
 *
 * Each bundle is kept in the cache folder (`search/`), under a hash of the pages it
 * indexes, so a rebuild indexes again only the bundles whose pages changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { getCacheDir } from '../build/cache';
import { shortenFragmentNames } from '../build/fragment-names';
import { writeFiles, type FileToWrite } from '../build/write-files';
import type { SearchBundle } from './routes/search-bundles';

const LIST = 'search-bundles.json';
// Part of every bundle's cache key: another Pagefind, or a change to how bundles are
// written, indexes everything afresh.
const FORMAT = `pagefind ${(JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')) as { version: string }).version}, bundles 7`;
// Kept bundles no build has used for this long are removed.
const UNUSED_MS = 7 * 24 * 3600 * 1000;
// How many pages are read at once.
const BATCH = 64;

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/**
 * Makes a country bundle use the whole site's engine: its script and WebAssembly go,
 * its worker is one line loading the whole site's (Pagefind starts its one worker from
 * the first bundle a page searches), and its entry file names the whole site's
 * WebAssembly. Pagefind fetches `<bundle>/wasm.<name>.pagefind`, so the name climbs
 * out of the bundle's folder: `en/../../../wasm.en` is `pagefind/wasm.en.pagefind`.
 *
 * @param files the bundle's files, as Pagefind wrote them
 * @param up the whole site's bundle, relative to this one (`../../`)
 */
function shareEngine(files: FileToWrite[], up: string): FileToWrite[] {
  return files
    .filter(({ path }) => path !== 'pagefind.js' && !/^wasm\..*\.pagefind$/.test(path))
    .map((file) => {
      if (file.path === 'pagefind-worker.js') return { path: file.path, content: Buffer.from(`importScripts(${JSON.stringify(`${up}pagefind-worker.js`)});\n`) };
      if (file.path !== 'pagefind-entry.json') return file;
      const entry = JSON.parse(Buffer.from(file.content).toString('utf8')) as { languages: Record<string, { wasm?: string }> };
      for (const language of Object.values(entry.languages)) {
        const wasm = language.wasm ?? 'unknown';
        language.wasm = `${wasm}/../${up}wasm.${wasm}`;
      }
      return { path: file.path, content: Buffer.from(JSON.stringify(entry)) };
    });
}

/** @returns how many pages a bundle holds, from its entry file */
function countPages(files: FileToWrite[]): number {
  const entry = files.find(({ path }) => path === 'pagefind-entry.json');
  const { languages } = JSON.parse(entry ? Buffer.from(entry.content).toString('utf8') : '{"languages":{}}') as { languages: Record<string, { page_count: number }> };
  return Object.values(languages).reduce((total, { page_count }) => total + page_count, 0);
}

/** @returns each listed page's hash (`events/<slug>/index.html`), read from the site */
async function hashPages(outDir: string, pages: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (let start = 0; start < pages.length; start += BATCH) {
    const batch = pages.slice(start, start + BATCH);
    const read = await Promise.all(batch.map((page) => readFile(join(outDir, page))));
    batch.forEach((page, i) => hashes.set(page, createHash('sha256').update(read[i] ?? '').digest('hex')));
  }
  return hashes;
}

/** @returns the bundle kept under `key`, if it is there and whole; marks it as used */
async function fromCache(cache: string, key: string): Promise<FileToWrite[] | undefined> {
  try {
    const files = deserialize(await readFile(join(cache, key))) as FileToWrite[];
    const now = new Date();
    await utimes(join(cache, key), now, now);
    return files;
  } catch {
    return undefined;
  }
}

/** Keeps a bundle under `key`; written whole or not at all, since other builds may share the cache. */
async function toCache(cache: string, key: string, files: FileToWrite[]): Promise<void> {
  const partial = join(cache, `${key}.${process.pid}.partial`);
  await writeFile(partial, serialize(files));
  await rename(partial, join(cache, key));
}

/**
 * Removes the bundles no build has used for a week. Not just those this build did not
 * use: builds of other stories (tests, benchmarks, a sub-path) may share the cache.
 */
async function forgetUnused(cache: string): Promise<void> {
  const before = Date.now() - UNUSED_MS;
  for (const name of await readdir(cache)) {
    const { mtimeMs } = await stat(join(cache, name)).catch(() => ({ mtimeMs: Infinity }));
    if (mtimeMs < before) await rm(join(cache, name), { force: true });
  }
}

/** @returns the cache key of a bundle: what it is, and a hash of each of its pages */
function keyOf(bundle: SearchBundle, pages: readonly string[], hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(`${FORMAT}\n${bundle.path}\n`);
  for (const page of pages) hash.update(`${page} ${hashes.get(page) ?? ''}\n`);
  return `${hash.digest('hex').slice(0, 32)}.bundle`;
}

// A page named in a glob: one folder below another, both names without a character globs
// read, and neither `.` nor `..`.
const GLOBBED = /^([\w-]+)\/([\w-][\w.-]*)\/index\.html$/;
// Names in one glob. Pagefind walks the whole folder for each glob, so fewer, longer
// globs cost less as the story grows: at 50,000 events (75,000 statement pages), a
// glob took about 0.4 s however few names it held, and 0.55 ms a page in globs of
// 2,000 names, 0.33 ms in globs of 8,000, 16,000 worked. A glob Pagefind refuses as
// too long (it once refused 10,000 short names) is halved.
const GLOB_NAMES = 8000;

/**
 * Has Pagefind read `names` (pages `<folder>/<name>/index.html`) from the site itself,
 * through globs that name them, halving a glob it refuses as too long.
 *
 * @returns how many pages it read
 */
async function addByName(index: pagefind.PagefindIndex, outDir: string, folder: string, names: readonly string[]): Promise<number> {
  let added = 0;
  for (let start = 0; start < names.length; start += GLOB_NAMES) {
    const some = names.slice(start, start + GLOB_NAMES);
    const { errors, page_count } = await index.addDirectory({ path: outDir, glob: `${folder}/{${some.join(',')}}/index.html` });
    if (errors.some((error) => error.includes('valid glob')) && some.length > 1) {
      const half = Math.ceil(some.length / 2);
      added += (await addByName(index, outDir, folder, some.slice(0, half))) + (await addByName(index, outDir, folder, some.slice(half)));
      continue;
    }
    check('index the pages', errors);
    added += page_count;
  }
  return added;
}

/**
 * Indexes a bundle's pages, one bundle at a time: Pagefind holds one index in memory,
 * never all of them. Pagefind reads the pages from the site itself, on every core: a
 * folder the bundle holds whole in one glob, other pages through globs naming them.
 * Pagefind walks the folder for every glob: at 50,000 events the whole site's 125,000
 * pages took 42 s in one glob of their folders, against 80–97 s in globs of 2,000 names
 * (at 10,000 events, 9.9 s against 10.6 s). A page handed over is read on one core, and
 * Pagefind looks through every page it holds for its URL (40 s for 25,000), so only
 * pages whose names a glob cannot hold are handed over. Pagefind reads only the pages
 * named; the caller checks the count.
 *
 * @returns the bundle's files
 */
async function indexBundle(outDir: string, pages: readonly string[]): Promise<FileToWrite[]> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  check('start', errors);
  if (!index) throw new Error('Pagefind could not start');
  try {
    const byFolder = new Map<string, string[]>();
    const handed: string[] = [];
    for (const page of pages) {
      const [, folder, name] = GLOBBED.exec(page) ?? [];
      if (!folder || !name) handed.push(page);
      else if (byFolder.has(folder)) byFolder.get(folder)?.push(name);
      else byFolder.set(folder, [name]);
    }
    for (const [folder, names] of byFolder) {
      // A folder whose every entry the bundle names (the whole site's events) is walked once.
      const named = new Set(names);
      const whole = (await readdir(join(outDir, folder))).every((entry) => named.has(entry));
      if (whole) check('index the pages', (await index.addDirectory({ path: outDir, glob: `${folder}/*/index.html` })).errors);
      else await addByName(index, outDir, folder, names);
    }
    for (let start = 0; start < handed.length; start += BATCH) {
      const added = await Promise.all(
        handed.slice(start, start + BATCH).map(async (page) => index.addHTMLFile({ sourcePath: page, content: await readFile(join(outDir, page), 'utf8') })),
      );
      check('index the pages', added.flatMap((result) => result.errors));
    }
    const { files, errors } = await index.getFiles();
    check('write its files', errors);
    // The search page has its own interface; Pagefind's prebuilt ones are never loaded,
    // nor the WebAssembly for pages of no known language (every page is English).
    return files.filter(({ path }) => !/^pagefind-(.*ui|highlight)\./.test(path) && path !== 'wasm.unknown.pagefind');
  } finally {
    // Frees the indexer's memory before the next bundle.
    await index.deleteIndex();
  }
}

/**
 * Writes each search bundle into the site: the whole site's (the first) and each
 * country's, indexed afresh or, where its pages are unchanged, from the cache.
 *
 * @param outDir the built site
 * @param bundles the bundles, the whole site's first
 * @param cache the folder bundles are kept in between builds
 * @returns how many bundles were indexed rather than taken from the cache
 */
export async function writeSearchBundles(outDir: string, bundles: readonly SearchBundle[], cache: string): Promise<number> {
  const [site] = bundles;
  if (!site) throw new Error('no search bundles were listed');
  const pagesOf = (bundle: SearchBundle) => bundle.pages.map((page) => `${page}index.html`);
  const hashes = await hashPages(outDir, pagesOf(site));
  const wanted = bundles.map((bundle) => {
    const pages = pagesOf(bundle);
    const strays = pages.filter((page) => !hashes.has(page));
    if (strays.length > 0) throw new Error(`${bundle.path} lists pages the whole index does not: ${strays.slice(0, 3).join(', ')}`);
    return { bundle, pages, key: keyOf(bundle, pages, hashes) };
  });
  let indexed = 0;
  // Each page's fragment as the whole site's bundle (the first) names it, for the countries'.
  let siteNames: ReadonlyMap<string, string> = new Map();
  for (const { bundle, pages, key } of wanted) {
    let files = await fromCache(cache, key);
    if (!files) {
      indexed++;
      files = await indexBundle(outDir, pages);
      if (countPages(files) !== pages.length) throw new Error(`${bundle.path} holds ${countPages(files)} pages, not ${pages.length}`);
      // Kept as Pagefind wrote it: a country's names depend on the whole site's.
      await toCache(cache, key, files);
    }
    if (bundle === site) {
      const shortened = shortenFragmentNames(files);
      siteNames = shortened.names;
      await writeFiles(join(outDir, bundle.path), shortened.files);
    } else {
      const up = `${relative(bundle.path, site.path).replaceAll('\\', '/')}/`;
      await writeFiles(join(outDir, bundle.path), shareEngine(shortenFragmentNames(files, { names: siteNames, up }).files, up));
    }
  }
  await forgetUnused(cache);
  return indexed;
}

/**
 * Writes the search indexes into a built site, from the bundle list its build left
 * there (and removes the list). A finishing step (see finish.ts): it runs once Astro's
 * process has exited, so that Pagefind's memory is not added to Astro's.
 *
 * @param outDir the built site
 */
export async function writeSearchIndex(outDir: string, log: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  const started = performance.now();
  try {
    const list = join(outDir, LIST);
    const bundles = JSON.parse(await readFile(list, 'utf8')) as SearchBundle[];
    await rm(list);
    const cache = join(getCacheDir(), 'search');
    await mkdir(cache, { recursive: true });
    const built = await writeSearchBundles(outDir, bundles, cache);
    log.info(`Wrote the search index and ${bundles.length - 1} country bundles (${built} of ${bundles.length} indexed, the rest from the cache) in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    throw new Error('Building the search index failed', { cause: error });
  } finally {
    await pagefind.close();
  }
}

/** @returns the integration that lists each bundle's pages; writeSearchIndex indexes them */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'timeline:pagefind',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'build') injectRoute({ pattern: `/${LIST}`, entrypoint: new URL('./routes/search-bundles.ts', import.meta.url) });
      },
    },
  };
}
