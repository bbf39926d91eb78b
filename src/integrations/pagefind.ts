/**
 * Builds the Pagefind search indexes as part of `astro build`, from the pages just
 * written: only what pages mark with `data-pagefind-body` (events and statements) is
 * indexed. Any indexing error fails the build.
 *
 * Two kinds of bundle: the whole site's (`pagefind/`), and one per country
 * (`pagefind/country/<code>/`) holding only that country's events and statements, so a
 * search within one country downloads a fraction of the whole index. Which pages go
 * in which country bundle comes from `/search-bundles.json`, a build-only route that
 * can read the content, and is removed from the output. Pagefind reads each bundle's
 * pages through a folder of symbolic links beside the output. The links are relative
 * and the output is always written to the same staging folder, so they stay valid
 * from one build to the next: a rebuild adds and removes only the pages that came and
 * went (creating and deleting 30,000 links on every build cost it seconds).
 *
 * Where symbolic links can't be made (Windows without developer mode, some mounted
 * file systems, or `TIMELINE_NO_SYMLINKS=1`), each page is hard-linked, or copied,
 * instead. Those point at this build's files, not at a path, so they are made afresh
 * on every build.
 */
import { copyFile, link, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchBundle } from './routes/search-bundles';

const LIST = 'search-bundles.json';

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/** Indexes every page under `source` into a bundle at `output`; @returns the number of pages */
async function writeBundle(source: string, output: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  check('start', errors);
  if (!index) throw new Error('Pagefind could not start');
  try {
    const added = await index.addDirectory({ path: source });
    check(`index ${source}`, added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${source}`);
    check('write its files', (await index.writeFiles({ outputPath: output })).errors);
    // The search page has its own interface; Pagefind's prebuilt ones are never loaded.
    const unused = (await readdir(output)).filter((file) => /^pagefind-(.*ui|highlight)\./.test(file));
    await Promise.all(unused.map((file) => rm(join(output, file))));
    return added.page_count;
  } finally {
    // Frees the indexer's memory before the next bundle.
    await index.deleteIndex();
  }
}

/** Whether this build may use symbolic links; the first refusal turns them off. */
let symlinks = process.env.TIMELINE_NO_SYMLINKS !== '1';

/** Makes `at` show the file `target` (relative to `at`'s folder) to Pagefind. */
async function placePage(target: string, at: string): Promise<void> {
  if (symlinks) {
    try {
      return await symlink(target, at);
    } catch (error) {
      if (!['EPERM', 'EACCES', 'ENOSYS', 'ENOTSUP', 'EINVAL'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      symlinks = false;
    }
  }
  const file = join(dirname(at), target);
  await link(file, at).catch(() => copyFile(file, at));
}

/**
 * Makes `folder` hold a link to each page of a bundle (`events/<slug>/index.html` → that
 * file of the output), and no other, changing only what differs from the last build.
 * Pagefind follows links to files, not to folders.
 */
async function linkPages(outDir: string, pages: readonly string[], folder: string): Promise<void> {
  const record = join(folder, '.links.json');
  // Hard links and copies hold the last build's pages: only symbolic links are kept.
  if (!symlinks) await rm(folder, { recursive: true, force: true });
  const made = JSON.parse(await readFile(record, 'utf8').catch(() => '{}')) as Record<string, string>;
  const at = (page: string) => join(folder, page, 'index.html');
  const wanted = Object.fromEntries(pages.map((page) => [page, relative(dirname(at(page)), join(outDir, page, 'index.html'))]));
  await Promise.all(Object.keys(made).filter((page) => made[page] !== wanted[page]).map((page) => rm(at(page), { force: true })));
  const missing = Object.keys(wanted).filter((page) => made[page] !== wanted[page]);
  await Promise.all([...new Set(missing.map((page) => dirname(at(page))))].map((parent) => mkdir(parent, { recursive: true })));
  await Promise.all(missing.map((page) => placePage(wanted[page] ?? '', at(page))));
  if (symlinks) await writeFile(record, JSON.stringify(wanted));
}

/** @returns the integration; the indexes are written to `<outDir>/pagefind/` */
export function pagefindIndex(): AstroIntegration {
  let sources = '';
  return {
    name: 'timeline:pagefind',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'build') injectRoute({ pattern: `/${LIST}`, entrypoint: new URL('./routes/search-bundles.ts', import.meta.url) });
      },
      'astro:config:done': ({ config }) => {
        const outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        sources = join(dirname(outDir), `${basename(outDir)}-search-pages`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const list = join(outDir, LIST);
          const bundles = JSON.parse(await readFile(list, 'utf8')) as SearchBundle[];
          await rm(list);
          const pages = await writeBundle(outDir, join(outDir, 'pagefind'));
          for (const bundle of bundles) {
            const folder = join(sources, bundle.path);
            await linkPages(outDir, bundle.pages, folder);
            let indexed = await writeBundle(folder, join(outDir, bundle.path));
            if (indexed !== bundle.pages.length) {
              // The links were changed by hand since the last build: make them afresh.
              await rm(folder, { recursive: true, force: true });
              await linkPages(outDir, bundle.pages, folder);
              indexed = await writeBundle(folder, join(outDir, bundle.path));
            }
            if (indexed !== bundle.pages.length) throw new Error(`${bundle.path} holds ${indexed} pages, not ${bundle.pages.length}`);
          }
          logger.info(`Read ${pages} pages into the search index, and ${bundles.length} country bundles, in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          throw new Error('Building the search index failed', { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
