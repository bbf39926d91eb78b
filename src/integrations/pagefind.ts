/**
 * Builds the Pagefind search indexes as part of `astro build`, from the pages just
 * written: only what pages mark with `data-pagefind-body` (events and statements) is
 * indexed. Any indexing error fails the build.
 *
 * Two kinds of bundle: the whole site's (`pagefind/`), and one per country
 * (`pagefind/country/<code>/`) holding only that country's events and statements, so a
 * search within one country downloads a fraction of the whole index. Which pages go
 * in which country bundle comes from `/search-bundles.json`, a build-only route that
 * can read the content; the pages are hard-linked into a folder per bundle for
 * Pagefind to read, then that folder and the list are removed.
 */
import { link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

/** Hard-links a bundle's pages into `folder`, keeping their paths, for Pagefind to read. */
async function linkPages(outDir: string, pages: readonly string[], folder: string): Promise<void> {
  await Promise.all(pages.map((page) => mkdir(join(folder, page), { recursive: true })));
  await Promise.all(pages.map((page) => link(join(outDir, page, 'index.html'), join(folder, page, 'index.html'))));
}

/** @returns the integration; the indexes are written to `<outDir>/pagefind/` */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'timeline:pagefind',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'build') injectRoute({ pattern: `/${LIST}`, entrypoint: new URL('./routes/search-bundles.ts', import.meta.url) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const sources = join(dirname(outDir), `.${LIST}-pages`);
        const started = performance.now();
        try {
          const list = join(outDir, LIST);
          const bundles = JSON.parse(await readFile(list, 'utf8')) as SearchBundle[];
          await rm(list);
          const pages = await writeBundle(outDir, join(outDir, 'pagefind'));
          await rm(sources, { recursive: true, force: true });
          for (const bundle of bundles) {
            const folder = join(sources, bundle.path);
            await linkPages(outDir, bundle.pages, folder);
            await writeBundle(folder, join(outDir, bundle.path));
          }
          logger.info(`Read ${pages} pages into the search index, and ${bundles.length} country bundles, in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          throw new Error('Building the search index failed', { cause: error });
        } finally {
          await rm(sources, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}
